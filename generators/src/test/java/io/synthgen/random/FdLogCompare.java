package io.synthgen.random;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A long check run by hand, not by the build: {@link FdLog} against {@link StrictMath} on {@code n} random inputs
 * (default 10^9; half 53-bit uniforms in (0, 1], half random bit patterns of any sign and exponent), counting raw-bit
 * mismatches and timing both. Run after {@code test-compile}:
 *
 * <pre>java -cp generators/target/classes:generators/target/test-classes io.synthgen.random.FdLogCompare 1000000000</pre>
 */
public final class FdLogCompare {

  private FdLogCompare() {
  }

  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000_000L;
    long mismatches = 0;
    long fdNanos = 0;
    long strictNanos = 0;
    double sink = 0;
    SplittableRandom r = new SplittableRandom(14);
    double[] xs = new double[1 << 16];
    for (long done = 0; done < n; done += xs.length) {
      for (int i = 0; i < xs.length; i++) {
        long bits = r.nextLong();
        xs[i] = (i & 1) == 0 ? 1.0 - (bits >>> 11) * 0x1.0p-53 : Double.longBitsToDouble(bits);
      }
      long t0 = System.nanoTime();
      for (double x : xs) {
        sink += FdLog.log(x) + FdLog.log10(x);
      }
      long t1 = System.nanoTime();
      for (double x : xs) {
        sink += StrictMath.log(x) + StrictMath.log10(x);
      }
      long t2 = System.nanoTime();
      fdNanos += t1 - t0;
      strictNanos += t2 - t1;
      for (double x : xs) {
        if (Double.doubleToRawLongBits(FdLog.log(x)) != Double.doubleToRawLongBits(StrictMath.log(x))
            || Double.doubleToRawLongBits(FdLog.log10(x)) != Double.doubleToRawLongBits(StrictMath.log10(x))) {
          mismatches++;
          System.out.println("mismatch at " + Long.toHexString(Double.doubleToRawLongBits(x)));
        }
      }
    }
    long inputs = (n + xs.length - 1) / xs.length * xs.length;
    System.out.printf(Locale.ROOT, "%,d inputs, %d mismatches; log+log10 per input: FdLog %.2f ns, StrictMath %.2f"
        + " ns (checksum %s)%n", inputs, mismatches, (double) fdNanos / inputs, (double) strictNanos / inputs,
        Double.isNaN(sink) ? "NaN" : Double.toString(sink));
  }
}
