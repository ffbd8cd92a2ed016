package io.synthgen.validate;

import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.HashMap;
import java.util.Map;

/** Running statistics of one column over the batches of a run. Thread-safe. */
final class ColumnStats {

  private final boolean countValues;
  private final KeySet keys;
  private long rows;
  private long nulls;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private final Map<String, Long> counts = new HashMap<>();

  ColumnStats(boolean countValues, boolean collectKeys) {
    this.countValues = countValues;
    this.keys = collectKeys ? new KeySet() : null;
  }

  void accept(Vec v) {
    int n = v.size();
    long localNulls = v.nullCount();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    Map<String, Long> local = countValues ? new HashMap<>() : null;
    if (v instanceof LongVec l) {
      for (int i = 0; i < n; i++) {
        if (l.isNull(i)) {
          continue;
        }
        long x = l.values[i];
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
        if (local != null) {
          local.merge(Long.toString(x), 1L, Long::sum);
        }
        if (keys != null) {
          keys.addLong(x);
        }
      }
    } else if (v instanceof DoubleVec d) {
      for (int i = 0; i < n; i++) {
        if (d.isNull(i)) {
          continue;
        }
        lo = Math.min(lo, d.values[i]);
        hi = Math.max(hi, d.values[i]);
        if (local != null) {
          local.merge(Double.toString(d.values[i]), 1L, Long::sum);
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
