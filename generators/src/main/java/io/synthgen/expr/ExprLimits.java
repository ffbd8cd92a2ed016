package io.synthgen.expr;

import io.synthgen.plan.reach.TypeRange;

/**
 * Bounds on expression input, checked before any parsing: the parser and the compiler recurse over the text's
 * structure, so the text's length and its nesting are limited first (by one cheap scan of the characters), then the
 * compiled tree's depth. Each limit is far above what a realistic column expression needs (the longest template
 * expression has 814 characters and 9 nested parentheses).
 */
public final class ExprLimits {

  /** The longest expression text, in characters. */
  public static final int MAX_LENGTH = 4_000;
  /** The deepest nesting of parentheses and CASE ... END in the text. */
  public static final int MAX_NESTING = 32;
  /**
   * The most parentheses opened in a row ({@code (((x)))}): JSqlParser 5.3 gives up on more than 16 without an
   * operator between them.
   */
  public static final int MAX_PARENTHESES_IN_A_ROW = 16;
  /**
   * The longest one parse attempt may take, in milliseconds. JSqlParser retries a failed parse with backtracking
   * that can take seconds on a short malformed text (nested calls with a syntax error deep inside); it is
   * interrupted at this budget and the text is reported as too complex.
   */
  public static final long PARSE_BUDGET_MILLIS = 2_000;
  /** The deepest compiled tree (operators, functions and conversions on the way from the result to a leaf). */
  public static final int MAX_TREE_DEPTH = 256;
  /**
   * The character reads one regular-expression match (RLIKE, regexp_replace) may make on any value, on top of
   * {@link #REGEX_STEPS_PER_CHARACTER} per character of the value; a match that reads more stops the run with an
   * error naming the pattern (see {@code Regexes}).
   */
  public static final long REGEX_BASE_STEPS = 1_000_000;
  /** The character reads a regular-expression match may make per character of the value it reads. */
  public static final long REGEX_STEPS_PER_CHARACTER = 1_000;
  /** The longest string an expression may produce or fold at compile time: the longest a string column holds. */
  public static final int MAX_STRING_LENGTH = TypeRange.MAX_STRING_LENGTH;

  private ExprLimits() {
  }

  /** The text shortened for a message: at most 80 characters. */
  public static String excerpt(String sql) {
    return sql == null || sql.length() <= 80 ? sql : sql.substring(0, 77) + "...";
  }

  /** The problem with the text's size or nesting, or null when it is within the limits. */
  static String checkText(String sql) {
    if (sql.length() > MAX_LENGTH) {
      return "the expression has " + sql.length() + " characters, more than the limit of " + MAX_LENGTH
          + "; split it into helper columns (\"omit\": true) that later expressions read by name";
    }
    int depth = nesting(sql);
    if (depth > MAX_NESTING) {
      return "the expression nests parentheses and CASE ... END " + depth + " deep, more than the limit of "
          + MAX_NESTING + "; compute inner parts in helper columns (\"omit\": true), or flatten nested CASEs "
          + "into one CASE with several WHEN branches";
    }
    int run = parenthesesInARow(sql);
    if (run > MAX_PARENTHESES_IN_A_ROW) {
      return "the expression opens " + run + " parentheses in a row, more than the " + MAX_PARENTHESES_IN_A_ROW
          + " the parser reads; remove the redundant ones";
    }
    return null;
  }

  private static boolean isQuote(char ch) {
    return ch == '\'' || ch == '"' || ch == '`';
  }

  /** The index of the quote that closes the one at {@code open} (or the end of the text). */
  private static int closingQuote(String s, int open) {
    char q = s.charAt(open);
    int j = open + 1;
    while (j < s.length() && s.charAt(j) != q) {
      j++;
    }
    return j;
  }

  /** The deepest nesting of ( ) and CASE ... END outside quoted text and identifiers; no allocation. */
  static int nesting(String s) {
    int depth = 0;
    int max = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (isQuote(ch)) {
        i = closingQuote(s, i);
      } else if (ch == '(') {
        max = Math.max(max, ++depth);
      } else if (ch == ')') {
        depth = Math.max(0, depth - 1);
      } else if (Character.isLetter(ch) && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
        int j = i;
        while (j < n && isWordChar(s.charAt(j))) {
          j++;
        }
        if (j - i == 4 && s.regionMatches(true, i, "case", 0, 4)) {
          max = Math.max(max, ++depth);
        } else if (j - i == 3 && s.regionMatches(true, i, "end", 0, 3)) {
          depth = Math.max(0, depth - 1);
        }
        i = j - 1;
      }
    }
    return max;
  }

  /** The longest run of '(' separated only by spaces, outside quoted text. */
  static int parenthesesInARow(String s) {
    int run = 0;
    int max = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (isQuote(ch)) {
        i = closingQuote(s, i);
        run = 0;
      } else if (ch == '(') {
        max = Math.max(max, ++run);
      } else if (!Character.isWhitespace(ch)) {
        run = 0;
      }
    }
    return max;
  }

  private static boolean isWordChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_';
  }

  /** The depth of a compiled tree, walked without recursion. */
  static int treeDepth(Node root) {
    java.util.ArrayDeque<Node> nodes = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    int max = 0;
    while (!nodes.isEmpty()) {
      Node n = nodes.pop();
      int d = depths.pop();
      max = Math.max(max, d);
      if (d > MAX_TREE_DEPTH) {
        return d;
      }
      for (Node c : n.children) {
        nodes.push(c);
        depths.push(d + 1);
      }
    }
    return max;
  }
}
