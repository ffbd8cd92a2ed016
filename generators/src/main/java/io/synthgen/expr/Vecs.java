package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;

/** Small helpers for building result vectors and combining null masks. */
final class Vecs {

  private Vecs() {
  }

  /** The union of two null masks; null when neither has nulls. Never returns one of its arguments. */
  static boolean[] or(boolean[] a, boolean[] b, int n) {
    if (a == null && b == null) {
      return null;
    }
    boolean[] r = new boolean[n];
    for (int i = 0; i < n; i++) {
      r[i] = (a != null && a[i]) || (b != null && b[i]);
    }
    return r;
  }

  static boolean[] copy(boolean[] mask) {
    return mask == null ? null : mask.clone();
  }

  /** A mask with every element null. */
  static boolean[] allNull(int n) {
    boolean[] r = new boolean[n];
    java.util.Arrays.fill(r, true);
    return r;
  }

  static LongVec longs(DataType type, long[] values, boolean[] nulls, int n) {
    LongVec v = new LongVec(type, values, n);
    v.setNulls(nulls);
    return v;
  }

  static DoubleVec doubles(double[] values, boolean[] nulls, int n) {
    DoubleVec v = new DoubleVec(values, n);
    v.setNulls(nulls);
    return v;
  }

  static BoolVec bools(boolean[] values, boolean[] nulls, int n) {
    BoolVec v = new BoolVec(values, n);
    v.setNulls(nulls);
    return v;
  }

  static StrVec plain(String[] values, boolean[] nulls, int n) {
    StrVec v = StrVec.plain(values, n);
    v.setNulls(nulls);
    return v;
  }

  /** A vector of the given type whose elements are all null. */
  static Vec nulls(DataType type, int n) {
    Vec v = switch (type.kind()) {
      case BIGINT, INT, DECIMAL, DATE, TIMESTAMP -> new LongVec(type, n);
      case DOUBLE -> new DoubleVec(n);
      case BOOLEAN -> new BoolVec(n);
      case STRING -> StrVec.plain(new String[n], n);
    };
    v.setNulls(allNull(n));
    return v;
  }

  /** A shallow copy with its own arrays, so a caller may modify it without touching an input column. */
  static Vec copyOf(Vec v) {
    int n = v.size();
    Vec r;
    if (v instanceof LongVec l) {
      r = new LongVec(l.type(), l.values.clone(), n);
    } else if (v instanceof DoubleVec d) {
      r = new DoubleVec(d.values.clone(), n);
    } else if (v instanceof BoolVec b) {
      r = new BoolVec(b.values.clone(), n);
    } else if (v instanceof StrVec s) {
      r = s.isDictionary() ? StrVec.dictionary(s.dict, s.codes.clone(), n)
          : s.isUtf8() ? StrVec.utf8(s.utf8.clone(), s.offsets.clone(), n) : StrVec.plain(s.plain.clone(), n);
    } else {
      throw new IllegalArgumentException("unknown vector " + v);
    }
    r.setNulls(copy(v.nulls()));
    return r;
  }
}
