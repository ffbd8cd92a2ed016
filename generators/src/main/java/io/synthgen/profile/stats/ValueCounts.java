package io.synthgen.profile.stats;

import io.synthgen.profile.ProfileLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts of a column's values by hash, with one representative value per hash. Exact up to
 * {@link ProfileLimits#EXACT_VALUE_COUNTS} distinct values; past that, a Misra–Gries summary of
 * {@link ProfileLimits#HEAVY_HITTERS} counters (amortised O(1) per value), whose counts are never over the truth
 * and under it by at most {@link #error()}. Each counted hash keeps the value it stands for as a raw long (an
 * integer, a decimal's unscaled value, an epoch day or micro, a double's bits) or an object (a string): no object
 * is made per cell.
 */
public final class ValueCounts {

  private long[] keys = new long[16];
  private long[] counts = new long[16];
  private long[] raws = new long[16];
  private Object[] values = new Object[16];
  private long[] keysAtSwitch;
  private int size;
  private LongIntMap index = new LongIntMap(32);
  private boolean exact = true;
  private long decremented;

  public boolean exact() {
    return exact;
  }

  /** The most a count can be under the truth: 0 while exact. */
  public long error() {
    return decremented;
  }

  public void add(long hash, long raw, Object value) {
    int slot = index.get(hash);
    if (slot >= 0) {
      counts[slot]++;
      return;
    }
    int cap = exact ? ProfileLimits.EXACT_VALUE_COUNTS : ProfileLimits.HEAVY_HITTERS;
    if (size == cap) {
      if (exact) {
        toSummary();
        add(hash, raw, value);
        return;
      }
      decrementAll();
      return;
    }
    if (size == keys.length) {
      int n = keys.length * 2;
      keys = java.util.Arrays.copyOf(keys, n);
      counts = java.util.Arrays.copyOf(counts, n);
      raws = java.util.Arrays.copyOf(raws, n);
      values = java.util.Arrays.copyOf(values, n);
    }
    keys[size] = hash;
    counts[size] = 1;
    raws[size] = raw;
    values[size] = value;
    index.put(hash, size);
    size++;
    if (index.size() * 2 > index.capacity()) {
      rebuildIndex(index.capacity() * 2);
    }
  }

  /** Keeps the HEAVY_HITTERS largest counts (their counts stay exact lower bounds) and continues as Misra–Gries. */
  private void toSummary() {
    exact = false;
    keysAtSwitch = java.util.Arrays.copyOf(keys, size);
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> -counts[i]));
    int keep = ProfileLimits.HEAVY_HITTERS;
    long[] k2 = new long[keep];
    long[] c2 = new long[keep];
    long[] r2 = new long[keep];
    Object[] v2 = new Object[keep];
    for (int i = 0; i < keep; i++) {
      k2[i] = keys[order[i]];
      c2[i] = counts[order[i]];
      r2[i] = raws[order[i]];
      v2[i] = values[order[i]];
    }
    // the dropped values' counts are at most the largest dropped count: that much may be missing from any value
    decremented = counts[order[keep]];
    keys = k2;
    counts = c2;
    raws = r2;
    values = v2;
    size = keep;
    rebuildIndex(keep * 4);
  }

  /** A value that found no counter: every counter loses one, and those at zero are freed (Misra–Gries). */
  private void decrementAll() {
    decremented++;
    int w = 0;
    for (int i = 0; i < size; i++) {
      long c = counts[i] - 1;
      if (c > 0) {
        keys[w] = keys[i];
        counts[w] = c;
        raws[w] = raws[i];
        values[w] = values[i];
        w++;
      }
    }
    for (int i = w; i < size; i++) {
      values[i] = null;
    }
    size = w;
    rebuildIndex(index.capacity());
  }

  private void rebuildIndex(int capacity) {
    index = new LongIntMap(capacity);
    for (int i = 0; i < size; i++) {
      index.put(keys[i], i);
    }
  }

  /**
   * Once, after the switch to Misra–Gries: the hashes of every value counted until then (the caller keeps counting
   * distinct values from there); null before the switch and after the first call.
   */
  public long[] takeKeysAtSwitch() {
    long[] k = keysAtSwitch;
    keysAtSwitch = null;
    return k;
  }

  /** The hashes of the values counted (every distinct value while exact). */
  public long[] hashes() {
    return java.util.Arrays.copyOf(keys, size);
  }

  /** Distinct values counted: every distinct value while exact. */
  public int size() {
    return size;
  }

  /** The count of a value's hash, or 0 when not counted. */
  public long count(long hash) {
    int slot = index.get(hash);
    return slot < 0 ? 0 : counts[slot];
  }

  /** The {@code n} largest counts, most frequent first, ties by first appearance. */
  public List<Entry> top(int n) {
    List<Entry> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      all.add(new Entry(keys[i], raws[i], values[i], counts[i]));
    }
    all.sort(Comparator.comparingLong((Entry e) -> -e.count()));
    return all.subList(0, Math.min(n, all.size()));
  }

  /** One counted value: its raw long or its object, as it was added. */
  public record Entry(long hash, long raw, Object value, long count) {
  }

  /** Open addressing hash to slot, -1 when absent. Keys are hashes; an extra flag holds key 0. */
  static final class LongIntMap {
    private final long[] k;
    private final int[] v;
    private final boolean[] used;
    private int size;

    LongIntMap(int capacity) {
      int c = Integer.highestOneBit(Math.max(16, capacity - 1)) << 1;
      k = new long[c];
      v = new int[c];
      used = new boolean[c];
    }

    int capacity() {
      return k.length;
    }

    int size() {
      return size;
    }

    int get(long key) {
      int mask = k.length - 1;
      int i = (int) (key ^ (key >>> 29)) & mask;
      while (used[i]) {
        if (k[i] == key) {
          return v[i];
        }
        i = (i + 1) & mask;
      }
      return -1;
    }

    void put(long key, int value) {
      int mask = k.length - 1;
      int i = (int) (key ^ (key >>> 29)) & mask;
      while (used[i]) {
        if (k[i] == key) {
          v[i] = value;
          return;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      k[i] = key;
      v[i] = value;
      size++;
    }
  }
}
