package io.synthgen.distribution;

import io.synthgen.random.FdLog;
import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

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

  @Override
  public String sql(SqlScope scope) {
    return "CAST(" + rankSql(scope) + " AS DOUBLE)";
  }

  /**
   * {@link #rank} as a Spark SQL {@code BIGINT}. The first attempt (accepted more than 90 % of the time) is a
   * closed form that Spark compiles; the others are an {@code aggregate} over the remaining draws, in order, that
   * keeps the first accepted rank (1 when none is, as in Java).
   */
  public String rankSql(SqlScope scope) {
    String first = firstAttempt(SqlText.uniform(scope, keyOf(0)));
    String keys = keysSql("zipf_draws", 0, drawCount, scope);
    String acc = "__sg_z";
    String k = "__sg_zk";
    String u = "__sg_zu";
    String x = "__sg_zx";
    String kk = "__sg_zr";
    String draw = SqlForms.uniformOfKey("element_at(" + keys + ", " + k + " + 1)", scope);
    String uValue = uValue(draw);
    String attempt = SqlForms.let(uValue, u, SqlForms.let(hIntegralInverseSql(u, "__sg_zt"), x,
        SqlForms.let(rankOf(x), kk, "IF(" + accept(u, x, kk, "__sg_zl") + ", named_struct('done', true, 'rank', "
            + kk + "), " + acc + ")")));
    String rest = "aggregate(sequence(1, " + (drawCount - 1) + "), named_struct('done', false, 'rank', 1L), (" + acc
        + ", " + k + ") -> IF(" + acc + ".done, " + acc + ", " + attempt + "), " + acc + " -> " + acc + ".rank)";
    return "coalesce(" + first + ", " + rest + ")";
  }

  /** The first attempt as a closed form: its rank, or NULL when it is rejected. */
  private String firstAttempt(String draw) {
    String u = uValue(draw);
    String x = hIntegralInverseSql(u, null);
    String kk = rankOf(x);
    return "IF(" + accept(u, x, kk, null) + ", " + kk + ", CAST(NULL AS BIGINT))";
  }

  private String uValue(String draw) {
    return "(" + SqlText.lit(hIntegralN) + " + " + draw + " * " + SqlText.lit(hIntegralX1 - hIntegralN) + ")";
  }

  private String rankOf(String x) {
    return "least(greatest(CAST(" + x + " + 0.5D AS BIGINT), 1L), " + SqlText.lit(n) + ")";
  }

  private String accept(String u, String x, String kk, String v) {
    return "(" + kk + " - " + x + " <= " + SqlText.lit(sConst) + " OR " + u + " >= "
        + hIntegralSql("(" + kk + " + 0.5D)", v) + " - " + hSql(kk) + ")";
  }

  /** {@link #hIntegral} of a DOUBLE expression; {@code v} names the bound logarithm, or null to repeat it. */
  private String hIntegralSql(String x, String v) {
    String log = "ln(" + x + ")";
    if (v == null) {
      return "(" + helper2Sql("(" + SqlText.lit(1.0 - s) + " * " + log + ")", null) + " * " + log + ")";
    }
    return SqlForms.let(log, v, "(" + helper2Sql("(" + SqlText.lit(1.0 - s) + " * " + v + ")", v + "_y") + " * " + v
        + ")");
  }

  /** {@link #h} of a BIGINT or DOUBLE expression. */
  private String hSql(String x) {
    return "exp(" + SqlText.lit(-s) + " * ln(" + x + "))";
  }

  /** {@link #hIntegralInverse}; {@code v} names the clamped t, or null to repeat it. */
  private String hIntegralInverseSql(String x, String v) {
    String t = "greatest(" + x + " * " + SqlText.lit(1.0 - s) + ", -1.0D)";
    if (v == null) {
      return "exp(" + helper1Sql(t) + " * " + x + ")";
    }
    return SqlForms.let(t, v, "exp(" + helper1Sql(v) + " * " + x + ")");
  }

  /** {@link #helper1}; the division is {@code try_divide}, so no form of it can raise where x is 0. */
  private static String helper1Sql(String x) {
    return "IF(abs(" + x + ") > 1.0E-8D, try_divide(log1p(" + x + "), " + x + "), 1.0D - " + x + " * (0.5D - " + x
        + " * (" + SqlText.lit(1.0 / 3.0) + " - 0.25D * " + x + ")))";
  }

  /** {@link #helper2} of an expression, bound to {@code v} (or repeated when v is null). */
  private static String helper2Sql(String x, String v) {
    String y = v == null ? x : v;
    String body = "IF(abs(" + y + ") > 1.0E-8D, try_divide(expm1(" + y + "), " + y + "), 1.0D + " + y + " * 0.5D * "
        + "(1.0D + " + y + " * " + SqlText.lit(1.0 / 3.0) + " * (1.0D + 0.25D * " + y + ")))";
    return v == null ? body : SqlForms.let(x, v, body);
  }

  private double hIntegral(double x) {
    double logX = FdLog.log(x);
    return helper2((1.0 - s) * logX) * logX;
  }

  private double h(double x) {
    return StrictMath.exp(-s * FdLog.log(x));
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
