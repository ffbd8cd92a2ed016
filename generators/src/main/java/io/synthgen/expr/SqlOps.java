package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.TypeRange;
import io.synthgen.sql.SqlText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark SQL text shared by the expression nodes: types, literals, guards, and conversions between dates, timestamps
 * and their day / microsecond counts that never read the session time zone. Every helper gives an expression that
 * is valid with {@code spark.sql.ansi.enabled} on and off: no helper relies on a cast or an arithmetic error
 * becoming NULL.
 */
final class SqlOps {

  static final long MICROS_PER_DAY = DateFunctions.MICROS_PER_DAY;

  /** Operands up to this length are repeated where an expression needs them twice; longer ones are bound once. */
  private static final int INLINE_LENGTH = 160;
  private static final Pattern LAMBDA_VAR = Pattern.compile("\\bsgv(\\d+)\\b");

  private SqlOps() {
  }

  /** The Spark type of a plan type. */
  static String type(DataType t) {
    return switch (t.kind()) {
      case BIGINT -> "BIGINT";
      case INT -> "INT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
      case STRING -> "STRING";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  /** A typed NULL; the untyped NULL literal for a null type. */
  static String nullOf(DataType t) {
    return t == null ? "NULL" : "CAST(NULL AS " + type(t) + ")";
  }

  /** A constant in its internal form (see {@link Const}) as a literal of its type. */
  static String literal(DataType t, Object value) {
    if (t == null || value == null) {
      return nullOf(t);
    }
    return switch (t.kind()) {
      case BIGINT -> SqlText.lit((Long) value);
      case INT -> SqlText.litInt(Math.toIntExact((Long) value));
      case DOUBLE -> SqlText.lit((Double) value);
      case DECIMAL -> "CAST(" + BigDecimal.valueOf((Long) value, t.scale()).toPlainString() + "BD AS " + type(t) + ")";
      case STRING -> SqlText.lit((String) value);
      case BOOLEAN -> (Boolean) value ? "TRUE" : "FALSE";
      case DATE -> "DATE '" + java.time.LocalDate.ofEpochDay((Long) value) + "'";
      case TIMESTAMP -> "timestamp_micros(" + SqlText.lit((Long) value) + ")";
    };
  }

  /**
   * {@code body} applied to {@code x}, evaluating {@code x} once: a short operand is repeated, a longer one is bound
   * to a lambda variable ({@code transform(array(x), v -> body(v))[0]}), so nested nodes that each need an operand
   * twice do not grow the text exponentially. {@code context} are other texts the body will hold, so the variable's
   * name is fresh.
   */
  static String let(String x, Function<String, String> body, String... context) {
    if (x.length() <= INLINE_LENGTH) {
      return body.apply(x);
    }
    String v = fresh(x, context);
    return "transform(array(" + x + "), " + v + " -> " + body.apply(v) + ")[0]";
  }

  /** {@link #let} of two operands. */
  static String let2(String a, String b, java.util.function.BinaryOperator<String> body) {
    return let(a, x -> let(b, y -> body.apply(x, y), x, a), b);
  }

  /** {@link #let} of several operands. */
  static String letAll(List<String> xs, Function<List<String>, String> body) {
    return letFrom(xs, 0, new ArrayList<>(), body);
  }

  private static String letFrom(List<String> xs, int i, List<String> bound, Function<List<String>, String> body) {
    if (i == xs.size()) {
      return body.apply(List.copyOf(bound));
    }
    List<String> context = new ArrayList<>(xs);
    context.addAll(bound);
    return let(xs.get(i), v -> {
      List<String> next = new ArrayList<>(bound);
      next.add(v);
      return letFrom(xs, i + 1, next, body);
    }, context.toArray(String[]::new));
  }

  /** A lambda variable name that occurs in none of the texts. */
  static String fresh(String x, String... context) {
    int max = maxVar(x);
    for (String c : context) {
      max = Math.max(max, maxVar(c));
    }
    return "sgv" + (max + 1);
  }

  private static int maxVar(String s) {
    int max = 0;
    Matcher m = LAMBDA_VAR.matcher(s);
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    return max;
  }

  /** A function call text. */
  static String call(String name, String... args) {
    return name + "(" + String.join(", ", args) + ")";
  }

  /** A BIGINT epoch day of a DATE. */
  static String days(String date) {
    return "CAST(unix_date(" + date + ") AS BIGINT)";
  }

  /** The DATE of a BIGINT epoch day; NULL outside years 1 to 9999 (and where the day count is NULL). */
  static String dateOfDays(String days) {
    return let(days, d -> "CASE WHEN " + d + " BETWEEN " + TypeRange.MIN_DATE + "L AND " + TypeRange.MAX_DATE
        + "L THEN date_from_unix_date(CAST(" + d + " AS INT)) END");
  }

  /** A DATE from a BIGINT epoch day known to be within years 1 to 9999. */
  static String dateOfValidDays(String days) {
    return "date_from_unix_date(CAST(" + days + " AS INT))";
  }

  /** BIGINT microseconds since the epoch of a TIMESTAMP (an instant: no time zone involved). */
  static String micros(String ts) {
    return "unix_micros(" + ts + ")";
  }

  /** The TIMESTAMP of BIGINT epoch microseconds; NULL outside years 1 to 9999. */
  static String timestampOfMicros(String micros) {
    return let(micros, m -> "CASE WHEN " + m + " BETWEEN " + SqlText.lit(TypeRange.MIN_TIMESTAMP) + " AND "
        + SqlText.lit(TypeRange.MAX_TIMESTAMP) + " THEN timestamp_micros(" + m + ") END");
  }

  /** Math.floorDiv of a BIGINT expression by a positive constant. */
  static String floorDiv(String x, long divisor) {
    String d = SqlText.lit(divisor);
    return let(x, v -> "((" + v + " - pmod(" + v + ", " + d + ")) DIV " + d + ")");
  }

  /** The DATE of a TIMESTAMP: its UTC day. */
  static String dateOfTimestamp(String ts) {
    return dateOfValidDays(floorDiv(micros(ts), MICROS_PER_DAY));
  }

  /** The midnight TIMESTAMP of a DATE. */
  static String timestampOfDate(String date) {
    return "timestamp_micros(" + days(date) + " * " + SqlText.lit(MICROS_PER_DAY) + ")";
  }

  /** Java's {@code String.trim()}: every character up to U+0020 removed at both ends. */
  static String javaTrim(String s) {
    return "regexp_replace(" + s + ", " + SqlText.lit("^[\\x00-\\x20]+|[\\x00-\\x20]+$") + ", '')";
  }

  /** True when a DOUBLE is -0.0 (Spark compares -0.0 = 0.0; only its text shows the sign). */
  static String negativeZero(String x) {
    return "(CAST(" + x + " AS STRING) = '-0.0')";
  }

  /**
   * {@code a op b} for two DOUBLEs with Java's {@code Double.compare} order, which the local engine uses: as Spark's
   * (NaN equal to itself and above every number) except that -0.0 is below 0.0.
   */
  static String compareDoubles(String op, String a, String b, Object constantRight) {
    if (constantRight instanceof Double d && d != 0) {
      return "(" + a + " " + op + " " + b + ")";
    }
    return let2(a, b, (x, y) -> "CASE WHEN " + x + " = 0.0D AND " + y + " = 0.0D THEN "
        + "(IF(" + negativeZero(x) + ", 0, 1) " + op + " IF(" + negativeZero(y) + ", 0, 1)) ELSE (" + x + " " + op
        + " " + y + ") END");
  }

  /** True when every character of a constant is below U+D800, where UTF-16 and code point order agree. */
  static boolean belowSurrogates(Object constant) {
    if (!(constant instanceof String s)) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0xD800) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code a op b} for two STRINGs in Java's {@code compareTo} order (UTF-16 code units), which the local engine
   * uses; Spark compares code points, which differs only between characters from U+E000 and those above U+FFFF.
   */
  static String compareStrings(String op, String a, String b, Object constantLeft, Object constantRight) {
    if (op.equals("=") || op.equals("<>") || belowSurrogates(constantLeft) || belowSurrogates(constantRight)) {
      return "(" + a + " " + op + " " + b + ")";
    }
    return "(encode(" + a + ", 'UTF-16BE') " + op + " encode(" + b + ", 'UTF-16BE'))";
  }

  /** The number of UTF-16 code units of a STRING (Java's {@code String.length()}). */
  static String utf16Length(String s) {
    return "(octet_length(encode(" + s + ", 'UTF-16BE')) DIV 2)";
  }

  /** True when a STRING holds a character above U+FFFF (two UTF-16 units). */
  static String hasSupplementary(String s) {
    return "(" + s + " RLIKE " + SqlText.lit("[\\x{10000}-\\x{10FFFF}]") + ")";
  }

  /**
   * The first {@code units} (at least 1) UTF-16 code units of a STRING, as the local engine's {@code substring}
   * cuts them and its writers then encode them: a cut through a surrogate pair leaves a lone high surrogate, which
   * UTF-8 writes as '?' (Spark's decode would refuse the half pair).
   */
  static String utf16Prefix(String s, String units) {
    return let("encode(" + s + ", 'UTF-16BE')", e -> let("(" + units + ")", u -> "CASE WHEN hex(substring(" + e
        + ", 2 * " + u + " - 1, 1)) BETWEEN 'D8' AND 'DB' THEN concat(decode(substring(" + e + ", 1, 2 * " + u
        + " - 2), 'UTF-16BE'), '?') ELSE decode(substring(" + e + ", 1, 2 * " + u + "), 'UTF-16BE') END", e), units);
  }
}
