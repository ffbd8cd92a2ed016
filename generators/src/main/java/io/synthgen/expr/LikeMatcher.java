package io.synthgen.expr;

/**
 * SQL LIKE / ILIKE without a regular expression: {@code %} is any run of characters, {@code _} one character (a
 * code point), the escape character makes the next one literal. The two-pointer match with backtracking to the
 * last {@code %} takes at most (value length + 1) x (pattern length + 1) steps whatever the pattern, where a
 * backtracking regex over {@code %a%a%a...%b} takes exponential time. ILIKE compares as Java's
 * {@code CASE_INSENSITIVE | UNICODE_CASE} does.
 */
final class LikeMatcher {

  private static final int ANY_RUN = -1;
  private static final int ANY_ONE = -2;

  /** The pattern as code points, {@link #ANY_RUN} and {@link #ANY_ONE}; runs of % collapsed into one. */
  private final int[] tokens;
  /** The tokens before case folding, for the SQL form. */
  private final int[] written;
  private final boolean ignoreCase;

  LikeMatcher(String pattern, Character escape, boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
    int[] t = new int[pattern.length()];
    int[] w = new int[pattern.length()];
    int n = 0;
    for (int i = 0; i < pattern.length(); ) {
      int cp = pattern.codePointAt(i);
      i += Character.charCount(cp);
      int token;
      int raw;
      if (escape != null && cp == escape && i < pattern.length()) {
        token = pattern.codePointAt(i);
        i += Character.charCount(token);
        // an escaped character is compared as written (not folded), so under ILIKE it matches itself and the
        // characters that fold to it
        raw = token;
      } else if (cp == '%') {
        token = ANY_RUN;
        raw = token;
      } else if (cp == '_') {
        token = ANY_ONE;
        raw = token;
      } else {
        raw = cp;
        token = ignoreCase ? fold(cp) : cp;
      }
      if (token != ANY_RUN || n == 0 || t[n - 1] != ANY_RUN) {
        w[n] = raw;
        t[n++] = token;
      }
    }
    this.tokens = java.util.Arrays.copyOf(t, n);
    this.written = java.util.Arrays.copyOf(w, n);
  }

  /**
   * The match as a Spark SQL predicate on {@code s}: LIKE with Spark's default escape ({@code \}) before every
   * literal %, _ and \; ILIKE as a Java regex with {@code (?iu)}, whose per-code-point folding is the one
   * {@link #fold} applies (Spark's ILIKE lower-cases both sides instead, which differs for characters such as
   * the final sigma).
   */
  String sql(String s) {
    StringBuilder b = new StringBuilder();
    if (!ignoreCase) {
      for (int token : written) {
        if (token == ANY_RUN) {
          b.append('%');
        } else if (token == ANY_ONE) {
          b.append('_');
        } else {
          if (token == '%' || token == '_' || token == '\\') {
            b.append('\\');
          }
          b.appendCodePoint(token);
        }
      }
      return "(" + s + " LIKE " + io.synthgen.sql.SqlText.lit(b.toString()) + ")";
    }
    b.append("(?s)(?iu)\\A");
    for (int k = 0; k < written.length; k++) {
      int token = written[k];
      int t = tokens[k];
      if (token == ANY_RUN) {
        b.append(".*");
      } else if (token == ANY_ONE) {
        b.append('.');
      } else {
        String ch = "\\x{" + Integer.toHexString(token) + "}";
        // a character that folding changes only matches itself when it was escaped (it stays unfolded)
        b.append(t != token || fold(token) == token ? ch : "(?-i:" + ch + ")");
      }
    }
    b.append("\\z");
    return "(" + s + " RLIKE " + io.synthgen.sql.SqlText.lit(b.toString()) + ")";
  }

  /** True when the whole value matches the pattern. */
  boolean matches(String value) {
    int[] s = value.codePoints().toArray();
    int p = 0;
    int i = 0;
    int runAt = -1; // the last % seen, and where in the value its run now ends
    int runEnd = 0;
    while (i < s.length) {
      if (p < tokens.length && tokens[p] != ANY_RUN && (tokens[p] == ANY_ONE || same(tokens[p], s[i]))) {
        p++;
        i++;
      } else if (p < tokens.length && tokens[p] == ANY_RUN) {
        runAt = p++;
        runEnd = i;
      } else if (runAt >= 0) {
        p = runAt + 1;
        i = ++runEnd;
      } else {
        return false;
      }
    }
    while (p < tokens.length && tokens[p] == ANY_RUN) {
      p++;
    }
    return p == tokens.length;
  }

  private boolean same(int token, int c) {
    return token == c || ignoreCase && token == fold(c);
  }

  /** Java regex's UNICODE_CASE folding of one code point. */
  private static int fold(int cp) {
    return Character.toLowerCase(Character.toUpperCase(cp));
  }
}
