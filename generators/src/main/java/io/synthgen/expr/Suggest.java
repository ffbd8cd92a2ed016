package io.synthgen.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance. */
final class Suggest {

  private Suggest() {
  }

  /** The candidates closest to {@code name} (at most three), best first; empty when none is close. */
  static List<String> closest(String name, Collection<String> candidates) {
    String n = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, n.length() / 3);
    List<String> best = new ArrayList<>();
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      int d = lc.contains(n) || n.contains(lc) ? Math.min(distance(n, lc), limit) : distance(n, lc);
      if (d > limit) {
        continue;
      }
      if (d < bestD) {
        best.clear();
        bestD = d;
      }
      if (d == bestD && best.size() < 3) {
        best.add(c);
      }
    }
    return best;
  }

  /** " did you mean 'x'?" or "" when nothing is close. */
  static String didYouMean(String name, Collection<String> candidates) {
    List<String> c = closest(name, candidates);
    if (c.isEmpty()) {
      return "";
    }
    return " did you mean " + String.join(" or ", c.stream().map(s -> "'" + s + "'").toList()) + "?";
  }

  /** Levenshtein distance, with a transposition of neighbours counting as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
