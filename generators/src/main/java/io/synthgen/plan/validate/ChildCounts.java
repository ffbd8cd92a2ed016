package io.synthgen.plan.validate;

import io.synthgen.distribution.Sampler;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.Shaped;
import io.synthgen.random.Stream;

/**
 * What a per_parent count can be, known before any layout: the largest count it can reach, and its mean over the
 * first parents, drawn exactly as the resolver draws them (same stream, same rows), so a small parent table gets
 * its exact child total.
 */
final class ChildCounts {

  /** Parents whose counts are drawn to estimate the mean; below this many parents the total is exact. */
  static final int SAMPLE = 4_096;

  /**
   * The largest |z| of the samplers' normal draws: Box-Muller from a uniform in (0, 1] with 53 bits, so
   * sqrt(-2 ln 2^-53) = 8.57.
   */
  private static final double Z_MAX = 8.6;
  /** -ln 2^-53: the largest exponential draw at rate 1. */
  private static final double EXP_MAX = 36.8;

  private ChildCounts() {
  }

  /**
   * The largest count the shaped draw can produce (the resolver truncates a draw to a whole count, at least 0), or
   * +infinity when it is unbounded. Parameters must be valid.
   */
  static double reachableMax(Shaped s) {
    double x = s.scale() > 0 ? upper(s.distribution()) : lower(s.distribution());
    double v = s.offset() + s.scale() * x;
    if (Double.isNaN(v)) {
      v = Double.POSITIVE_INFINITY;
    }
    v = s.rounding().apply(v);
    if (s.max() != null) {
      v = Math.min(v, s.max());
    }
    if (s.min() != null) {
      v = Math.max(v, s.min());
    }
    return Math.max(0, Math.floor(v));
  }

  /** The largest value a sampler of {@code d} returns. */
  static double upper(Distribution d) {
    if (d instanceof Distribution.Normal n) {
      return n.mean() + Z_MAX * n.stddev();
    } else if (d instanceof Distribution.LogNormal l) {
      return Math.exp(l.mu() + Z_MAX * l.sigma());
    } else if (d instanceof Distribution.Exponential e) {
      return EXP_MAX / e.rate();
    } else if (d instanceof Distribution.Gamma g) {
      double dd = (g.shape() < 1 ? g.shape() + 1 : g.shape()) - 1.0 / 3;
      double marsaglia = dd * Math.pow(1 + Z_MAX / (3 * Math.sqrt(dd)), 3);
      // whole shapes up to 16 are sums of exponentials (the sampler's product of uniforms), others Marsaglia-Tsang
      boolean sum = g.shape() == Math.rint(g.shape()) && g.shape() >= 1 && g.shape() <= 16;
      return g.scale() * (sum ? g.shape() * EXP_MAX : marsaglia);
    } else if (d instanceof Distribution.Beta) {
      return 1;
    } else if (d instanceof Distribution.Pareto p) {
      return p.xm() * Math.pow(2, 53 / p.alpha());
    } else if (d instanceof Distribution.Zipf z) {
      return z.n();
    } else if (d instanceof Distribution.Poisson p) {
      // inversion walks the CDF up to the 1 - 2^-53 quantile; the normal approximation above 500 is bounded by z
      return p.lambda() + Z_MAX * Math.sqrt(p.lambda()) + 40;
    } else if (d instanceof Distribution.Uniform u) {
      return u.max();
    }
    throw new IllegalStateException("no bound for distribution " + d.type());
  }

  /** The smallest value a sampler of {@code d} returns. */
  static double lower(Distribution d) {
    if (d instanceof Distribution.Normal n) {
      return n.mean() - Z_MAX * n.stddev();
    } else if (d instanceof Distribution.Pareto p) {
      return p.xm();
    } else if (d instanceof Distribution.Zipf) {
      return 1;
    } else if (d instanceof Distribution.Uniform u) {
      return u.min();
    } else if (d instanceof Distribution.LogNormal || d instanceof Distribution.Exponential
        || d instanceof Distribution.Gamma || d instanceof Distribution.Beta || d instanceof Distribution.Poisson) {
      return 0;
    }
    throw new IllegalStateException("no bound for distribution " + d.type());
  }

  /**
   * Mean of the counts of the first {@code n} parents, n, and a standard deviation of the count that does not depend
   * on the seed (the larger of theirs and that of {@value #SAMPLE} reference draws), so a spread built from it holds
   * whatever seed the plan is run with.
   */
  record Estimate(double mean, double sd, long drawn) {
  }

  /**
   * The counts of the first min(parents, {@value #SAMPLE}) parents of the table {@code table} as the resolver draws
   * them. Parameters must be valid.
   */
  static Estimate estimate(long seed, String table, Shaped s, long parents) {
    int n = (int) Math.min(parents, SAMPLE);
    if (n == 0) {
      return new Estimate(0, 0, 0);
    }
    double[] drawn = moments(Stream.root(seed).child(table + "#count"), s, n);
    double[] reference = moments(Stream.root(0).child("#count-spread"), s, SAMPLE);
    return new Estimate(drawn[0], Math.max(drawn[1], reference[1]), n);
  }

  /** Mean and standard deviation of {@code n} counts drawn from {@code stream} as the resolver draws them. */
  private static double[] moments(Stream stream, Shaped s, int n) {
    Sampler sampler = Sampler.of(s.distribution(), stream);
    double lo = s.min() == null ? Double.NEGATIVE_INFINITY : s.min();
    double hi = s.max() == null ? Double.POSITIVE_INFINITY : s.max();
    double sum = 0;
    double sumSq = 0;
    for (int p = 0; p < n; p++) {
      double x = s.rounding().apply(s.offset() + s.scale() * sampler.sample(Stream.rowHash(p)));
      x = x < lo ? lo : x > hi ? hi : x;
      double c = Math.max(0, (long) x);
      sum += c;
      sumSq += c * c;
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean))};
  }
}
