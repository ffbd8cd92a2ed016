package io.synthgen.plan.validate;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" for mistyped names: the closest candidate by edit distance, when it is close enough. The work of one
 * suggestion is bounded: at most {@value #MAX_CANDIDATES} candidates are compared, candidates whose length differs by
 * more than {@value #MAX_EDITS} are skipped, and a comparison stops once it exceeds {@value #MAX_EDITS} edits.
 */
public final class Suggest {

  /** Candidates one suggestion compares (the first ones of the collection); the rest are not suggested. */
  public static final int MAX_CANDIDATES = 1_000;

  /** The most edits a suggestion may be away from the wrong name. */
  public static final int MAX_EDITS = 3;

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
    int compared = 0;
    for (String c : candidates) {
      if (compared++ == MAX_CANDIDATES) {
        break;
      }
      // a candidate more than MAX_EDITS away can never be suggested, nor hide one that can
      if (Math.abs(c.length() - w.length()) > MAX_EDITS) {
        continue;
      }
      int d = distance(w, c.toLowerCase(Locale.ROOT), MAX_EDITS);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      return null;
    }
    int limit = Math.min(MAX_EDITS, Math.max(1, Math.max(w.length(), best.length()) / 3));
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
    return full(a, b);
  }

  /**
   * The optimal string alignment distance when it is at most {@code cap}, otherwise {@code cap + 1}. Only the band of
   * cells within {@code cap} of the diagonal is computed (a path leaving it costs more than the cap), in three
   * rolling rows: O(length × cap) time, O(length) memory.
   */
  static int distance(String a, String b, int cap) {
    if (cap == Integer.MAX_VALUE) {
      return full(a, b);
    }
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > cap) {
      return cap + 1;
    }
    int over = cap + 1;
    int[] before = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    java.util.Arrays.fill(before, over);
    java.util.Arrays.fill(cur, over);
    for (int j = 0; j <= m; j++) {
      prev[j] = Math.min(j, over);
    }
    int prevMin = 0;
    for (int i = 1; i <= n; i++) {
      int lo = Math.max(1, i - cap);
      int hi = Math.min(m, i + cap);
      // the next rows read this row one cell beyond the band on either side: those are over the cap
      cur[0] = Math.min(i, over);
      if (lo > 1) {
        cur[lo - 1] = over;
      }
      if (hi < m) {
        cur[hi + 1] = over;
      }
      int rowMin = cur[0];
      for (int j = lo; j <= hi; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, before[j - 2] + 1);
        }
        cur[j] = Math.min(v, over);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > cap && prevMin > cap) {
        return over;
      }
      prevMin = rowMin;
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], over);
  }


  private static int full(String a, String b) {
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
