package io.synthgen.distribution;

import io.synthgen.random.FdLog;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

/**
 * Gamma(shape, scale). Integer shapes up to 16 use -ln(u0 * ... * u(k-1)) * scale (exact, fixed draws);
 * other shapes use Marsaglia-Tsang with draws taken in order, boosted by u^(1/shape) when shape &lt; 1.
 */
final class GammaSampler extends Sampler {
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
      return -FdLog.log(p);
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
      double z = Math.sqrt(-2.0 * FdLog.log(u1)) * Math.cos(2.0 * Math.PI * u2);
      double v = 1 + c * z;
      double u = u(k + 2, h);
      k += 3;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      if (FdLog.log(u) < 0.5 * z * z + d - d * v + d * FdLog.log(v)) {
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
    String dl = SqlText.lit(d);
    String first = marsagliaAttempt(dl, c, boost, SqlForms.boxMuller(uPosSql(0, scope), uSql(1, scope)),
        uSql(2, scope), uPosSql(3, scope));
    String draw = "element_at(" + keys + ", 3 * " + i + " + %d)";
    String uPos1 = "(1.0D - " + SqlForms.uniformOfKey(draw.formatted(1), scope) + ")";
    String u2 = SqlForms.uniformOfKey(draw.formatted(2), scope);
    String u3 = SqlForms.uniformOfKey(draw.formatted(3), scope);
    String next = "(1.0D - " + SqlForms.uniformOfKey(draw.formatted(4), scope) + ")";
    String attempt = SqlForms.let(SqlForms.boxMuller(uPos1, u2), z, SqlForms.let("(1.0D + " + SqlText.lit(c)
        + " * " + z + ")", w, "IF(" + marsagliaAccept(dl, z, w, u3) + ", named_struct('done', true, 'g', "
        + marsagliaValue(dl, w, boost, next) + "), " + v + ")"));
    String fallback = boost ? "(" + dl + " * power(" + uPosSql(3 * attempts, scope) + ", "
        + SqlText.lit(1.0 / shape) + "))" : dl;
    String rest = "aggregate(sequence(1, " + (attempts - 1) + "), named_struct('done', false, 'g', 0.0D), (" + v
        + ", " + i + ") -> IF(" + v + ".done, " + v + ", " + attempt + "), " + v + " -> IF(" + v + ".done, " + v
        + ".g, " + fallback + "))";
    return "coalesce(" + first + ", " + rest + ")";
  }

  /**
   * The first attempt as a closed form Spark compiles: its value, or NULL when rejected. {@code z} is the normal
   * draw's SQL, repeated (Spark evaluates the repeats once).
   */
  private String marsagliaAttempt(String dl, double c, boolean boost, String z, String u, String next) {
    String w = "(1.0D + " + SqlText.lit(c) + " * " + z + ")";
    return "IF(" + marsagliaAccept(dl, z, w, u) + ", " + marsagliaValue(dl, w, boost, next) + ", CAST(NULL AS "
        + "DOUBLE))";
  }

  /**
   * Accepted when v &gt; 0 and ln(u) &lt; 0.5 z z + d - d v^3 + d ln(v^3), in Java's order; u = 0 is accepted
   * as Java's ln(0) = -Infinity is (Spark's ln(0) is NULL).
   */
  private static String marsagliaAccept(String dl, String z, String w, String u) {
    String cube = "(" + w + " * " + w + " * " + w + ")";
    return "(" + w + " > 0.0D AND (" + u + " = 0.0D OR ln(" + u + ") < 0.5D * " + z + " * " + z + " + " + dl
        + " - " + dl + " * " + cube + " + " + dl + " * ln(" + cube + ")))";
  }

  /** d v^3, boosted by the next draw's u^(1/shape) when shape &lt; 1. */
  private String marsagliaValue(String dl, String w, boolean boost, String next) {
    String g = "(" + dl + " * (" + w + " * " + w + " * " + w + "))";
    return boost ? "(" + g + " * power(" + next + ", " + SqlText.lit(1.0 / shape) + "))" : g;
  }
}
