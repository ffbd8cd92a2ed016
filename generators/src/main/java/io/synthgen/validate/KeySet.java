package io.synthgen.validate;

import java.util.HashSet;
import java.util.Set;

/**
 * Distinct keys seen in a column, for uniqueness and foreign-key checks: longs in an open-addressing table, strings
 * in a hash set. Stops collecting (and reports itself incomplete) past {@link #LIMIT} values to bound memory.
 * Thread-safe.
 */
final class KeySet {

  static final int LIMIT = 4_000_000;

  private long[] table = new long[1 << 16];
  private boolean[] used = new boolean[1 << 16];
  private int size;
  private final Set<String> strings = new HashSet<>();
  private boolean overflow;
  private long duplicates;

  /** Adds the non-null values among the first n of a batch, under one lock. */
  synchronized void addLongs(long[] values, boolean[] nulls, int n) {
    for (int i = 0; i < n; i++) {
      if (nulls == null || !nulls[i]) {
        addLong(values[i]);
      }
    }
  }

  synchronized void addLong(long v) {
    if (overflow) {
      return;
    }
    if (size * 2 >= table.length) {
      if (size >= LIMIT) {
        overflow = true;
        return;
      }
      grow();
    }
    if (!insert(table, used, v)) {
      duplicates++;
    } else {
      size++;
    }
  }

  synchronized void addString(String s) {
    if (overflow) {
      return;
    }
    if (strings.size() >= LIMIT / 4) {
      overflow = true;
      return;
    }
    if (!strings.add(s)) {
      duplicates++;
    }
  }

  synchronized boolean containsLong(long v) {
    int mask = table.length - 1;
    int i = mix(v) & mask;
    while (used[i]) {
      if (table[i] == v) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  synchronized boolean containsString(String s) {
    return strings.contains(s);
  }

  synchronized long duplicates() {
    return duplicates;
  }

  synchronized boolean complete() {
    return !overflow;
  }

  synchronized long[] longs() {
    long[] out = new long[size];
    int k = 0;
    for (int i = 0; i < table.length; i++) {
      if (used[i]) {
        out[k++] = table[i];
      }
    }
    return out;
  }

  synchronized Set<String> strings() {
    return new HashSet<>(strings);
  }

  private void grow() {
    long[] t = new long[table.length * 2];
    boolean[] u = new boolean[t.length];
    for (int i = 0; i < table.length; i++) {
      if (used[i]) {
        insert(t, u, table[i]);
      }
    }
    table = t;
    used = u;
  }

  private static boolean insert(long[] t, boolean[] u, long v) {
    int mask = t.length - 1;
    int i = mix(v) & mask;
    while (u[i]) {
      if (t[i] == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
    u[i] = true;
    t[i] = v;
    return true;
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
