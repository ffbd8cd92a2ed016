package io.synthgen.distribution;

import io.synthgen.random.FdLog;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

/**
 * Poisson by inversion of one uniform (u0) for lambda up to 500, walking the CDF from the mode so the cost is
 * O(sqrt(lambda)); above that, the normal approximation rounded to the nearest non-negative integer.
 */
final class PoissonSampler extends Sampler {
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
   * (the up-walk and the down-walk compute different doubles). The first {@link #window} steps of each walk are
   * closed-form comparisons Spark compiles; a walk beyond them (rarer than 1 in 500 rows) is finished by bisection
   * over the rest.
   */
  @Override
  public String sql(SqlScope scope) {
    if (lambda > 500) {
      String z = SqlForms.boxMuller(uPosSql(0, scope), uSql(1, scope));
      return "greatest(0.0D, rint(" + SqlText.lit(lambda) + " + " + SqlText.lit(Math.sqrt(lambda)) + " * " + z + "))";
    }
    String u = uSql(0, scope);
    String upValue = "CAST(" + SqlText.lit((long) mode) + " + " + walkCount(upWalk, u, true, scope) + " AS DOUBLE)";
    if (mode == 0) {
      return upValue;
    }
    String downValue = "CAST(greatest(" + SqlText.lit((long) mode - 1) + " - " + walkCount(downWalk, u, false, scope)
        + ", 0L) AS DOUBLE)";
    return "IF(" + u + " >= " + SqlText.lit(cdfBeforeMode) + ", " + upValue + ", " + downValue + ")";
  }

  /** Steps of a walk written out as comparisons: about three standard deviations. */
  private int window(int length) {
    return Math.min(length, 8 + 3 * (int) Math.ceil(Math.sqrt(lambda)));
  }

  /**
   * How many leading entries of a walk pass: {@code entry <= u} going up, {@code entry > u} going down. The
   * entries are sorted that way, so the count is a sum of the first steps' comparisons, plus the bisection of the
   * rest when all of them pass.
   */
  private String walkCount(double[] walk, String u, boolean up, SqlScope scope) {
    int t = window(walk.length);
    StringBuilder sum = new StringBuilder("(");
    for (int j = 0; j < t; j++) {
      sum.append(j == 0 ? "" : " + ").append("IF(").append(pass(SqlText.lit(walk[j]), u, up)).append(", 1L, 0L)");
    }
    sum.append(")");
    if (t == walk.length) {
      return sum.toString();
    }
    double[] rest = java.util.Arrays.copyOfRange(walk, t, walk.length);
    String v = "__sg_pu";
    String bisect = SqlForms.prefixCount(scope.constantArray(up ? "poisson_up" : "poisson_down", doubles(rest)),
        rest.length, e -> pass(e, v, up), "__sg_ps");
    return "IF(" + pass(SqlText.lit(walk[t - 1]), u, up) + ", " + SqlText.lit((long) t) + " + "
        + SqlForms.let(u, v, bisect) + ", " + sum + ")";
  }

  private static String pass(String entry, String u, boolean up) {
    return up ? entry + " <= " + u : entry + " > " + u;
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
      double z = Math.sqrt(-2.0 * FdLog.log(uPos(0, h))) * Math.cos(2.0 * Math.PI * u(1, h));
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
