package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
import io.synthgen.sql.SqlText;

/**
 * {@link CastNode}'s conversions as Spark SQL: the local rules of {@link CastNode} and {@link Formats} written out
 * with explicit guards (a value that does not fit is NULL, never an ANSI error), timestamps through their epoch
 * microseconds (never the session time zone), and text parsed by the local grammar (Java's trim, ISO dates, Java's
 * number syntax) rather than by Spark's more lenient casts.
 */
final class CastSql {

  private static final String DECIMAL_TEXT = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$";
  private static final String INTEGER_TEXT = "^[+-]?[0-9]+$";
  private static final String PLAIN_DECIMAL_TEXT = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$";
  private static final String DATE_TEXT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  private static final String TIME_TEXT = "^([0-9]{2}):([0-9]{2})(:([0-9]{2})([.]([0-9]{0,9}))?)?$";
  /** 2^63 and -2^63 as doubles: the doubles that truncate into a bigint lie in [-2^63, 2^63). */
  private static final String TWO_63 = "9.223372036854775808E18D";
  /** Seconds since 1970 beyond this magnitude are NULL as timestamps ({@code CastNode.timestampOfSeconds}). */
  private static final long MAX_SECONDS = 9_200_000_000_000L;

  /**
   * Every decimal digit other than 0-9 that Java's number parsers read (they read UTF-16 characters, so the digits
   * of the Basic Multilingual Plane), and its value as 0-9.
   */
  private static final String OTHER_DIGITS;
  private static final String OTHER_DIGIT_VALUES;

  static {
    StringBuilder from = new StringBuilder();
    StringBuilder to = new StringBuilder();
    for (int cp = 128; cp < Character.MIN_SUPPLEMENTARY_CODE_POINT; cp++) {
      int v = Character.digit(cp, 10);
      if (v >= 0) {
        from.appendCodePoint(cp);
        to.append((char) ('0' + v));
      }
    }
    OTHER_DIGITS = from.toString();
    OTHER_DIGIT_VALUES = to.toString();
  }

  private CastSql() {
  }

  /** Text with every decimal digit of another script replaced by its ASCII digit, as Long.parseLong reads it. */
  private static String asciiDigits(String t) {
    return "translate(" + t + ", " + SqlText.lit(OTHER_DIGITS) + ", " + SqlText.lit(OTHER_DIGIT_VALUES) + ")";
  }

  /** {@code x} of type {@code from} converted to {@code to}. */
  static String of(String x, DataType from, DataType to) {
    if (from == null) {
      return SqlOps.nullOf(to);
    }
    if (from.equals(to)) {
      return x;
    }
    if (from.kind() == Kind.STRING) {
      return parse(x, to);
    }
    return switch (to.kind()) {
      case STRING -> text(x, from);
      case BOOLEAN -> "(" + x + " <> " + zero(from) + ")";
      case DOUBLE -> toDouble(x, from);
      case BIGINT, INT -> toInteger(x, from, to);
      case DECIMAL -> "try_cast(" + x + " AS " + SqlOps.type(to) + ")";
      case DATE -> SqlOps.dateOfTimestamp(x);
      case TIMESTAMP -> toTimestamp(x, from);
    };
  }

  private static String zero(DataType t) {
    return switch (t.kind()) {
      case DOUBLE -> "0.0D";
      case DECIMAL -> "0BD";
      default -> "0L";
    };
  }

  private static String text(String x, DataType from) {
    if (from.kind() != Kind.TIMESTAMP) {
      return "CAST(" + x + " AS STRING)";
    }
    // yyyy-MM-dd HH:mm:ss[.fraction without trailing zeros], from the UTC microseconds
    return SqlOps.let(SqlOps.micros(x), u -> SqlOps.let("pmod(" + u + ", " + SqlText.lit(SqlOps.MICROS_PER_DAY) + ")",
        us -> "concat(CAST(" + SqlOps.dateOfValidDays(SqlOps.floorDiv(u, SqlOps.MICROS_PER_DAY)) + " AS STRING), ' ', "
            + two(us + " DIV 3600000000L") + ", ':', " + two(us + " DIV 60000000L % 60L") + ", ':', "
            + two(us + " DIV 1000000L % 60L") + ", CASE WHEN " + us + " % 1000000L = 0L THEN '' ELSE concat('.', "
            + "regexp_replace(lpad(CAST(" + us + " % 1000000L AS STRING), 6, '0'), '0+$', '')) END)", u));
  }

  private static String two(String v) {
    return "lpad(CAST(" + v + " AS STRING), 2, '0')";
  }

