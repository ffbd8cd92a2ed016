package io.synthgen.plan.validate;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for mistyped names: the closest candidate by edit distance, when it is close enough. */
public final class Suggest {

  private Suggest() {
  }

  /**
   * The candidate closest to {@code wrong} (case-insensitive optimal string alignment distance), or null when none is
   * within a third of the longer name (at least 1, at most 3 edits). A case-only difference always matches.
   */
  public static String closest(String wrong, Collection<String> candidates) {
    if (wrong == null) {
      return null;
    }
    String w = wrong.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      return null;
    }
    int limit = Math.min(3, Math.max(1, Math.max(w.length(), best.length()) / 3));
    return bestDistance <= limit ? best : null;
  }

  /** {@code "did you mean 'x'? "} or the empty string, ready to prefix a fix. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    String s = closest(wrong, candidates);
    return s == null ? "" : "did you mean '" + s + "'? ";
  }

  /** Candidates as a message list: {@code a, b, c}, shortened after 25 names. */
  public static String list(Collection<String> candidates) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (String c : candidates) {
      if (i == 25) {
        b.append(", ... (").append(candidates.size() - 25).append(" more)");
        break;
      }
      if (i++ > 0) {
        b.append(", ");
      }
      b.append(c);
    }
    return b.toString();
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
  public static int distance(String a, String b) {
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
