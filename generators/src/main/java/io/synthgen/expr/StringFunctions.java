package io.synthgen.expr;

import io.synthgen.plan.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import io.synthgen.sql.SqlText;

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
        map("lower", "lower(s)", 1, 1, c -> fn(s -> s.toLowerCase(Locale.ROOT), x -> "lower(" + x + ")"),
            CASE_LENGTH),
        map("upper", "upper(s)", 1, 1, c -> fn(s -> s.toUpperCase(Locale.ROOT), x -> "upper(" + x + ")"),
            CASE_LENGTH),
        map("initcap", "initcap(s)", 1, 1, c -> fn(StringFunctions::initcap, StringFunctions::initcapSql),
            CASE_LENGTH),
        map("trim", "trim(s)", 1, 1, c -> fn(s -> strip(s, true, true), x -> "trim(BOTH ' ' FROM " + x + ")"),
            SAME_LENGTH),
        map("ltrim", "ltrim(s)", 1, 1, c -> fn(s -> strip(s, true, false), x -> "trim(LEADING ' ' FROM " + x + ")"),
            SAME_LENGTH),
        map("rtrim", "rtrim(s)", 1, 1, c -> fn(s -> strip(s, false, true), x -> "trim(TRAILING ' ' FROM " + x + ")"),
            SAME_LENGTH),
        new FunctionDef("length", "length(s)", 1, 1, false, c -> {
          Node s = c.as(0, DataType.STRING);
          return c.bad() ? Node.failure()
              : new StrToLong(DataType.INT, s, v -> v.codePointCount(0, v.length()), x -> "length(" + x + ")");
        }),
        map("substr", "substr(s, pos[, len])", 2, 3, StringFunctions::substr, StringFunctions::substrLength),
        map("substring", "substring(s, pos[, len])", 2, 3, StringFunctions::substr,
            StringFunctions::substrLength),
        map("left", "left(s, n)", 2, 2, c -> {
          long n = c.constantLong(1);
          return fn(s -> n <= 0 ? "" : substr(s, 1, n), x -> n <= 0 ? empty(x) : substrSql(x, 1, n));
        }, (c, in) -> Math.min(in, Math.max(0, constLong(c, 1)))),
        map("right", "right(s, n)", 2, 2, c -> {
          long n = c.constantLong(1);
          return fn(s -> n <= 0 ? "" : substr(s, -n, Integer.MAX_VALUE),
              x -> n <= 0 ? empty(x) : substrSql(x, -n, Integer.MAX_VALUE));
        }, (c, in) -> Math.min(in, Math.max(0, constLong(c, 1)))),
        map("lpad", "lpad(s, len[, pad])", 2, 3, c -> pad(c, true), StringFunctions::padLength),
        map("rpad", "rpad(s, len[, pad])", 2, 3, c -> pad(c, false), StringFunctions::padLength),
        map("replace", "replace(s, search[, replacement])", 2, 3, c -> {
          String search = c.constantString(1);
          String rep = c.size() > 2 ? c.constantString(2) : "";
          return fn(s -> search.isEmpty() ? s : s.replace(search, rep),
              x -> search.isEmpty() ? x : "replace(" + x + ", " + SqlText.lit(search) + ", " + SqlText.lit(rep) + ")");
        }, StringFunctions::replaceLength),
        map("regexp_replace", "regexp_replace(s, regex, replacement)", 3, 3, StringFunctions::regexpReplace,
            StringFunctions::regexpLength),
        map("split_part", "split_part(s, delimiter, n)", 3, 3, StringFunctions::splitPart, SAME_LENGTH));
  }

  /** A per-value string function and its Spark SQL, made together so the two cannot drift. */
  record StrFn(Function<String, String> f, MapNodes.Sql1 sql) {
  }

  static StrFn fn(Function<String, String> f, MapNodes.Sql1 sql) {
    return new StrFn(f, sql);
  }

  /** '' for a non-NULL string, NULL for NULL. */
  private static String empty(String x) {
    return "substring(" + x + ", 1, 0)";
  }

  /** The longest result of a string function, from its call's constants and its input's longest length. */
  interface LengthRule {
    long apply(Call c, long inputLength);
  }

  private static final LengthRule SAME_LENGTH = (c, in) -> in;
  /** Upper- and lower-casing can expand a character into up to 3 (e.g. U+0390 upper-cases to 3 characters). */
  private static final LengthRule CASE_LENGTH = (c, in) -> 3 * in;

  /**
   * A per-value function of argument 0 whose other arguments are constants read by {@code make}. A constant input
   * is folded only when the result's length, bounded first, is within {@link ExprLimits#MAX_STRING_LENGTH}.
   */
  private static FunctionDef map(String name, String sig, int min, int max,
      Function<Call, StrFn> make, LengthRule length) {
    return new FunctionDef(name, sig, min, max, false, c -> {
      Node s = c.as(0, DataType.STRING);
      StrFn f = make.apply(c);
      if (c.bad()) {
        return Node.failure();
      }
      if (s instanceof Const k && k.value instanceof String v) {
        long longest = length.apply(c, v.length());
        if (longest > ExprLimits.MAX_STRING_LENGTH) {
          return c.problem("its result can have " + longest + " characters, more than the limit of "
              + ExprLimits.MAX_STRING_LENGTH + "; use shorter constants");
        }
      }
      return Operators.fold(new StrMap(s, f.f(), in -> length.apply(c, in), f.sql()));
    });
  }

  /** A constant integer argument the function's builder has already checked (0 when absent). */
  private static long constLong(Call c, int i) {
    return i < c.size() ? c.constantLong(i) : 0;
  }

  private static String constString(Call c, int i, String absent) {
    return i < c.size() ? c.constantString(i) : absent;
  }

  private static long substrLength(Call c, long in) {
    return c.size() > 2 ? Math.min(in, Math.max(0, constLong(c, 2))) : in;
  }

  private static long padLength(Call c, long in) {
    long len = Math.max(0, constLong(c, 1));
    return constString(c, 2, " ").isEmpty() ? Math.min(in, len) : len;
  }

  private static long replaceLength(Call c, long in) {
    String search = constString(c, 1, "");
    String rep = constString(c, 2, "");
    if (search.isEmpty() || rep.length() <= search.length()) {
      return in;
    }
    return in + in / search.length() * (rep.length() - search.length());
  }

  /** Every position (in + 1 of them, empty matches included) may take the replacement with each group = input. */
  private static long regexpLength(Call c, long in) {
    String rep = constString(c, 2, "");
    long expanded = Replacement.literalLength(rep) + Replacement.groupReferences(rep) * in;
    return in + (in + 1) * expanded;
  }

  private static Node concatWs(Call c) {
    Node sep = c.as(0, DataType.STRING);
    List<Node> parts = new ArrayList<>();
    for (int i = 1; i < c.size(); i++) {
      parts.add(c.as(i, DataType.STRING));
    }
    return c.bad() ? Node.failure() : Operators.checkedFold(c.translator(), new ConcatNode(parts, sep),
        ConcatNode.constantLength(parts, sep));
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

  /**
   * {@link #initcap} in SQL. Spark's initcap title-cases with full mappings (ß becomes Ss, ﬀ becomes Ff) and whole
   * code points; the local one maps one UTF-16 character (Character.toTitleCase), so the SQL lower-cases, splits at
   * spaces and maps each word's first character itself: Spark's upper where that is one character and agrees with
   * the local title case, the local title case from a table where they differ (digraphs such as ǆ, Georgian), and
   * the character unchanged where upper-casing expands it or it lies above U+FFFF.
   */
  static String initcapSql(String s) {
    return SqlOps.let("lower(" + s + ")", l -> {
      String w = SqlOps.fresh(l);
      String c = "substring(" + w + ", 1, 1)";
      String first = "CASE WHEN " + c + " RLIKE " + SqlText.lit(TitleCase.KEYS) + " THEN translate(" + c + ", "
          + SqlText.lit(TitleCase.FROM) + ", " + SqlText.lit(TitleCase.TO) + ") WHEN length(upper(" + c + ")) = 1 AND "
          + "NOT " + SqlOps.hasSupplementary(c) + " THEN upper(" + c + ") ELSE " + c + " END";
      return "array_join(transform(split(" + l + ", ' ', -1), " + w + " -> concat(" + first + ", substring(" + w
          + ", 2))), ' ')";
    });
  }

  /** The BMP characters whose one-character title case (Java) is not their one-character upper case. */
  private static final class TitleCase {
    static final String FROM;
    static final String TO;
    static final String KEYS;

    static {
      StringBuilder from = new StringBuilder();
      StringBuilder to = new StringBuilder();
      for (char ch = 0; ch < 0xD800; ch++) {
        String upper = String.valueOf(ch).toUpperCase(Locale.ROOT);
        char title = Character.toTitleCase(ch);
        if (upper.length() == 1 && upper.charAt(0) != title) {
          from.append(ch);
          to.append(title);
        }
      }
      for (char ch = 0xE000; ch != 0; ch++) {
        String upper = String.valueOf(ch).toUpperCase(Locale.ROOT);
        char title = Character.toTitleCase(ch);
        if (upper.length() == 1 && upper.charAt(0) != title) {
          from.append(ch);
          to.append(title);
        }
      }
      FROM = from.toString();
      TO = to.toString();
      StringBuilder keys = new StringBuilder("^[");
      FROM.chars().forEach(k -> keys.append("\\x{").append(Integer.toHexString(k)).append('}'));
      KEYS = keys.append("]$").toString();
    }

    private TitleCase() {
    }
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

  private static StrFn substr(Call c) {
    long pos = c.constantLong(1);
    long len = c.size() > 2 ? c.constantLong(2) : Integer.MAX_VALUE;
    return fn(s -> substr(s, pos, len), x -> substrSql(x, pos, len));
  }

  /**
   * {@link #substr} in SQL: Spark's substring is the same function on int arguments; constants beyond the int
   * range take the local arithmetic on BIGINT code point counts.
   */
  static String substrSql(String s, long pos, long len) {
    if (pos == (int) pos && len == (int) len) {
      return "substring(" + s + ", " + pos + ", " + len + ")";
    }
    return SqlOps.let(s, x -> {
      String n = "CAST(length(" + x + ") AS BIGINT)";
      String start = pos > 0 ? SqlText.lit(pos - 1) : pos < 0 ? "(" + n + " + " + SqlText.lit(pos) + ")" : "0L";
      return SqlOps.let(start, st -> SqlOps.let2("greatest(" + st + ", 0L)", "least(try_add(" + st + ", "
          + SqlText.lit(len) + "), " + n + ")", (b, e) -> "CASE WHEN " + x + " IS NULL THEN NULL WHEN " + b + " >= "
          + e + " THEN '' ELSE substring(" + x + ", CAST(" + b + " + 1L AS INT), CAST(" + e + " - " + b
          + " AS INT)) END"), x);
    });
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

  private static StrFn pad(Call c, boolean left) {
    long len = c.constantLong(1);
    String pad = c.size() > 2 ? c.constantString(2) : " ";
    if (len > ExprLimits.MAX_STRING_LENGTH && !c.bad()) {
      c.problem("the length " + len + " is more than the longest string, " + ExprLimits.MAX_STRING_LENGTH
          + " characters; pad to at most " + ExprLimits.MAX_STRING_LENGTH);
    }
    return fn(s -> {
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
    }, x -> padSql(x, len, pad, left, inputIsBmp(c)));
  }

  /** True when the argument is a conversion of a non-string value, whose text has no character above U+FFFF. */
  private static boolean inputIsBmp(Call c) {
    Node a = c.used(0);
    return a instanceof CastNode && a.children.get(0).type != null
        && a.children.get(0).type.kind() != DataType.Kind.STRING;
  }

  /**
   * The local pad counts UTF-16 units (Java's String.length and substring), Spark's lpad/rpad code points: they
   * agree on text without characters above U+FFFF, and elsewhere the SQL counts units through UTF-16BE bytes.
   */
  private static String padSql(String s, long len, String pad, boolean left, boolean bmpInput) {
    if (len <= 0) {
      return empty(s);
    }
    boolean bmpPad = pad.codePoints().allMatch(cp -> cp < 0x10000);
    String spark = (left ? "lpad(" : "rpad(") + s + ", " + len + ", " + SqlText.lit(pad) + ")";
    if (bmpPad && bmpInput) {
      return spark;
    }
    return SqlOps.let(s, x -> {
      String u = SqlOps.utf16Length(x);
      String units;
      if (pad.isEmpty()) {
        units = x;
      } else {
        long copies = (len + pad.length() - 1) / pad.length();
        String fill = SqlOps.utf16Prefix("repeat(" + SqlText.lit(pad) + ", " + copies + ")", len + " - " + u);
        units = left ? "concat(" + fill + ", " + x + ")" : "concat(" + x + ", " + fill + ")";
      }
      String utf16 = "CASE WHEN " + u + " >= " + len + " THEN " + SqlOps.utf16Prefix(x, Long.toString(len)) + " ELSE "
          + units + " END";
      String sparkOnX = (left ? "lpad(" : "rpad(") + x + ", " + len + ", " + SqlText.lit(pad) + ")";
      return bmpPad ? "CASE WHEN " + SqlOps.hasSupplementary(x) + " THEN " + utf16 + " ELSE " + sparkOnX + " END"
          : utf16;
    });
  }

  private static StrFn regexpReplace(Call c) {
    String regex = c.constantString(1);
    String rep = c.constantString(2);
    if (c.bad()) {
      return fn(s -> s, x -> x);
    }
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      c.problem("'" + Replacement.shorten(regex) + "' is not a valid Java regular expression: "
          + e.getDescription() + " near index " + e.getIndex() + "; escape special characters with \\\\");
      return fn(s -> s, x -> x);
    }
    String wrong = Replacement.check(rep, p);
    if (wrong == null) {
      wrong = Regexes.shapeProblem(regex);
    }
    if (wrong != null) {
      c.problem(wrong);
      return fn(s -> s, x -> x);
    }
    return fn(s -> Regexes.replaceAll(p, s, rep),
        x -> "regexp_replace(" + x + ", " + SqlText.lit(regex) + ", " + SqlText.lit(rep) + ")");
  }

  private static StrFn splitPart(Call c) {
    String delim = c.constantString(1);
    long n = c.constantLong(2);
    if (n == 0 && !c.bad()) {
      c.problem("the part number must not be 0: parts count from 1, or from -1 at the end");
    }
    String quoted = Pattern.quote(delim);
    return fn(s -> {
      String[] parts = delim.isEmpty() ? new String[] {s} : s.split(quoted, -1);
      long i = n > 0 ? n - 1 : parts.length + n;
      return i >= 0 && i < parts.length ? parts[(int) i] : "";
    }, x -> delim.isEmpty() ? (n == 1 || n == -1 ? x : empty(x))
        : n == (int) n && n != 0 ? "split_part(" + x + ", " + SqlText.lit(delim) + ", " + n + ")" : empty(x));
  }
}
