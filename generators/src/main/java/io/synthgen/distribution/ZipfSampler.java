package io.synthgen.distribution;

import io.synthgen.random.Stream;

/**
 * Zipf over ranks 1..n, P(k) proportional to k^-s, by Hörmann and Derflinger's rejection-inversion, which needs no
 * table (n may be in the billions). Draws are taken in order from draw 0; acceptance is above 90 % for any s.
 */
public final class ZipfSampler extends Sampler {

  private final long n;
  private final double s;
  private final double hIntegralX1;
  private final double hIntegralN;
  private final double sConst;

  public ZipfSampler(Stream stream, long n, double exponent) {
    this(Source.of(stream), n, exponent);
  }

  ZipfSampler(Source source, long n, double exponent) {
    super(source, MAX_DRAWS);
    this.n = n;
    this.s = exponent;
    this.hIntegralX1 = hIntegral(1.5) - 1.0;
    this.hIntegralN = hIntegral(n + 0.5);
    this.sConst = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2));
  }

  @Override
  public double sample(long rowHash) {
    return rank(rowHash);
  }

  /** A rank in 1..n. */
  public long rank(long rowHash) {
    for (int k = 0; k < drawCount; k++) {
      double u = hIntegralN + u(k, rowHash) * (hIntegralX1 - hIntegralN);
      double x = hIntegralInverse(u);
      long kk = (long) (x + 0.5);
      if (kk < 1) {
        kk = 1;
      } else if (kk > n) {
        kk = n;
      }
      if (kk - x <= sConst || u >= hIntegral(kk + 0.5) - h(kk)) {
        return kk;
      }
    }
    return 1;
  }

  @Override
  public double mean() {
    return Double.NaN;
  }

  private double hIntegral(double x) {
    double logX = StrictMath.log(x);
    return helper2((1.0 - s) * logX) * logX;
  }

  private double h(double x) {
    return StrictMath.exp(-s * StrictMath.log(x));
  }

  private double hIntegralInverse(double x) {
    double t = x * (1.0 - s);
    if (t < -1.0) {
      t = -1.0;
    }
    return StrictMath.exp(helper1(t) * x);
  }

  private static double helper1(double x) {
    return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
  }

  private static double helper2(double x) {
    return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x * (1.0 / 3.0) * (1.0 + 0.25 * x));
  }
}
