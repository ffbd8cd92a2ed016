package io.synthgen.testing;

import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.HashMap;
import java.util.Map;

/** Moments, correlations and counts for statistical assertions. */
public final class Stats {

  private Stats() {
  }

  public static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** The unbiased sample variance. */
  public static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  public static double pearson(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      double a = x[i] - mx;
      double b = y[i] - my;
      sxy += a * b;
      sxx += a * a;
      syy += b * b;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** Four binomial standard deviations of a share p over n trials, plus a small absolute slack. */
  public static double binomialTolerance(double p, long n) {
    return 4 * Math.sqrt(p * (1 - p) / n) + 1e-4;
  }

  /**
   * A vector as doubles: numbers as themselves (decimals unscaled), booleans 0/1, dictionary strings by code, plain
   * strings by hash. NULLs become NaN.
   */
  public static double[] numeric(Vec v) {
    int n = v.size();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      if (v.isNull(i)) {
        out[i] = Double.NaN;
      } else if (v instanceof LongVec l) {
        out[i] = l.values[i];
      } else if (v instanceof DoubleVec d) {
        out[i] = d.values[i];
      } else if (v instanceof BoolVec b) {
        out[i] = b.values[i] ? 1 : 0;
      } else {
        StrVec s = (StrVec) v;
        out[i] = s.isDictionary() ? s.codes[i] : s.str(i).hashCode();
      }
    }
    return out;
  }

  /** How often each value (as {@link Vec#get}) occurs, NULLs under the key null. */
  public static Map<Object, Long> counts(Vec v) {
    Map<Object, Long> out = new HashMap<>();
    for (int i = 0; i < v.size(); i++) {
      out.merge(v.get(i) == null ? "null" : v.get(i), 1L, Long::sum);
    }
    return out;
  }
}
