package io.synthgen.expr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User regular expressions (RLIKE / REGEXP, regexp_replace), kept from hanging a run in two ways. When the plan is
 * checked, a pattern that repeats a group which itself holds an unbounded quantifier ({@code (a+)+}, {@code (\w*
 * )*}, {@code (x+y?){2,}}) is refused: that shape backtracks exponentially on a value that almost matches. At run
 * time every match reads the value through a counter of character reads and stops after
 * {@link ExprLimits#REGEX_BASE_STEPS} + {@link ExprLimits#REGEX_STEPS_PER_CHARACTER} x the value's length reads,
 * with {@link BudgetExceeded}, a clear error instead of a hang (other slow shapes, such as many {@code .*} in a
 * row, are caught there).
 */
final class Regexes {

  private Regexes() {
  }

  /** A match that read more characters than its budget; the message says the pattern and how to simplify it. */
  static final class BudgetExceeded extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded(String message) {
      super(message);
    }
  }

  /** Why the pattern's shape is refused (a repeated group holding an unbounded quantifier), or null. */
  static String shapeProblem(String regex) {
    int depth = 0;
    // per open group: whether it holds an unbounded quantifier (directly or in a nested group)
    boolean[] unbounded = new boolean[regex.length() + 1];
    for (int i = 0; i < regex.length(); i++) {
      char ch = regex.charAt(i);
      if (ch == '\\') {
        if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? regex.length() : end + 1;
        } else {
          i++;
        }
      } else if (ch == '[') {
        i = classEnd(regex, i);
      } else if (ch == '(') {
        unbounded[++depth] = false;
      } else if (ch == ')' && depth > 0) {
        boolean inner = unbounded[depth--];
        int q = quantifierEnd(regex, i + 1);
        if (q > i + 1 && inner && repeats(regex, i + 1, q) && !possessive(regex, q)) {
          return "the regular expression '" + Replacement.shorten(regex) + "' repeats a group that holds a "
              + "repetition (such as (a+)+ or (\\w*\\s)*), which can take exponential time on a value that almost "
              + "matches; repeat the characters once (a+ instead of (a+)+), bound the inner repetition ({1,20}), "
              + "or make the outer one possessive (++, *+)";
        }
        unbounded[depth] |= inner || q > i + 1 && unboundedQuantifier(regex, i + 1, q) && !possessive(regex, q);
        i = possessive(regex, q) && q > i + 1 ? q : q - 1;
      } else {
        int q = quantifierEnd(regex, i);
        if (q > i) {
          boolean possessive = possessive(regex, q);
          if (unboundedQuantifier(regex, i, q) && !possessive) {
            unbounded[depth] = true;
          }
          i = possessive ? q : q - 1;
        }
      }
    }
    return null;
  }

  /** The index after a quantifier starting at {@code i} ({@code * + ? {n} {n,} {n,m}}, with a lazy ?), or i. */
  private static int quantifierEnd(String r, int i) {
    if (i >= r.length()) {
      return i;
    }
    char ch = r.charAt(i);
    int end;
    if (ch == '*' || ch == '+' || ch == '?') {
      end = i + 1;
    } else if (ch == '{') {
      int close = r.indexOf('}', i);
      if (close < 0 || !r.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
        return i;
      }
      end = close + 1;
    } else {
      return i;
    }
    return end < r.length() && r.charAt(end) == '?' ? end + 1 : end;
  }

  private static boolean possessive(String r, int q) {
    return q < r.length() && r.charAt(q) == '+';
  }

  /** {@code * + {n,}}: no upper bound. */
  private static boolean unboundedQuantifier(String r, int from, int to) {
    char ch = r.charAt(from);
    return ch == '*' || ch == '+' || ch == '{' && r.substring(from, to).matches("\\{\\d+,}\\??");
  }

  /** A quantifier that can repeat more than once: all but {@code ?}, {@code {0}}, {@code {1}}, {@code {0,1}}. */
  private static boolean repeats(String r, int from, int to) {
    String q = r.substring(from, to).replaceAll("\\?$", "");
    if (q.isEmpty() || q.equals("?")) {
      return false;
    }
    return !q.matches("\\{0*[01](,0*[01])?}");
  }

  /** The index of the ] closing the character class opened at {@code i} (nested classes and escapes skipped). */
  private static int classEnd(String r, int i) {
    int depth = 0;
    for (int j = i; j < r.length(); j++) {
      char ch = r.charAt(j);
      if (ch == '\\') {
        j++;
      } else if (ch == '[') {
        depth++;
        if (j + 1 < r.length() && r.charAt(j + 1) == ']' || j + 2 < r.length() && r.charAt(j + 1) == '^'
            && r.charAt(j + 2) == ']') {
          j += r.charAt(j + 1) == '^' ? 2 : 1; // a ] right after [ or [^ is a literal
        }
      } else if (ch == ']' && --depth == 0) {
        return j;
      }
    }
    return r.length();
  }

  /** RLIKE: the pattern is found somewhere in the value. */
  static boolean find(Pattern p, String value) {
    return p.matcher(new Budgeted(value, p)).find();
  }

  /** regexp_replace: every match replaced. */
  static String replaceAll(Pattern p, String value, String replacement) {
    Matcher m = p.matcher(new Budgeted(value, p));
    return m.replaceAll(replacement);
  }

  /** The value as a CharSequence that counts its character reads and stops the match after the budget. */
  private static final class Budgeted implements CharSequence {
    private final String s;
    private final Pattern p;
    private long left;

    Budgeted(String s, Pattern p) {
      this.s = s;
      this.p = p;
      this.left = ExprLimits.REGEX_BASE_STEPS + ExprLimits.REGEX_STEPS_PER_CHARACTER * (long) s.length();
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        throw new BudgetExceeded("the regular expression '" + Replacement.shorten(p.pattern()) + "' read more than "
            + (ExprLimits.REGEX_BASE_STEPS + ExprLimits.REGEX_STEPS_PER_CHARACTER * (long) s.length())
            + " characters matching one value of " + s.length() + " characters (the limit is "
            + ExprLimits.REGEX_BASE_STEPS + " + " + ExprLimits.REGEX_STEPS_PER_CHARACTER + " per character): it "
            + "backtracks too much; simplify it (fewer .* and nested repetitions, anchors such as ^ and $, or "
            + "possessive quantifiers such as .*+)");
      }
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.subSequence(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
