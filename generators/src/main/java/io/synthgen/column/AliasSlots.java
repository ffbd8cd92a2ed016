package io.synthgen.column;

import io.synthgen.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * The slots of Walker's alias method exactly as {@code distribution.AliasTable} builds them from the same weights
 * (the same arithmetic in the same order), kept as arrays so a weighted foreign key can be written in SQL as two
 * constant arrays and one uniform: slot {@code i = (int) (u * n)}, then {@code u * n - i < prob[i] ? i : alias[i]}.
 */
final class AliasSlots {

  final double[] prob;
  final int[] alias;

  AliasSlots(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("an alias table needs at least one weight");
    }
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    prob = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] / sum * n;
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

  /** The index for a uniform u, by the formula {@link #sql} writes (the alias table's {@code sample}). */
  int sample(double u) {
    double x = u * prob.length;
    int i = (int) x;
    if (i >= prob.length) {
      i = prob.length - 1;
    }
    return x - i < prob[i] ? i : alias[i];
  }

  /** {@link #sample} as a BIGINT SQL expression of a uniform DOUBLE SQL expression, arrays named by the scope. */
  String sql(io.synthgen.sql.SqlScope scope, String hint, String uniformSql) {
    List<String> p = new ArrayList<>(prob.length);
    List<String> a = new ArrayList<>(alias.length);
    for (int i = 0; i < prob.length; i++) {
      p.add(SqlText.lit(prob[i]));
      a.add(Integer.toString(alias[i]));
    }
    String probs = scope.constantArray(hint + "_prob", SqlText.array(p));
    String aliases = scope.constantArray(hint + "_alias", SqlText.array(a));
    String x = "(" + uniformSql + " * " + SqlText.lit((double) prob.length) + ")";
    String i = "LEAST(CAST(" + x + " AS INT), " + (prob.length - 1) + ")";
    return "CAST(CASE WHEN " + x + " - " + i + " < element_at(" + probs + ", " + i + " + 1) THEN " + i
        + " ELSE element_at(" + aliases + ", " + i + " + 1) END AS BIGINT)";
  }
}
