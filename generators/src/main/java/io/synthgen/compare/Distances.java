package io.synthgen.compare;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The statistics a comparison reports, over samples. */
final class Distances {

  private Distances() {
  }

  /**
   * The two-sample Kolmogorov–Smirnov statistic: the largest distance between the empirical CDFs of the non-NaN
   * values of {@code a} and {@code b}, in [0, 1]; NaN when either has none.
   */
  static double ks(double[] a, double[] b) {
    double[] x = finite(a);
    double[] y = finite(b);
    if (x.length == 0 || y.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == v) {
        i++;
      }
      while (j < y.length && y[j] == v) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return d;
  }

  /**
   * The total variation distance between the value frequencies of the non-null labels of {@code a} and {@code b}:
   * half the sum over values of the difference of their shares, in [0, 1]; NaN when either has none.
   */
  static double tvd(String[] a, String[] b) {
    Map<String, double[]> shares = new HashMap<>();
    int na = count(a, shares, 0);
    int nb = count(b, shares, 1);
    if (na == 0 || nb == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double[] s : shares.values()) {
      sum += Math.abs(s[0] / na - s[1] / nb);
    }
    return sum / 2;
  }

  /** Distinct non-null labels. */
  static int distinct(String[] a) {
    return (int) Arrays.stream(a).filter(s -> s != null).distinct().count();
  }

  private static int count(String[] labels, Map<String, double[]> shares, int side) {
    int n = 0;
    for (String s : labels) {
      if (s != null) {
        shares.computeIfAbsent(s, k -> new double[2])[side]++;
        n++;
      }
    }
    return n;
  }

  /** Lengths of the non-null labels (NaN for null), for comparing free text. */
  static double[] lengths(String[] labels) {
    double[] out = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] == null ? Double.NaN : labels[i].codePointCount(0, labels[i].length());
    }
    return out;
  }

  /**
   * Pearson's correlation of the rows where both {@code x} and {@code y} are numbers; NaN with fewer than 3 such
   * rows or when either is constant there.
   */
  static double pearson(double[] x, double[] y) {
    int n = 0;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        n++;
        mx += (x[i] - mx) / n;
        my += (y[i] - my) / n;
      }
    }
    if (n < 3) {
      return Double.NaN;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  private static double[] finite(double[] a) {
    return Arrays.stream(a).filter(v -> !Double.isNaN(v)).toArray();
  }
}
