package io.synthgen.expr;

import io.synthgen.vec.StrDict;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Per-dictionary results of a per-value function (a mapped dictionary, a parsed value per code), computed once per
 * source dictionary (by identity: {@link StrDict} has identity equality) and shared by every batch and thread.
 * Weak keys let dictionaries of finished plans be collected.
 */
final class DictCache<T> {

  private final Map<StrDict, T> cache = Collections.synchronizedMap(new WeakHashMap<>());

  T get(StrDict dict, Function<StrDict, T> compute) {
    return cache.computeIfAbsent(dict, compute);
  }

  int size() {
    return cache.size();
  }
}