  private static String toDouble(String x, DataType from) {
    return switch (from.kind()) {
      case DECIMAL -> {
        if (from.scale() == 0) {
          yield "CAST(CAST(" + x + " AS BIGINT) AS DOUBLE)";
        }
        // the unscaled long over 10^scale, as the local engine divides it
        long pow = DecimalMath.POW10[from.scale()];
        yield "(CAST(CAST(" + x + " * " + pow + "BD AS BIGINT) AS DOUBLE) / " + SqlText.lit((double) pow) + ")";
      }
      case TIMESTAMP -> "(CAST(" + SqlOps.micros(x) + " AS DOUBLE) / 1000000.0D)";
      default -> "CAST(" + x + " AS DOUBLE)";
    };
  }

  private static String toInteger(String x, DataType from, DataType to) {
    boolean isInt = to.kind() == Kind.INT;
    return switch (from.kind()) {
      case DOUBLE -> SqlOps.let(x, v -> isInt
          ? "CASE WHEN " + v + " > -2147483649.0D AND " + v + " < 2147483648.0D THEN CAST(" + v + " AS INT) END"
          : "CASE WHEN " + v + " >= -" + TWO_63 + " AND " + v + " < " + TWO_63 + " THEN CAST(" + v + " AS BIGINT) END");
      case DECIMAL -> isInt ? "try_cast(CAST(" + x + " AS BIGINT) AS INT)" : "CAST(" + x + " AS BIGINT)";
      case TIMESTAMP -> {
        String seconds = SqlOps.floorDiv(SqlOps.micros(x), 1_000_000L);
        yield isInt ? "try_cast(" + seconds + " AS INT)" : seconds;
      }
      case BIGINT -> isInt ? "try_cast(" + x + " AS INT)" : x;
      default -> "CAST(" + x + " AS " + SqlOps.type(to) + ")";
    };
  }

  private static String toTimestamp(String x, DataType from) {
    return switch (from.kind()) {
      case DATE -> SqlOps.timestampOfDate(x);
      case DOUBLE -> SqlOps.let(x, v -> "CASE WHEN " + v + " > -9.2E12D AND " + v + " < 9.2E12D THEN "
          + SqlOps.timestampOfMicros("CAST(" + v + " * 1000000.0D AS BIGINT)") + " END");
      default -> SqlOps.let("CAST(" + x + " AS BIGINT)", v -> "CASE WHEN " + v + " > " + SqlText.lit(-MAX_SECONDS)
          + " AND " + v + " < " + SqlText.lit(MAX_SECONDS) + " THEN "
          + SqlOps.timestampOfMicros(v + " * 1000000L") + " END");
    };
  }

  /** Text parsed as {@link Formats#parse} does, after Java's trim. */
  private static String parse(String x, DataType to) {
    String trimmed = SqlOps.javaTrim(x);
    if (to.kind() == Kind.BIGINT || to.kind() == Kind.INT || to.kind() == Kind.DECIMAL) {
      trimmed = asciiDigits(trimmed); // Long.parseLong and BigDecimal take any script's digits; 0-9 are the same
    }
    return SqlOps.let(trimmed, t -> switch (to.kind()) {
      case BIGINT, INT -> {
        String v = "CASE WHEN " + t + " RLIKE " + SqlText.lit(INTEGER_TEXT) + " THEN try_cast(" + t + " AS BIGINT)"
            + " WHEN " + t + " RLIKE " + SqlText.lit(PLAIN_DECIMAL_TEXT) + " THEN try_cast(" + integerPart(t)
            + " AS BIGINT) WHEN " + t + " RLIKE " + SqlText.lit(DECIMAL_TEXT) + " THEN try_cast("
            + SqlOps.let("try_cast(" + t + " AS DECIMAL(38,18))", d -> "CASE WHEN " + d + " < 0BD THEN ceil(" + d
                + ") ELSE floor(" + d + ") END", t) + " AS BIGINT) END";
        yield to.kind() == Kind.INT ? "try_cast(" + v + " AS INT)" : v;
      }
      case DOUBLE -> "CASE WHEN lower(" + t + ") RLIKE '^[+-]?(inf|infinity|nan)$' AND NOT " + t
          + " RLIKE '^[+-]?(Infinity|NaN)$' THEN CAST(NULL AS DOUBLE) ELSE try_cast(" + t + " AS DOUBLE) END";
      case DECIMAL -> "CASE WHEN " + t + " RLIKE " + SqlText.lit(DECIMAL_TEXT) + " THEN try_cast(" + t + " AS "
          + SqlOps.type(to) + ") END";
      case BOOLEAN -> "CASE WHEN lower(" + t + ") IN ('true', 't', 'yes', 'y', '1') THEN TRUE WHEN lower(" + t
          + ") IN ('false', 'f', 'no', 'n', '0') THEN FALSE END";
      case DATE -> SqlOps.let(datePart(t), p -> dateOfText(p), t);
      case TIMESTAMP -> timestampOfText(t);
      case STRING -> t;
    });
  }

