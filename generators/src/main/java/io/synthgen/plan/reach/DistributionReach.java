package io.synthgen.plan.reach;

import io.synthgen.plan.Distribution;
import io.synthgen.plan.Rounding;
import io.synthgen.plan.Shaped;

/**
 * The values each sampler of {@code io.synthgen.distribution} can return. Samplers read uniforms u in [0, 1) with
 * 53 random bits (so 0 &lt;= u &lt;= 1 - 2^-53, and 1 - u &gt;= 2^-53), which bounds even an unclamped normal: the
 * Box-Muller radius sqrt(-2 ln(1 - u)) is at most {@link #Z_MAX}. These bounds mirror the samplers' formulas; a test
 * feeds every sampler its extreme uniforms and checks that its draws stay inside.
 */
public final class DistributionReach {

  /** The smallest uniform a sampler takes a logarithm of: 1 - u with u at most 1 - 2^-53. */
  public static final double MIN_POSITIVE_UNIFORM = 0x1p-53;
  /** The largest |z| of a Box-Muller normal draw: sqrt(-2 ln 2^-53), about 8.57. */
  public static final double Z_MAX = Math.nextUp(Math.sqrt(-2.0 * Math.log(MIN_POSITIVE_UNIFORM)));
  /** The largest -ln(1 - u), about 36.74: the exponential's longest draw at rate 1. */
  public static final double NEG_LOG_MAX = Math.nextUp(-Math.log(MIN_POSITIVE_UNIFORM));
  /**
   * The smallest gamma shape and beta alpha/beta: below it a gamma draw boosted by u^(1/shape) underflows to 0, so
   * a beta draw would be 0/0.
   */
  public static final double MIN_SHAPE = 0.1;
  /** The largest gamma shape and beta alpha/beta: above it the sampler's arithmetic loses all precision. */
  public static final double MAX_SHAPE = 1e12;

  /**
   * Relative slack on bounds computed with exp, log and pow: the samplers compute the same quantities in another
   * order, and pow(u, 1/alpha) with a large 1/alpha amplifies a rounding of the exponent.
   */
  private static final double SLACK = 1e-9;

  private DistributionReach() {
  }

  private static double slack(double v) {
    return Interval.up(v * (1 + SLACK));
  }

  /** Every value {@code Sampler.of(d, ...).sample} can return; parameters must have passed the plan's rules. */
  public static Interval range(Distribution d) {
    if (d instanceof Distribution.Normal n) {
      return Interval.of(-Z_MAX, Z_MAX).affine(n.stddev(), n.mean());
    } else if (d instanceof Distribution.LogNormal n) {
      Interval x = Interval.of(-Z_MAX, Z_MAX).affine(n.sigma(), n.mu());
      return Interval.of(Math.exp(x.lo()) * (1 - SLACK), slack(Math.exp(x.hi())));
    } else if (d instanceof Distribution.Exponential e) {
      return Interval.of(0, slack(NEG_LOG_MAX / e.rate()));
    } else if (d instanceof Distribution.Gamma g) {
      return Interval.of(0, slack(standardGammaMax(g.shape()) * g.scale()));
    } else if (d instanceof Distribution.Beta) {
      return Interval.of(0, 1);
    } else if (d instanceof Distribution.Pareto p) {
      return Interval.of(p.xm(), slack(p.xm() * Math.pow(2, 53 / p.alpha())));
    } else if (d instanceof Distribution.Zipf z) {
      return Interval.of(1, z.n());
    } else if (d instanceof Distribution.Poisson p) {
      return Interval.of(poissonMin(p.lambda()), poissonMax(p.lambda()));
    } else if (d instanceof Distribution.Uniform u) {
      return Interval.of(u.min(), u.max());
    }
    throw new IllegalArgumentException("no range for distribution " + d.type());
  }

  /** The values of {@code round(clamp(offset + scale * draw, min, max))}. */
  public static Interval shaped(Shaped s) {
    Interval r = range(s.distribution()).affine(s.scale(), s.offset());
    if (s.rounding() != null && s.rounding() != Rounding.NONE && r.isFinite()) {
      r = Interval.of(Math.floor(r.lo()), Math.ceil(r.hi()));
    }
    return r.clamp(s.min(), s.max());
  }

  /** Whether every draw of {@code d} is a finite number; parameters must be finite and in their domains. */
  public static boolean finite(Distribution d) {
    Interval r = range(d);
    return r.isFinite() && Double.isFinite(r.hi() - r.lo());
  }

  /** The largest Gamma(shape, 1) draw: -ln of a product of uniforms for small integer shapes, else Marsaglia-Tsang. */
  static double standardGammaMax(double shape) {
    if (shape == Math.rint(shape) && shape >= 1 && shape <= 16) {
      return Interval.up(shape * NEG_LOG_MAX);
    }
    double a = shape < 1 ? shape + 1 : shape;
    double d = a - 1.0 / 3;
    double c = 1.0 / Math.sqrt(9 * d);
    double v = 1 + c * Z_MAX;
    return Interval.up(Interval.up(d * v * v * v) * (1 + 1e-12));
  }

  /** The largest Poisson draw: the inversion walk of the sampler run to the largest uniform, or the normal's edge. */
  static double poissonMax(double lambda) {
    if (lambda > 500) {
      return Math.rint(lambda + Math.sqrt(lambda) * Z_MAX) + 1;
    }
    int mode = (int) Math.floor(lambda);
    double p = Math.exp(-lambda);
    double cdf = 0;
    for (int k = 0; k < mode; k++) {
      cdf += p;
      p *= lambda / (k + 1);
    }
    double u = 1 - MIN_POSITIVE_UNIFORM;
    cdf += p;
    int k = mode;
    while (u >= cdf && k < mode + 100_000) {
      k++;
      p *= lambda / k;
      cdf += p;
      if (p == 0) {
        break;
      }
    }
    return k;
  }

  static double poissonMin(double lambda) {
    return lambda > 500 ? Math.max(0, Math.rint(lambda - Math.sqrt(lambda) * Z_MAX) - 1) : 0;
  }
}
