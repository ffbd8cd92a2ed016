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

  /** Edit distance, as the plan validator counts it (a transposition of neighbours is one edit). */
  static int distance(String a, String b) {
    return io.synthgen.plan.validate.Suggest.distance(a, b);
  }
}
