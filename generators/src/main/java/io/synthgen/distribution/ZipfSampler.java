package io.synthgen.distribution;

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
   * {@link #rank} as a Spark SQL {@code BIGINT}: an {@code aggregate} over the draws in order that keeps the first
   * accepted rank (1 when none is, as in Java).
   */
  public String rankSql(SqlScope scope) {
    String keys = keysSql("zipf_draws", 0, drawCount, scope);
    String acc = "__sg_z";
    String k = "__sg_zk";
    String u = "__sg_zu";
    String x = "__sg_zx";
    String kk = "__sg_zr";
    String draw = SqlForms.uniformOfKey("element_at(" + keys + ", " + k + " + 1)", scope);
    String uValue = "(" + SqlText.lit(hIntegralN) + " + " + draw + " * " + SqlText.lit(hIntegralX1 - hIntegralN) + ")";
    String rank = "least(greatest(CAST(" + x + " + 0.5D AS BIGINT), 1L), " + SqlText.lit(n) + ")";
    String accept = "(" + kk + " - " + x + " <= " + SqlText.lit(sConst) + " OR " + u + " >= "
        + hIntegralSql("(" + kk + " + 0.5D)", "__sg_zl") + " - " + hSql(kk) + ")";
    String attempt = SqlForms.let(uValue, u, SqlForms.let(hIntegralInverseSql(u, "__sg_zt"), x,
        SqlForms.let(rank, kk, "IF(" + accept + ", named_struct('done', true, 'rank', " + kk + "), " + acc + ")")));
    return "aggregate(sequence(0, " + (drawCount - 1) + "), named_struct('done', false, 'rank', 1L), (" + acc + ", " + k
        + ") -> IF(" + acc + ".done, " + acc + ", " + attempt + "), " + acc + " -> " + acc + ".rank)";
  }

  /** {@link #hIntegral} of a DOUBLE expression; {@code v} names the bound logarithm. */
  private String hIntegralSql(String x, String v) {
    return SqlForms.let("ln(" + x + ")", v, "(" + helper2Sql("(" + SqlText.lit(1.0 - s) + " * " + v + ")",
        v + "_y") + " * " + v + ")");
  }

  /** {@link #h} of a BIGINT or DOUBLE expression. */
  private String hSql(String x) {
    return "exp(" + SqlText.lit(-s) + " * ln(" + x + "))";
  }

  /** {@link #hIntegralInverse}; {@code v} names the clamped t. */
  private String hIntegralInverseSql(String x, String v) {
    String t = "greatest(" + x + " * " + SqlText.lit(1.0 - s) + ", -1.0D)";
    return SqlForms.let(t, v, "exp(" + helper1Sql(v) + " * " + x + ")");
  }

  /** {@link #helper1} of a bound variable. */
  private static String helper1Sql(String x) {
    return "IF(abs(" + x + ") > 1.0E-8D, log1p(" + x + ") / " + x + ", 1.0D - " + x + " * (0.5D - " + x + " * ("
        + SqlText.lit(1.0 / 3.0) + " - 0.25D * " + x + ")))";
  }

  /** {@link #helper2} of an expression, bound to {@code v}. */
  private static String helper2Sql(String x, String v) {
    return SqlForms.let(x, v, "IF(abs(" + v + ") > 1.0E-8D, expm1(" + v + ") / " + v + ", 1.0D + " + v + " * 0.5D * (1.0D + "
        + v + " * " + SqlText.lit(1.0 / 3.0) + " * (1.0D + 0.25D * " + v + ")))");
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
