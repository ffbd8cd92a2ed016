package io.synthgen.distribution;

/** The continuous and Poisson samplers. Each documents the uniforms it consumes, so a SQL executor can match it. */
final class Samplers {

  private Samplers() {
  }

  /** Box-Muller from draws 0 and 1: mean + sd * sqrt(-2 ln u0) * cos(2 pi u1); exp() of it when lognormal. */
  static final class NormalSampler extends Sampler {
    private final double mean;
    private final double sd;
    private final boolean log;

    NormalSampler(Sampler.Source s, double mean, double sd, boolean log) {
      super(s, 2);
      this.mean = mean;
      this.sd = sd;
      this.log = log;
    }

    @Override
    public double sample(long h) {
      double z = Math.sqrt(-2.0 * StrictMath.log(uPos(0, h))) * Math.cos(2.0 * Math.PI * u(1, h));
      double x = mean + sd * z;
      return log ? StrictMath.exp(x) : x;
    }

    @Override
    public double mean() {
      return log ? StrictMath.exp(mean + sd * sd / 2) : mean;
    }
  }

  /** -ln(u0) / rate. */
  static final class ExponentialSampler extends Sampler {
    private final double rate;

    ExponentialSampler(Sampler.Source s, double rate) {
      super(s, 1);
      this.rate = rate;
    }

    @Override
    public double sample(long h) {
      return -StrictMath.log(uPos(0, h)) / rate;
    }

    @Override
    public double mean() {
      return 1.0 / rate;
    }
  }

  /**
   * Gamma(shape, scale). Integer shapes up to 16 use -ln(u0 * ... * u(k-1)) * scale (exact, fixed draws);
   * other shapes use Marsaglia-Tsang with draws taken in order, boosted by u^(1/shape) when shape &lt; 1.
   */
  static final class GammaSampler extends Sampler {
    private final double shape;
    private final double scale;
    private final int intShape;

    GammaSampler(Sampler.Source s, double shape, double scale) {
      super(s, MAX_DRAWS + 1);
      this.shape = shape;
      this.scale = scale;
      this.intShape = shape == Math.rint(shape) && shape >= 1 && shape <= 16 ? (int) shape : 0;
    }

    @Override
    public double sample(long h) {
      return scale * standard(h, 0);
    }

    /** A Gamma(shape, 1) value using draws from {@code first} on. */
    double standard(long h, int first) {
      if (intShape > 0) {
        double p = 1.0;
        for (int k = 0; k < intShape; k++) {
          p *= uPos(first + k, h);
        }
        return -StrictMath.log(p);
      }
      boolean boost = shape < 1;
      double a = boost ? shape + 1 : shape;
      double d = a - 1.0 / 3;
      double c = 1.0 / Math.sqrt(9 * d);
      int k = first;
      int last = Math.min(drawCount, first + 60) - 3;
      while (k < last) {
        double u1 = uPos(k, h);
        double u2 = u(k + 1, h);
        double z = Math.sqrt(-2.0 * StrictMath.log(u1)) * Math.cos(2.0 * Math.PI * u2);
        double v = 1 + c * z;
        double u = u(k + 2, h);
        k += 3;
        if (v <= 0) {
          continue;
        }
        v = v * v * v;
        if (StrictMath.log(u) < 0.5 * z * z + d - d * v + d * StrictMath.log(v)) {
          double g = d * v;
          return boost ? g * StrictMath.pow(uPos(k, h), 1.0 / shape) : g;
        }
      }
      return boost ? d * StrictMath.pow(uPos(k, h), 1.0 / shape) : d; // practically unreachable: acceptance is > 95 %
    }

    @Override
    public double mean() {
      return shape * scale;
    }
  }

  /** Ga(alpha) / (Ga(alpha) + Ga(beta)), the two gammas from disjoint draws; always in [0, 1], never NaN. */
  static final class BetaSampler extends Sampler {
    private final GammaSampler ga;
    private final GammaSampler gb;
    private final double alpha;
    private final double beta;

    BetaSampler(Sampler.Source s, double alpha, double beta) {
      super(s, 0);
      this.alpha = alpha;
      this.beta = beta;
      this.ga = new GammaSampler(s.child("a"), alpha, 1);
      this.gb = new GammaSampler(s.child("b"), beta, 1);
    }

    @Override
    public double sample(long h) {
      double x = ga.standard(h, 0);
      double y = gb.standard(h, 0);
      double sum = x + y;
      // Shapes of at least DistributionReach.MIN_SHAPE keep Marsaglia-Tsang draws above 0; only the exact
      // integer-shape path reaches 0, when every uniform is 0. Both at 0 is the mean, never 0/0.
      return sum > 0 ? x / sum : mean();
    }

    @Override
    public double mean() {
      return alpha / (alpha + beta);
    }
  }

  /** xm / u0^(1/alpha) with u0 in (0,1]. */
  static final class ParetoSampler extends Sampler {
    private final double alpha;
    private final double xm;

    ParetoSampler(Sampler.Source s, double alpha, double xm) {
      super(s, 1);
      this.alpha = alpha;
      this.xm = xm;
    }

    @Override
    public double sample(long h) {
      return xm / StrictMath.pow(uPos(0, h), 1.0 / alpha);
    }

    @Override
    public double mean() {
      return alpha > 1 ? alpha * xm / (alpha - 1) : Double.NaN;
    }
  }

  /** min + (max - min) * u0. */
  static final class UniformSampler extends Sampler {
    private final double min;
    private final double width;

    UniformSampler(Sampler.Source s, double min, double max) {
      super(s, 1);
      this.min = min;
      this.width = max - min;
    }

    @Override
    public double sample(long h) {
      return min + width * u(0, h);
    }

    @Override
    public double mean() {
      return min + width / 2;
    }
  }

  /**
   * Poisson by inversion of one uniform (u0) for lambda up to 500, walking the CDF from the mode so the cost is
   * O(sqrt(lambda)); above that, the normal approximation rounded to the nearest non-negative integer.
   */
  static final class PoissonSampler extends Sampler {
    private final double lambda;
    private final int mode;
    private final double pMode;
    private final double cdfBeforeMode;

    PoissonSampler(Sampler.Source s, double lambda) {
      super(s, 2);
      this.lambda = lambda;
      this.mode = (int) Math.floor(lambda);
      if (lambda <= 500) {
        double p = StrictMath.exp(-lambda);
        double cdf = 0;
        for (int k = 0; k < mode; k++) {
          cdf += p;
          p *= lambda / (k + 1);
        }
        this.pMode = p;
        this.cdfBeforeMode = cdf;
      } else {
        this.pMode = 0;
        this.cdfBeforeMode = 0;
      }
    }

    @Override
    public double sample(long h) {
      if (lambda > 500) {
        double z = Math.sqrt(-2.0 * StrictMath.log(uPos(0, h))) * Math.cos(2.0 * Math.PI * u(1, h));
        return Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * z));
      }
      double u = u(0, h);
      if (u >= cdfBeforeMode) {
        double cdf = cdfBeforeMode + pMode;
        double p = pMode;
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
      double cdf = cdfBeforeMode;
      double p = pMode;
      int k = mode;
      while (k > 0) {
        p *= k / lambda;
        k--;
        cdf -= p;
        if (u >= cdf) {
          return k;
        }
      }
      return 0;
    }

    @Override
    public double mean() {
      return lambda;
    }
  }
}
