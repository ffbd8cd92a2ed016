package io.synthgen.expr;

import io.synthgen.plan.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * String functions. Positions and lengths count characters, 1-based as in Spark. Arguments other than the string
 * itself (positions, pads, patterns) must be constants, so every function here but concat is per-value and keeps a
 * dictionary-coded input dictionary-coded.
 */
final class StringFunctions {

  private StringFunctions() {
  }

  static List<FunctionDef> defs() {
    return List.of(
        new FunctionDef("concat", "concat(a, b, ...)", 1, -1, false,
            c -> c.translator().operators().concat(c.args)),
        new FunctionDef("concat_ws", "concat_ws(separator, a, ...)", 1, -1, false, StringFunctions::concatWs),
        map("lower", "lower(s)", 1, 1, c -> s -> s.toLowerCase(Locale.ROOT)),
        map("upper", "upper(s)", 1, 1, c -> s -> s.toUpperCase(Locale.ROOT)),
        map("initcap", "initcap(s)", 1, 1, c -> StringFunctions::initcap),
        map("trim", "trim(s)", 1, 1, c -> s -> strip(s, true, true)),
        map("ltrim", "ltrim(s)", 1, 1, c -> s -> strip(s, true, false)),
        map("rtrim", "rtrim(s)", 1, 1, c -> s -> strip(s, false, true)),
        new FunctionDef("length", "length(s)", 1, 1, false, c -> {
          Node s = c.as(0, DataType.STRING);
          return c.bad() ? Node.failure() : new StrToLong(DataType.INT, s, v -> v.codePointCount(0, v.length()));
        }),
        map("substr", "substr(s, pos[, len])", 2, 3, StringFunctions::substr),
        map("substring", "substring(s, pos[, len])", 2, 3, StringFunctions::substr),
        map("left", "left(s, n)", 2, 2, c -> {
          long n = c.constantLong(1);
          return s -> n <= 0 ? "" : substr(s, 1, n);
        }),
        map("right", "right(s, n)", 2, 2, c -> {
          long n = c.constantLong(1);
          return s -> n <= 0 ? "" : substr(s, -n, Integer.MAX_VALUE);
        }),
        map("lpad", "lpad(s, len[, pad])", 2, 3, c -> pad(c, true)),
        map("rpad", "rpad(s, len[, pad])", 2, 3, c -> pad(c, false)),
        map("replace", "replace(s, search[, replacement])", 2, 3, c -> {
          String search = c.constantString(1);
          String rep = c.size() > 2 ? c.constantString(2) : "";
          return s -> search.isEmpty() ? s : s.replace(search, rep);
        }),
        map("regexp_replace", "regexp_replace(s, regex, replacement)", 3, 3, StringFunctions::regexpReplace),
        map("split_part", "split_part(s, delimiter, n)", 3, 3, StringFunctions::splitPart));
  }

  /** A per-value function of argument 0 whose other arguments are constants read by {@code make}. */
  private static FunctionDef map(String name, String sig, int min, int max,
      Function<Call, Function<String, String>> make) {
    return new FunctionDef(name, sig, min, max, false, c -> {
      Node s = c.as(0, DataType.STRING);
      Function<String, String> f = make.apply(c);
      return c.bad() ? Node.failure() : Operators.fold(new StrMap(s, f));
    });
  }

  private static Node concatWs(Call c) {
    Node sep = c.as(0, DataType.STRING);
    List<Node> parts = new ArrayList<>();
    for (int i = 1; i < c.size(); i++) {
      parts.add(c.as(i, DataType.STRING));
    }
    return c.bad() ? Node.failure() : Operators.fold(new ConcatNode(parts, sep));
  }

  /** Spark's initcap: lower-case everything, then upper-case the first letter of each space-separated word. */
  static String initcap(String s) {
    char[] a = s.toLowerCase(Locale.ROOT).toCharArray();
    for (int i = 0; i < a.length; i++) {
      if (i == 0 || a[i - 1] == ' ') {
        a[i] = Character.toTitleCase(a[i]);
      }
    }
    return new String(a);
  }

  /** Spark's trim family removes spaces (U+0020) only. */
  static String strip(String s, boolean left, boolean right) {
    int b = 0;
    int e = s.length();
    while (left && b < e && s.charAt(b) == ' ') {
      b++;
    }
    while (right && e > b && s.charAt(e - 1) == ' ') {
      e--;
    }
    return s.substring(b, e);
  }

  private static Function<String, String> substr(Call c) {
    long pos = c.constantLong(1);
    long len = c.size() > 2 ? c.constantLong(2) : Integer.MAX_VALUE;
    return s -> substr(s, pos, len);
  }

  /** Spark's substring: 1-based pos, 0 acts as 1, negative counts from the end; len &lt;= 0 gives "". */
  static String substr(String s, long pos, long len) {
    int n = s.codePointCount(0, s.length());
    long start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
    long end = start + len;
    start = Math.max(start, 0);
    end = Math.min(end, n);
    if (start >= end) {
      return "";
    }
    return s.substring(s.offsetByCodePoints(0, (int) start), s.offsetByCodePoints(0, (int) end));
  }

  private static Function<String, String> pad(Call c, boolean left) {
    long len = c.constantLong(1);
    String pad = c.size() > 2 ? c.constantString(2) : " ";
    return s -> {
      if (len <= 0) {
        return "";
      }
      if (s.length() >= len) {
        return s.substring(0, (int) len);
      }
      if (pad.isEmpty()) {
        return s;
      }
      StringBuilder fill = new StringBuilder();
      while (fill.length() < len - s.length()) {
        fill.append(pad);
      }
      fill.setLength((int) (len - s.length()));
      return left ? fill + s : s + fill;
    };
  }

  private static Function<String, String> regexpReplace(Call c) {
    String regex = c.constantString(1);
    String rep = c.constantString(2);
    Pattern p;
    try {
      p = Pattern.compile(regex);
      p.matcher("").replaceAll(rep);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      c.problem("'" + regex + "' / '" + rep + "' is not a valid Java regular expression and replacement: "
          + e.getMessage().split("\n")[0]);
      return s -> s;
    }
    return s -> p.matcher(s).replaceAll(rep);
  }

  private static Function<String, String> splitPart(Call c) {
    String delim = c.constantString(1);
    long n = c.constantLong(2);
    if (n == 0 && !c.bad()) {
      c.problem("the part number must not be 0: parts count from 1, or from -1 at the end");
    }
    String quoted = Pattern.quote(delim);
    return s -> {
      String[] parts = delim.isEmpty() ? new String[] {s} : s.split(quoted, -1);
      long i = n > 0 ? n - 1 : parts.length + n;
      return i >= 0 && i < parts.length ? parts[(int) i] : "";
    };
  }

  static String likeToRegex(String like, Character escape) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char ch = like.charAt(i);
      if (escape != null && ch == escape && i + 1 < like.length()) {
        b.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (ch == '%') {
        b.append(".*");
      } else if (ch == '_') {
        b.append('.');
      } else {
        b.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return b.toString();
  }
}
