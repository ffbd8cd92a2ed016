package io.synthgen.distribution;

import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

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
      return -StrictMath.log(uPos(0, h)) / rate;
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

    @Override
    public String sql(SqlScope scope) {
      return "(" + SqlText.lit(scale) + " * " + standardSql(scope, "__sg_g") + ")";
    }

    /**
     * {@link #standard(long, int)} from draw 0 in SQL. Integer shapes are one product of uniforms; Marsaglia-Tsang is
     * a bounded {@code aggregate} over its attempts (three draws each, the fourth of an accepted attempt boosting
     * when shape &lt; 1) that stops changing once an attempt is accepted. {@code v} prefixes lambda variable names.
     */
    String standardSql(SqlScope scope, String v) {
      if (intShape > 0) {
        StringBuilder p = new StringBuilder(uPosSql(0, scope));
        for (int k = 1; k < intShape; k++) {
          p.insert(0, "(").append(" * ").append(uPosSql(k, scope)).append(")");
        }
        return "(-ln(" + p + "))";
      }
      boolean boost = shape < 1;
      double a = boost ? shape + 1 : shape;
      double d = a - 1.0 / 3;
      double c = 1.0 / Math.sqrt(9 * d);
      int last = Math.min(drawCount, 60) - 3;
      int attempts = (last + 2) / 3;
      String keys = keysSql("gamma_draws", 0, 3 * attempts + 1, scope);
      String i = v + "_i";
      String z = v + "_z";
      String w = v + "_v";
      String uPos1 = "(1.0D - " + SqlForms.uniformOfKey("element_at(" + keys + ", 3 * " + i + " + 1)", scope) + ")";
      String u2 = SqlForms.uniformOfKey("element_at(" + keys + ", 3 * " + i + " + 2)", scope);
      String u3 = SqlForms.uniformOfKey("element_at(" + keys + ", 3 * " + i + " + 3)", scope);
      String boostNext = "power(1.0D - " + SqlForms.uniformOfKey("element_at(" + keys + ", 3 * " + i + " + 4)", scope)
          + ", " + SqlText.lit(1.0 / shape) + ")";
      String dl = SqlText.lit(d);
      // v = 1 + c z; accepted when v > 0 and ln(u) < 0.5 z z + d - d v^3 + d ln(v^3); the value is d v^3
      String cube = "(" + w + " * " + w + " * " + w + ")";
      String accept = w + " > 0.0D AND ln(" + u3 + ") < 0.5D * " + z + " * " + z + " + " + dl + " - " + dl + " * "
          + cube + " + " + dl + " * ln(" + cube + ")";
      String g = "(" + dl + " * " + cube + ")";
      String value = boost ? "(" + g + " * " + boostNext + ")" : g;
      String attempt = SqlForms.let(SqlForms.boxMuller(uPos1, u2), z,
          SqlForms.let("(1.0D + " + SqlText.lit(c) + " * " + z + ")", w,
              "IF(" + accept + ", named_struct('done', true, 'g', " + value + "), " + v + ")"));
      String fallback = boost ? "(" + dl + " * power(" + uPosSql(3 * attempts, scope) + ", "
          + SqlText.lit(1.0 / shape) + "))" : dl;
      return "aggregate(sequence(0, " + (attempts - 1) + "), named_struct('done', false, 'g', 0.0D), (" + v + ", " + i
          + ") -> IF(" + v + ".done, " + v + ", " + attempt + "), " + v + " -> IF(" + v + ".done, " + v + ".g, "
          + fallback + "))";
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

  /**
   * Poisson by inversion of one uniform (u0) for lambda up to 500, walking the CDF from the mode so the cost is
   * O(sqrt(lambda)); above that, the normal approximation rounded to the nearest non-negative integer.
   */
  static final class PoissonSampler extends Sampler {
    private final double lambda;
    private final int mode;
    private final double pMode;
    private final double cdfBeforeMode;
    /** The cumulative values the walk up from the mode compares u with, in order (for SQL). */
    private final double[] upWalk;
    /** The cumulative values the walk down from the mode compares u with, in order (for SQL). */
    private final double[] downWalk;

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
        this.upWalk = upWalk();
        this.downWalk = downWalk();
      } else {
        this.pMode = 0;
        this.cdfBeforeMode = 0;
        this.upWalk = new double[0];
        this.downWalk = new double[0];
      }
    }

    /**
     * The walk up from the mode, replayed: entry j is the cdf the walk compares u with after j steps, while its
     * probability is positive. The walk stops at the first entry above u, so it returns mode + the number of entries
     * at most u (the entries never decrease).
     */
    private double[] upWalk() {
      java.util.List<Double> out = new java.util.ArrayList<>();
      double cdf = cdfBeforeMode + pMode;
      double p = pMode;
      int k = mode;
      out.add(cdf);
      while (out.size() < 100_000) {
        k++;
        p *= lambda / k;
        cdf += p;
        if (p == 0) {
          break;
        }
        out.add(cdf);
      }
      return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The walk down from the mode, replayed: entry j is the cdf compared with u at k = mode - 1 - j. The walk
     * returns the first k whose entry is at most u (the entries never increase), else 0.
     */
    private double[] downWalk() {
      double[] out = new double[mode];
      double cdf = cdfBeforeMode;
      double p = pMode;
      int k = mode;
      int j = 0;
      while (k > 0) {
        p *= k / lambda;
        k--;
        cdf -= p;
        out[j++] = cdf;
      }
      return out;
    }

    /**
     * In SQL: above 500 the rounded normal; else u is compared with the walks' cumulative values, replayed in Java
     * (the up-walk and the down-walk compute different doubles) and searched by bisection, so a row costs
     * O(log lambda) whichever way it walks.
     */
    @Override
    public String sql(SqlScope scope) {
      if (lambda > 500) {
        String z = SqlForms.boxMuller(uPosSql(0, scope), uSql(1, scope));
        return "greatest(0.0D, rint(" + SqlText.lit(lambda) + " + " + SqlText.lit(Math.sqrt(lambda)) + " * " + z + "))";
      }
      String u = "__sg_pu";
      String up = SqlForms.prefixCount(scope.constantArray("poisson_up", doubles(upWalk)), upWalk.length,
          e -> e + " <= " + u, "__sg_ps");
      String upValue = "CAST(" + SqlText.lit((long) mode) + " + " + up + " AS DOUBLE)";
      if (mode == 0) {
        return SqlForms.let(uSql(0, scope), u, upValue);
      }
      String down = SqlForms.prefixCount(scope.constantArray("poisson_down", doubles(downWalk)), downWalk.length,
          e -> e + " > " + u, "__sg_ps");
      String downValue = "CAST(greatest(" + SqlText.lit((long) mode - 1) + " - " + down + ", 0L) AS DOUBLE)";
      return SqlForms.let(uSql(0, scope), u, "IF(" + u + " >= " + SqlText.lit(cdfBeforeMode) + ", " + upValue
          + ", " + downValue + ")");
    }

    private static String doubles(double[] values) {
      java.util.List<String> items = new java.util.ArrayList<>(values.length);
      for (double v : values) {
        items.add(SqlText.lit(v));
      }
      return SqlText.array(items);
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
