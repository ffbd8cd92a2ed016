package io.synthgen.random;

/**
 * The natural and base-10 logarithms of fdlibm ({@code e_log.c}, {@code e_log10.c}) in plain Java: bit-identical to
 * {@link StrictMath#log} and {@link StrictMath#log10} for every input, which is what Spark's {@code ln} and
 * {@code log10} compute. On JDK 17 those two StrictMath methods are native (one JNI call per value that the JIT
 * never inlines) and were the costliest frames of the samplers; this Java form inlines into the sampling loops.
 *
 * <p>Method: write x = 2^k (1 + f) with sqrt(2)/2 &lt; 1 + f &lt; sqrt(2), then ln(1 + f) = 2s + s R(s^2) with
 * s = f / (2 + f) and R a degree-14 minimax polynomial, and ln x = k ln2_hi + (f - (f^2/2 - s (f^2/2 + R) - k
 * ln2_lo)). The operation order below is fdlibm's, which Java's strict IEEE arithmetic reproduces exactly.
 */
public final class FdLog {

  private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42_fee00000
  private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef_35793c76
  private static final double TWO54 = 1.80143985094819840000e+16; // 0x43500000_00000000
  private static final double LG1 = 6.666666666666735130e-01; // 0x3fe55555_55555593
  private static final double LG2 = 3.999999999940941908e-01; // 0x3fd99999_9997fa04
  private static final double LG3 = 2.857142874366239149e-01; // 0x3fd24924_94229359
  private static final double LG4 = 2.222219843214978396e-01; // 0x3fcc71c5_1d8e78af
  private static final double LG5 = 1.818357216161805012e-01; // 0x3fc74664_96cb03de
  private static final double LG6 = 1.531383769920937332e-01; // 0x3fc39a09_d078c69f
  private static final double LG7 = 1.479819860511658591e-01; // 0x3fc2f112_df3e5244

  private static final double IVLN10 = 4.34294481903251816668e-01; // 0x3fdbcb7b_1526e50e
  private static final double LOG10_2HI = 3.01029995663611771306e-01; // 0x3fd34413_509f6000
  private static final double LOG10_2LO = 3.69423907715893078616e-13; // 0x3d59fef3_11f12b36

  private static final double ZERO = 0.0;

  private FdLog() {
  }

  /**
   * {@code StrictMath.log(x)}, bit for bit. The rare inputs (zero, negative, subnormal, infinite, NaN, within 2^-20
   * of a power of two) branch to separate methods, so the common path stays small enough for the JIT to inline.
   */
  public static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >> 32);
    if (hx < 0x00100000 || hx >= 0x7ff00000) {
      return logOutsideNormals(x, bits, hx);
    }
    return logNormal(bits, hx, 0);
  }

  /** x &lt; 2^-1022 (zero, negative or subnormal), infinite or NaN. */
  private static double logOutsideNormals(double x, long bits, int hx) {
    if (hx >= 0x7ff00000) {
      return x + x;
    }
    if (((hx & 0x7fffffff) | (int) bits) == 0) {
      return -TWO54 / ZERO;
    }
    if (hx < 0) {
      return (x - x) / ZERO;
    }
    long scaled = Double.doubleToRawLongBits(x * TWO54);
    return logNormal(scaled, (int) (scaled >> 32), -54);
  }

  /** The log of the positive normal double {@code bits} (high word {@code hx}), times 2^k. */
  private static double logNormal(long bits, int hx, int k) {
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    double x = withHigh(bits, hx | (i ^ 0x3ff00000)); // x or x/2 into [sqrt(2)/2, sqrt(2))
    k += i >> 20;
    double f = x - 1.0;
    if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
      return logNearOne(f, k);
    }
    double s = f / (2.0 + f);
    double dk = k;
    double z = s * s;
    int lo = hx - 0x6147a;
    double w = z * z;
    int hi = 0x6b851 - hx;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    double r = t2 + t1;
    if ((lo | hi) > 0) {
      double hfsq = 0.5 * f * f;
      if (k == 0) {
        return f - (hfsq - s * (hfsq + r));
      }
      return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    if (k == 0) {
      return f - s * (f - r);
    }
    return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
  }

  /** k ln 2 + ln(1 + f) for |f| &lt; 2^-20, by a short series. */
  private static double logNearOne(double f, int k) {
    if (f == ZERO) {
      if (k == 0) {
        return ZERO;
      }
      double dk = k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    double r = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) {
      return f - r;
    }
    double dk = k;
    return dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }

  /** {@code StrictMath.log10(x)}, bit for bit: n log10(2) + log10(e) ln(x / 2^n), split as fdlibm splits it. */
  public static double log10(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >> 32);
    int k = 0;
    if (hx < 0x00100000) {
      if (((hx & 0x7fffffff) | (int) bits) == 0) {
        return -TWO54 / ZERO;
      }
      if (hx < 0) {
        return (x - x) / ZERO;
      }
      k -= 54;
      x *= TWO54;
      bits = Double.doubleToRawLongBits(x);
      hx = (int) (bits >> 32);
    }
    if (hx >= 0x7ff00000) {
      return x + x;
    }
    k += (hx >> 20) - 1023;
    int i = k >>> 31;
    hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
    double y = k + i;
    double z = y * LOG10_2LO + IVLN10 * log(withHigh(bits, hx));
    return z + y * LOG10_2HI;
  }

  /** {@code bits} with its high 32 bits replaced by {@code high}: fdlibm's {@code __HI(x) = high}. */
  private static double withHigh(long bits, int high) {
    return Double.longBitsToDouble(((long) high << 32) | (bits & 0xffffffffL));
  }
}
