package io.synthgen.validate;

import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.HashMap;
import java.util.Map;

/**
 * Running statistics of one column over the batches of a run: rows, nulls, and only what the column's checks read
 * (min and max for a range check, value counts for a weights check, distinct keys for uniqueness or references).
 * Thread-safe.
 */
final class ColumnStats {

  private final boolean countValues;
  private final boolean range;
  private final KeySet keys;
  private long rows;
  private long nulls;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private final Map<String, Long> counts = new HashMap<>();

  ColumnStats(boolean countValues, boolean collectKeys, boolean range) {
    this.countValues = countValues;
    this.range = range;
    this.keys = collectKeys ? new KeySet() : null;
  }

  void accept(Vec v) {
    int n = v.size();
    long localNulls = v.nullCount();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    Map<String, Long> local = countValues ? new HashMap<>() : null;
    if (v instanceof LongVec l) {
      if (range && localNulls < n) {
        // long to double rounds monotonically, so the double of the long extreme is the extreme of the doubles
        lo = longMin(l.values, l.nulls(), n);
        hi = longMax(l.values, l.nulls(), n);
      }
      if (local != null) {
        for (int i = 0; i < n; i++) {
          if (!l.isNull(i)) {
            local.merge(Long.toString(l.values[i]), 1L, Long::sum);
          }
        }
      }
      if (keys != null) {
        keys.addLongs(l.values, l.nulls(), n);
      }
    } else if (v instanceof DoubleVec d) {
      if (range || local != null) {
        for (int i = 0; i < n; i++) {
          if (d.isNull(i)) {
            continue;
          }
          if (range) {
            lo = Math.min(lo, d.values[i]);
            hi = Math.max(hi, d.values[i]);
          }
          if (local != null) {
            local.merge(Double.toString(d.values[i]), 1L, Long::sum);
          }
        }
      }
    } else if (v instanceof BoolVec b) {
      if (local != null) {
        long t = 0;
        for (int i = 0; i < n; i++) {
          if (!b.isNull(i) && b.values[i]) {
            t++;
          }
        }
        local.merge("true", t, Long::sum);
        local.merge("false", n - localNulls - t, Long::sum);
      }
    } else {
      StrVec s = (StrVec) v;
      if (s.isDictionary() && local != null) {
        long[] byCode = new long[s.dict.size()];
        for (int i = 0; i < n; i++) {
          if (!s.isNull(i)) {
            byCode[s.codes[i]]++;
          }
        }
        for (int c = 0; c < byCode.length; c++) {
          if (byCode[c] > 0) {
            local.merge(s.dict.get(c), byCode[c], Long::sum);
          }
        }
      } else if (local != null) {
        for (int i = 0; i < n; i++) {
          if (!s.isNull(i)) {
            local.merge(s.str(i), 1L, Long::sum);
          }
        }
      }
      if (keys != null) {
        for (int i = 0; i < n; i++) {
          if (!s.isNull(i)) {
            keys.addString(s.str(i));
          }
        }
      }
    }
    synchronized (this) {
      rows += n;
      nulls += localNulls;
      min = Math.min(min, lo);
      max = Math.max(max, hi);
      if (local != null) {
        local.forEach((k, c) -> counts.merge(k, c, Long::sum));
      }
    }
  }

  private static long longMin(long[] x, boolean[] nulls, int n) {
    long m = Long.MAX_VALUE;
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        m = Math.min(m, x[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          m = Math.min(m, x[i]);
        }
      }
    }
    return m;
  }

  private static long longMax(long[] x, boolean[] nulls, int n) {
    long m = Long.MIN_VALUE;
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        m = Math.max(m, x[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          m = Math.max(m, x[i]);
        }
      }
    }
    return m;
  }

  synchronized long rows() {
    return rows;
  }

  synchronized long nulls() {
    return nulls;
  }

  synchronized double min() {
    return min;
  }

  synchronized double max() {
    return max;
  }

  synchronized Map<String, Long> counts() {
    return new HashMap<>(counts);
  }

  KeySet keys() {
    return keys;
  }
}
