package io.synthgen.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal helpers over unscaled longs. Rounding is HALF_UP (away from zero on a tie) everywhere.
 *
 * <p>A double becomes a decimal through its shortest decimal spelling ({@link Double#toString}), the way Spark's
 * {@code round} and a person reading the value see it: the double nearest 2.675 is 2.67499999999999982236431605997495353221893310546875,
 * but it prints as 2.675 and rounds to 2.68. Values far from a tie take a fast path with the same result.
 */
final class DecimalMath {

  static final long[] POW10 = new long[19];
  static final double[] POW10D = new double[19];

  static {
    long p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      POW10D[i] = p;
      p *= 10;
    }
  }

  private DecimalMath() {
  }

  /** Marks an unrepresentable result; callers turn it into NULL. */
  static final long OVERFLOW = Long.MIN_VALUE;

  /** Rescales an unscaled value from scale {@code from} to scale {@code to}, HALF_UP; OVERFLOW when it does not fit. */
  static long rescale(long v, int from, int to) {
    if (to == from) {
      return v;
    }
    if (to > from) {
      int d = to - from;
      if (d >= POW10.length) {
        return v == 0 ? 0 : OVERFLOW;
      }
      long hi = Math.multiplyHigh(v, POW10[d]);
      long lo = v * POW10[d];
      return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? (lo == OVERFLOW ? OVERFLOW : lo) : OVERFLOW;
    }
    int d = from - to;
    if (d >= POW10.length) {
      return 0;
    }
    long p = POW10[d];
    long q = v / p;
    long r = v % p;
    if (Math.abs(r) * 2 >= p) {
      q += v < 0 ? -1 : 1;
    }
    return q;
  }

  /** True when an unscaled value fits {@code precision} digits. */
  static boolean fits(long v, int precision) {
    return v != OVERFLOW && (precision >= 19 || Math.abs(v) < POW10[precision]);
  }

  /** A double as an unscaled value at {@code scale}, HALF_UP on its shortest spelling; OVERFLOW when out of range. */
  static long fromDouble(double d, int scale) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return OVERFLOW;
    }
    double scaled = d * POW10D[Math.min(scale, 18)];
    if (Math.abs(scaled) < 1e8) {
      double floor = Math.floor(scaled);
      double frac = scaled - floor;
      // Far from a tie the product's rounding error (a few ulps) cannot change the result.
      if (Math.abs(frac - 0.5) > 1e-6) {
        return (long) (frac > 0.5 ? floor + 1 : floor);
      }
    }
    try {
      BigDecimal b = BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP);
      return b.unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      return OVERFLOW;
    }
  }

  /** Rounds a double to {@code digits} decimal places (negative: tens, hundreds...), HALF_UP on its shortest spelling. */
  static double roundDouble(double d, int digits) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    if (digits >= 0 && digits < POW10.length) {
      long u = fromDouble(d, digits);
      if (u != OVERFLOW) {
        return u / POW10D[digits];
      }
    }
    return BigDecimal.valueOf(d).setScale(digits, RoundingMode.HALF_UP).doubleValue();
  }

  static double toDouble(long unscaled, int scale) {
    return unscaled / POW10D[scale];
  }

  static String toString(long unscaled, int scale) {
    return BigDecimal.valueOf(unscaled, scale).toPlainString();
  }
}
