package io.synthgen.distribution;

/**
 * Walker's alias method: picks index i with probability weights[i] / sum in O(1) from one uniform. The uniform's
 * integer part (scaled by n) chooses a slot, its fractional part decides between the slot and its alias.
 * Immutable and thread-safe.
 */
public final class AliasTable {

  private final double[] prob;
  private final int[] alias;
  private final double[] share;

  public AliasTable(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("an alias table needs at least one weight");
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
      }
      sum += w;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights must not all be 0");
    }
    prob = new double[n];
    alias = new int[n];
    share = new double[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      share[i] = weights[i] / sum;
      scaled[i] = share[i] * n;
      if (scaled[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      prob[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1.0;
      if (scaled[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      prob[l] = 1.0;
      alias[l] = l;
    }
    while (ns > 0) {
      int s = small[--ns];
      prob[s] = 1.0;
      alias[s] = s;
    }
  }

  /** An index for a uniform u in [0, 1). */
  public int sample(double u) {
    double x = u * prob.length;
    int i = (int) x;
    if (i >= prob.length) {
      i = prob.length - 1;
    }
    return x - i < prob[i] ? i : alias[i];
  }

  /**
   * {@link #sample} as Spark SQL: an INT index from a DOUBLE uniform expression, with the probability and alias
   * columns as constant arrays of the scope (named {@code hint}_prob and {@code hint}_alias). {@code u} is read
   * several times (Spark evaluates the repeats once), so it should be a draw or a bound variable.
   */
  public String sql(io.synthgen.sql.SqlScope scope, String hint, String u) {
    int n = prob.length;
    if (n == 1) {
      return "0";
    }
    String x = "(" + u + " * " + io.synthgen.sql.SqlText.lit((double) n) + ")";
    String i = "least(CAST(" + x + " AS INT), " + (n - 1) + ")";
    boolean flat = true;
    for (double p : prob) {
      flat &= p == 1.0;
    }
    if (flat) {
      return i;
    }
    java.util.List<String> p = new java.util.ArrayList<>(n);
    java.util.List<String> a = new java.util.ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      p.add(io.synthgen.sql.SqlText.lit(prob[k]));
      a.add(Integer.toString(alias[k]));
    }
    String probs = scope.constantArray(hint + "_prob", io.synthgen.sql.SqlText.array(p));
    String aliases = scope.constantArray(hint + "_alias", io.synthgen.sql.SqlText.array(a));
    return "IF(" + x + " - " + i + " < element_at(" + probs + ", " + i + " + 1), " + i + ", element_at(" + aliases
        + ", " + i + " + 1))";
  }

  public int size() {
    return prob.length;
  }

  /** The probability of index i. */
  public double share(int i) {
    return share[i];
  }
}