  /** The sign and digits before the point of a plain decimal text, '0' when there are none. */
  private static String integerPart(String t) {
    return SqlOps.let("regexp_extract(" + t + ", '^([+-]?[0-9]*)', 1)",
        ip -> "CASE WHEN " + ip + " IN ('', '+', '-') THEN '0' ELSE " + ip + " END", t);
  }

  /** Where the time begins: the first space, else the first 'T' (1-based; 0 when there is none). */
  private static String cut(String t) {
    return "CASE WHEN instr(" + t + ", ' ') > 0 THEN instr(" + t + ", ' ') ELSE instr(" + t + ", 'T') END";
  }

  private static String datePart(String t) {
    return SqlOps.let(cut(t), c -> "CASE WHEN " + c + " > 0 THEN substring(" + t + ", 1, " + c + " - 1) ELSE " + t
        + " END", t);
  }

  /** yyyy-MM-dd with a year from 0001 to 9999 as a DATE, else NULL. */
  private static String dateOfText(String p) {
    return "CASE WHEN " + p + " RLIKE " + SqlText.lit(DATE_TEXT) + " THEN " + makeDate("CAST(substring(" + p
        + ", 1, 4) AS BIGINT)", "CAST(substring(" + p + ", 6, 2) AS BIGINT)", "CAST(substring(" + p
        + ", 9, 2) AS BIGINT)") + " END";
  }

  private static String timestampOfText(String t) {
    return SqlOps.let(cut(t), c -> {
      String date = SqlOps.let("CASE WHEN " + c + " > 0 THEN substring(" + t + ", 1, " + c + " - 1) ELSE " + t + " END",
          p -> dateOfText(p), t, c);
      String time = SqlOps.let(SqlOps.javaTrim("substring(" + t + ", " + c + " + 1)"), r -> timeOfText(r), t, c);
      return SqlOps.let(date, d -> "CASE WHEN " + d + " IS NULL THEN CAST(NULL AS TIMESTAMP) WHEN " + c
          + " = 0 THEN " + SqlOps.timestampOfDate(d) + " ELSE " + SqlOps.let(time, m -> "CASE WHEN " + m
          + " IS NOT NULL THEN timestamp_micros(" + SqlOps.days(d) + " * " + SqlText.lit(SqlOps.MICROS_PER_DAY)
          + " + " + m + ") END", d) + " END", t, c);
    }, t);
  }

  /** HH:mm[:ss[.fraction]] (ISO_LOCAL_TIME, hours 0-23) as BIGINT microseconds of the day, else NULL. */
  private static String timeOfText(String r) {
    String h = "CAST(regexp_extract(" + r + ", " + SqlText.lit(TIME_TEXT) + ", 1) AS BIGINT)";
    String m = "CAST(regexp_extract(" + r + ", " + SqlText.lit(TIME_TEXT) + ", 2) AS BIGINT)";
    String s = "CAST(CASE WHEN regexp_extract(" + r + ", " + SqlText.lit(TIME_TEXT) + ", 4) = '' THEN '0' ELSE "
        + "regexp_extract(" + r + ", " + SqlText.lit(TIME_TEXT) + ", 4) END AS BIGINT)";
    String f = "CAST(rpad(substring(regexp_extract(" + r + ", " + SqlText.lit(TIME_TEXT) + ", 6), 1, 6), 6, '0') AS "
        + "BIGINT)";
    return "CASE WHEN " + r + " RLIKE " + SqlText.lit(TIME_TEXT) + " THEN " + SqlOps.letAll(java.util.List.of(h, m, s),
        v -> "CASE WHEN " + v.get(0) + " <= 23L AND " + v.get(1) + " <= 59L AND " + v.get(2) + " <= 59L THEN "
            + v.get(0) + " * 3600000000L + " + v.get(1) + " * 60000000L + " + v.get(2) + " * 1000000L + " + f
            + " END") + " END";
  }

  /**
   * {@code make_date} of three BIGINT expressions with the local rules: NULL unless the year is 1 to 9999 and the
   * month and day make a calendar date (Spark's make_date would raise an error under ANSI mode).
   */
  static String makeDate(String year, String month, String day) {
    return SqlOps.letAll(java.util.List.of(year, month, day), v -> {
      String y = v.get(0);
      String m = v.get(1);
      String d = v.get(2);
      String daysInMonth = "CASE WHEN " + m + " = 2L THEN IF((" + y + " % 4L = 0L AND " + y + " % 100L <> 0L) OR " + y
          + " % 400L = 0L, 29L, 28L) WHEN " + m + " IN (4L, 6L, 9L, 11L) THEN 30L ELSE 31L END";
      return "CASE WHEN " + y + " BETWEEN 1L AND 9999L AND " + m + " BETWEEN 1L AND 12L AND " + d + " >= 1L AND " + d
          + " <= " + daysInMonth + " THEN make_date(CAST(" + y + " AS INT), CAST(" + m + " AS INT), CAST(" + d
          + " AS INT)) END";
    });
  }
}
