package io.synthgen.vec;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable list of distinct strings with their UTF-8 encodings, built once at resolve time and shared by all
 * batches. Dictionary-coded {@link StrVec}s hold indices into it, so writers can emit dictionary pages directly.
 */
public final class StrDict {

  private final String[] values;
  private final byte[][] utf8;
  private Map<String, Integer> index;

  public StrDict(List<String> values) {
    this.values = values.toArray(new String[0]);
    this.utf8 = new byte[this.values.length][];
    for (int i = 0; i < this.values.length; i++) {
      utf8[i] = this.values[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  public int size() {
    return values.length;
  }

  public String get(int code) {
    return values[code];
  }

  public byte[] utf8(int code) {
    return utf8[code];
  }

  /** The code of a value, or -1. */
  public synchronized int codeOf(String value) {
    if (index == null) {
      index = new HashMap<>();
      for (int i = 0; i < values.length; i++) {
        index.putIfAbsent(values[i], i);
      }
    }
    return index.getOrDefault(value, -1);
  }

  public List<String> values() {
    return List.of(values);
  }
}
