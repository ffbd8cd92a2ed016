package io.synthgen.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** {@link FdLog} against the JDK's fdlibm: raw bits equal for every probed input, NaN included. */
class FdLogTest {

  private static final int N = 1_000_000;

  @Test
  void uniformUnitInterval() {
    SplittableRandom r = new SplittableRandom(1);
    // The samplers' inputs: 53-bit uniforms u and 1 - u.
    probe(N, () -> (r.nextLong() >>> 11) * 0x1.0p-53);
    probe(N, () -> 1.0 - (r.nextLong() >>> 11) * 0x1.0p-53);
  }

  @Test
  void everyExponentAndSign() {
    SplittableRandom r = new SplittableRandom(2);
    probe(N, () -> Double.longBitsToDouble(r.nextLong()));
    probe(N, () -> Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE));
  }

  @Test
  void subnormals() {
    SplittableRandom r = new SplittableRandom(3);
    probe(N / 4, () -> Double.longBitsToDouble(r.nextLong() & 0x000f_ffff_ffff_ffffL));
    probe(N / 4, () -> Double.longBitsToDouble(r.nextLong() >>> (12 + r.nextInt(52))));
    for (long b = 1; b < 1L << 52; b <<= 1) {
      same(Double.longBitsToDouble(b));
      same(Double.longBitsToDouble((b - 1) | b));
    }
  }

  @Test
  void nearOneAndTheBranchEdges() {
    SplittableRandom r = new SplittableRandom(4);
    probe(N / 2, () -> 1.0 + (r.nextDouble() * 2 - 1) * 0x1.0p-20);
    probe(N / 4, () -> Math.scalb(1.0 + (r.nextDouble() * 2 - 1) * 0x1.0p-20, r.nextInt(2100) - 1075));
    // Mantissas around the reduction's sqrt(2) cut (0x6a09e) and the polynomial's two cuts (0x6147a, 0x6b851).
    for (int cut : new int[] {0x6a09e, 0x6147a, 0x6b851, 0x95f64, 0xfffff, 0}) {
      for (int d = -3; d <= 3; d++) {
        long high = (cut + d) & 0xfffff;
        for (int e : new int[] {1, 1022, 1023, 1024, 2046}) {
          probe(200, () -> Double.longBitsToDouble(((long) e << 52) | (high << 32) | (r.nextLong() & 0xffff_ffffL)));
        }
      }
    }
  }

  @Test
  void specialValuesAndPowersOfTwo() {
    double[] special = {0.0, -0.0, -1.0, -Double.MIN_VALUE, Double.NaN, -Double.NaN,
        Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.longBitsToDouble(0xfff4_0000_0000_0000L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, Math.nextUp(1.0), Math.nextDown(1.0),
        Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, Math.E, 10.0,
        0.1, 1e-300, 1e300, Math.sqrt(2), Math.sqrt(0.5)};
    for (double x : special) {
      same(x);
    }
    for (int e = -1074; e <= 1023; e++) {
      double p = Math.scalb(1.0, e);
      same(p);
      same(Math.nextUp(p));
      same(Math.nextDown(p));
      same(Math.pow(10, e / 3.5));
    }
  }

  private static void probe(int n, DoubleSupplier inputs) {
    for (int i = 0; i < n; i++) {
      same(inputs.getAsDouble());
    }
  }

  private static void same(double x) {
    long want = Double.doubleToRawLongBits(StrictMath.log(x));
    long got = Double.doubleToRawLongBits(FdLog.log(x));
    if (want != got) {
      assertEquals(Long.toHexString(want), Long.toHexString(got), "log of " + x + " (" + Long.toHexString(
          Double.doubleToRawLongBits(x)) + ")");
    }
    long want10 = Double.doubleToRawLongBits(StrictMath.log10(x));
    long got10 = Double.doubleToRawLongBits(FdLog.log10(x));
    if (want10 != got10) {
      assertEquals(Long.toHexString(want10), Long.toHexString(got10), "log10 of " + x + " (" + Long.toHexString(
          Double.doubleToRawLongBits(x)) + ")");
    }
  }
}
