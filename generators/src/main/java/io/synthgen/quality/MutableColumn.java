package io.synthgen.quality;

import io.synthgen.validate.CellText;
import io.synthgen.plan.DataType;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;

/** Copies of vectors that defects may change in place, and row gathers; strings come out in plain layout. */
final class MutableColumn {

  private MutableColumn() {
  }

  /** A copy of {@code v} whose values and null mask belong to the caller. */
  static Vec copy(Vec v) {
    return gather(v, identity(v.size()), v.size());
  }

  static int[] identity(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  /** A new vector whose element k is element {@code idx[k]} of {@code v}, for k below {@code n}. */
  static Vec gather(Vec v, int[] idx, int n) {
    Vec out;
    if (v instanceof StrVec s) {
      String[] p = new String[n];
      for (int k = 0; k < n; k++) {
        p[k] = s.str(idx[k]);
      }
      out = StrVec.plain(p, n);
    } else if (v instanceof DoubleVec d) {
      double[] x = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = d.values[idx[k]];
      }
      out = new DoubleVec(x, n);
    } else if (v instanceof BoolVec b) {
      boolean[] x = new boolean[n];
      for (int k = 0; k < n; k++) {
        x[k] = b.values[idx[k]];
      }
      out = new BoolVec(x, n);
    } else {
      LongVec l = (LongVec) v;
      long[] x = new long[n];
      for (int k = 0; k < n; k++) {
        x[k] = l.values[idx[k]];
      }
      out = new LongVec(l.type(), x, n);
    }
    if (v.nulls() != null) {
      boolean[] m = new boolean[n];
      for (int k = 0; k < n; k++) {
        m[k] = v.isNull(idx[k]);
      }
      out.setNulls(m);
    }
    return out;
  }

  /** An all-NULL-free empty vector of {@code type} with {@code n} elements, to fill with {@link CellText#set}. */
  static Vec empty(DataType type, int n) {
    switch (type.kind()) {
      case STRING:
        return StrVec.plain(new String[n], n);
      case DOUBLE:
        return new DoubleVec(n);
      case BOOLEAN:
        return new BoolVec(n);
      case BIGINT:
      case INT:
      case DECIMAL:
      case DATE:
      case TIMESTAMP:
        return new LongVec(type, n);
    }
    throw new IllegalArgumentException("unknown type " + type);
  }
}
