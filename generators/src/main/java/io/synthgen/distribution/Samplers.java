package io.synthgen.distribution;

import io.synthgen.random.FdLog;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

/**
 * The normal, exponential, beta, pareto and uniform samplers (gamma, Poisson and zipf have their own files). Each
 * documents the uniforms it consumes, so a SQL executor can match it.
 */
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
      double z = Math.sqrt(-2.0 * FdLog.log(uPos(0, h))) * Math.cos(2.0 * Math.PI * u(1, h));
      double x = mean + sd * z;
      return log ? StrictMath.exp(x) : x;
    }

    @Override
    public double mean() {
      return log ? StrictMath.exp(mean + sd * sd / 2) : mean;
    }

    @Override
    public String sql(SqlScope scope) {
      String x = "(" + SqlText.lit(mean) + " + " + SqlText.lit(sd) + " * "
          + SqlForms.boxMuller(uPosSql(0, scope), uSql(1, scope)) + ")";
      return log ? "exp(" + x + ")" : x;
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
      return -FdLog.log(uPos(0, h)) / rate;
    }

    @Override
    public String sql(SqlScope scope) {
      return "((-ln(" + uPosSql(0, scope) + ")) / " + SqlText.lit(rate) + ")";
    }

    @Override
    public double mean() {
      return 1.0 / rate;
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

    /** {@code x / (x + y)}, or the mean where both are 0: {@code try_divide} answers NULL exactly there. */
    @Override
    public String sql(SqlScope scope) {
      String x = ga.standardSql(scope, "__sg_ga");
      String y = gb.standardSql(scope, "__sg_gb");
      String mean = SqlText.lit(mean());
      if (SqlForms.heavy(x) || SqlForms.heavy(y)) {
        return SqlForms.let(x, "__sg_bx", SqlForms.let(y, "__sg_by",
            "coalesce(try_divide(__sg_bx, __sg_bx + __sg_by), " + mean + ")"));
      }
      return "coalesce(try_divide(" + x + ", " + x + " + " + y + "), " + mean + ")";
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

    /**
     * The power is at least (2^-53)^(1/alpha); where that underflows to 0 Java's division gives Infinity, which
     * Spark's (NULL or an error) does not, so the form guards it.
     */
    @Override
    public String sql(SqlScope scope) {
      String p = "power(" + uPosSql(0, scope) + ", " + SqlText.lit(1.0 / alpha) + ")";
      String xml = SqlText.lit(xm);
      if (StrictMath.pow(0x1p-53, 1.0 / alpha) > 0) {
        return "(" + xml + " / " + p + ")";
      }
      return "coalesce(try_divide(" + xml + ", " + p + "), " + SqlText.lit(xm / 0.0) + ")";
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
    public String sql(SqlScope scope) {
      return "(" + SqlText.lit(min) + " + " + SqlText.lit(width) + " * " + uSql(0, scope) + ")";
    }

    @Override
    public double mean() {
      return min + width / 2;
    }
  }
}
