package io.synthgen.column;

import io.synthgen.plan.DataType;
import io.synthgen.plan.Rounding;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;

/** Turns drawn doubles into a column's representation. */
public final class Casts {

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Casts() {
  }

  public static long pow10(int n) {
    return POW10[n];
  }

  /** Applies the rounding mode; NONE leaves the value. */
  public static double round(double v, Rounding r) {
    return r.apply(v);
  }

  /**
   * The long representation of a double for a long-backed numeric type: integers round half-up, decimals are
   * scaled and rounded half-up to their scale (with a 1e-9 guard so 2.675 becomes 2.68 as written).
   */
  public static long toLong(double v, DataType t) {
    if (t.kind() == DataType.Kind.DECIMAL) {
      double scaled = v * POW10[t.scale()];
      return (long) Math.floor(scaled + 0.5 + Math.ulp(scaled) * 4);
    }
    return (long) Math.floor(v + 0.5);
  }

  /** A vector of the column type from doubles. */
  public static Vec fromDoubles(double[] values, int n, DataType t) {
    if (t.kind() == DataType.Kind.DOUBLE) {
      return new DoubleVec(values, n);
    }
    LongVec out = new LongVec(t, n);
    for (int i = 0; i < n; i++) {
      out.values[i] = toLong(values[i], t);
    }
    return out;
  }
}
