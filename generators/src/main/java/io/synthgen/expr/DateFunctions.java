package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.TypeRange;
import io.synthgen.sql.SqlText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * Date and timestamp functions. Dates are epoch days, timestamps epoch microseconds without a time zone. There is
 * no current_date or now(): "today" is the plan's reference date, {@code reference_date()}, and the batch of an
 * incremental series is {@code batch()}.
 */
final class DateFunctions {

  static final long MICROS_PER_DAY = 86_400_000_000L;
  static final List<String> TRUNC_UNITS = List.of("year", "quarter", "month", "week", "day", "hour", "minute",
      "second");

  private DateFunctions() {
  }

  static List<FunctionDef> defs() {
    return List.of(
        new FunctionDef("reference_date", "reference_date()", 0, 0, false,
            c -> new Const(DataType.DATE, c.translator().scope().referenceDate().toEpochDay())),
        new FunctionDef("batch", "batch()", 0, 0, false, c -> new BatchNumber(c.translator().scope().batches())),
        new FunctionDef("date_add", "date_add(d, days)", 2, 2, false, c -> addDays(c, 1)),
        new FunctionDef("date_sub", "date_sub(d, days)", 2, 2, false, c -> addDays(c, -1)),
        new FunctionDef("datediff", "datediff(end, start)", 2, 2, false, c -> {
          Node end = c.date(0);
          Node start = c.date(1);
          return c.bad() ? Node.failure() : fold(MapNodes.longs2(DataType.INT, end, start, (a, b) -> a - b,
              (a, b) -> "datediff(" + a + ", " + b + ")"));
        }),
        new FunctionDef("add_months", "add_months(d, months)", 2, 2, false, c -> {
          Node d = c.date(0);
          Node m = c.integral(1);
          return c.bad() ? Node.failure() : fold(MapNodes.longs2(DataType.DATE, d, m, DateFunctions::addMonths,
              DateFunctions::addMonthsSql));
        }),
        part("year", d -> LocalDate.ofEpochDay(d).getYear(), "year"),
        part("quarter", d -> LocalDate.ofEpochDay(d).get(IsoFields.QUARTER_OF_YEAR), "quarter"),
        part("month", d -> LocalDate.ofEpochDay(d).getMonthValue(), "month"),
        part("day", d -> LocalDate.ofEpochDay(d).getDayOfMonth(), "dayofmonth"),
        part("dayofmonth", d -> LocalDate.ofEpochDay(d).getDayOfMonth(), "dayofmonth"),
        part("dayofweek", d -> Math.floorMod(d + 4, 7) + 1, "dayofweek"),
        part("dayofyear", d -> LocalDate.ofEpochDay(d).getDayOfYear(), "dayofyear"),
        new FunctionDef("last_day", "last_day(d)", 1, 1, false, c -> {
          Node d = c.date(0);
          return c.bad() ? Node.failure() : fold(MapNodes.longs(DataType.DATE, d, x -> {
            LocalDate l = LocalDate.ofEpochDay(x);
            return date(l.withDayOfMonth(l.lengthOfMonth()).toEpochDay());
          }, x -> "last_day(" + x + ")"));
        }),
        timePart("hour", 3_600_000_000L, 24),
        timePart("minute", 60_000_000L, 60),
        timePart("second", 1_000_000L, 60),
        new FunctionDef("to_date", "to_date(x)", 1, 1, false, c -> {
          Node d = c.date(0);
          return c.bad() ? Node.failure() : d;
        }),
        new FunctionDef("make_date", "make_date(year, month, day)", 3, 3, false, c -> {
          Node y = c.integral(0);
          Node m = c.integral(1);
          Node d = c.integral(2);
          return c.bad() ? Node.failure() : fold(MapNodes.longs3(DataType.DATE, y, m, d, DateFunctions::makeDate,
              CastSql::makeDate));
        }),
        new FunctionDef("date_trunc", "date_trunc(unit, ts)", 2, 2, false, DateFunctions::dateTrunc),
        new FunctionDef("timestamp_add_seconds", "timestamp_add_seconds(ts, seconds)", 2, 2, false,
            DateFunctions::addSeconds));
  }

  private static Node fold(Node n) {
    return Operators.fold(n);
  }

  /** A field of a date; {@code spark} is Spark's function for it, which reads a DATE without a time zone. */
  private static FunctionDef part(String name, LongUnaryOperator f, String spark) {
    return new FunctionDef(name, name + "(d)", 1, 1, false, c -> {
      Node d = c.date(0);
      return c.bad() ? Node.failure() : fold(MapNodes.longs(DataType.INT, d, f, x -> spark + "(" + x + ")"));
    });
  }

  private static FunctionDef timePart(String name, long unit, long modulo) {
    return new FunctionDef(name, name + "(ts)", 1, 1, false, c -> {
      Node t = c.timestamp(0);
      return c.bad() ? Node.failure()
          : fold(MapNodes.longs(DataType.INT, t, x -> Math.floorMod(x, MICROS_PER_DAY) / unit % modulo,
              x -> "CAST(pmod(" + SqlOps.micros(x) + ", " + SqlText.lit(MICROS_PER_DAY) + ") DIV " + SqlText.lit(unit)
                  + " % " + SqlText.lit(modulo) + " AS INT)"));
    });
  }

  private static Node addDays(Call c, int sign) {
    Node d = c.date(0);
    Node n = c.integral(1);
    return c.bad() ? Node.failure() : fold(MapNodes.longs2(DataType.DATE, d, n, (x, y) -> {
      long r = x + sign * y;
      return ((x ^ r) & ((sign * y) ^ r)) < 0 ? DecimalMath.OVERFLOW : date(r);
    }, (x, y) -> SqlOps.dateOfDays((sign > 0 ? "try_add(" : "try_subtract(") + SqlOps.days(x) + ", " + y + ")")));
  }

  /** True for an epoch day within years 1 to 9999, the only dates a function may produce. */
  static boolean inDateRange(long day) {
    return day >= TypeRange.MIN_DATE && day <= TypeRange.MAX_DATE;
  }

  /** {@code day}, or OVERFLOW (NULL) outside years 1 to 9999. */
  static long date(long day) {
    return inDateRange(day) ? day : DecimalMath.OVERFLOW;
  }

  /** {@code micros}, or OVERFLOW (NULL) outside years 1 to 9999. */
  static long timestamp(long micros) {
    return micros >= TypeRange.MIN_TIMESTAMP && micros <= TypeRange.MAX_TIMESTAMP ? micros : DecimalMath.OVERFLOW;
  }

  private static long addMonths(long day, long months) {
    try {
      return date(LocalDate.ofEpochDay(day).plusMonths(months).toEpochDay());
    } catch (DateTimeException e) {
      return DecimalMath.OVERFLOW;
    }
  }

  /** The date, or NULL when it is not a calendar date or its year is outside 1 to 9999. */
  private static long makeDate(long y, long m, long d) {
    if (y < 1 || y > 9999) {
      return DecimalMath.OVERFLOW;
    }
    try {
      return LocalDate.of((int) y, Math.toIntExact(m), Math.toIntExact(d)).toEpochDay();
    } catch (DateTimeException | ArithmeticException e) {
      return DecimalMath.OVERFLOW;
    }
  }

  private static Node dateTrunc(Call c) {
    String unit = c.constantString(0).toLowerCase(Locale.ROOT);
    Node ts = c.timestamp(1);
    if (c.bad()) {
      return Node.failure();
    }
    if (!TRUNC_UNITS.contains(unit)) {
      return c.problem("unknown unit '" + unit + "'; units are: " + String.join(", ", TRUNC_UNITS));
    }
    long unitMicros = timeUnitMicros(unit);
    java.util.function.LongUnaryOperator f = unitMicros > 0
        ? x -> timestamp(Math.floorDiv(x, unitMicros) * unitMicros)
        : x -> timestamp(truncate(unit, x));
    return fold(MapNodes.longs(DataType.TIMESTAMP, ts, f, x -> truncateSql(unit, x)));
  }

  /** The length of a time unit (day, hour, minute, second) in microseconds; 0 for the calendar units. */
  private static long timeUnitMicros(String unit) {
    return switch (unit) {
      case "day" -> MICROS_PER_DAY;
      case "hour" -> 3_600_000_000L;
      case "minute" -> 60_000_000L;
      case "second" -> 1_000_000L;
      default -> 0;
    };
  }

  static long truncate(String unit, long micros) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    LocalDate d = LocalDate.ofEpochDay(day);
    long start = switch (unit) {
      case "year" -> d.withDayOfYear(1).toEpochDay();
      case "quarter" -> d.withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).toEpochDay();
      case "month" -> d.withDayOfMonth(1).toEpochDay();
      case "week" -> d.minus(d.getDayOfWeek().getValue() - 1, ChronoUnit.DAYS).toEpochDay();
      default -> day;
    };
    long unitMicros = unit.equals("day") ? 0 : timeUnitMicros(unit);
    return unitMicros == 0 ? start * MICROS_PER_DAY : Math.floorDiv(micros, unitMicros) * unitMicros;
  }

  private static Node addSeconds(Call c) {
    Node ts = c.timestamp(0);
    Node s = c.numeric(1);
    if (c.bad()) {
      return Node.failure();
    }
    Node micros = s.type != null && s.type.isIntegral()
        ? MapNodes.longs(DataType.BIGINT, CastNode.of(s, DataType.BIGINT), x -> x * 1_000_000L,
            x -> "try_multiply(" + x + ", 1000000L)")
        : MapNodes.doubleToLong(DataType.BIGINT, CastNode.of(s, DataType.DOUBLE),
            x -> Double.isFinite(x) ? Math.round(x * 1e6) : DecimalMath.OVERFLOW, DateFunctions::roundMicrosSql);
    return fold(MapNodes.longs2(DataType.TIMESTAMP, ts, fold(micros), (a, b) -> {
      long r = a + b;
      return ((a ^ r) & (b ^ r)) < 0 ? DecimalMath.OVERFLOW : timestamp(r); // overflow gives NULL, not an exception
    }, (a, b) -> SqlOps.timestampOfMicros("try_add(" + SqlOps.micros(a) + ", " + b + ")")));
  }

  /**
   * {@code Math.round(x * 1e6)} of a DOUBLE of seconds, as BIGINT microseconds: floor plus one from a fraction of
   * one half (exact below 2^52, where every double is a whole number beyond); NULL for NaN, the infinities and
   * magnitudes from 2^62, which no timestamp can absorb (the local sum then leaves years 1 to 9999 and is NULL).
   */
  private static String roundMicrosSql(String seconds) {
    return SqlOps.let("(" + seconds + " * 1000000.0D)", v -> "CASE WHEN abs(" + v + ") < 4.503599627370496E15D THEN "
        + "floor(" + v + ") + IF(" + v + " - CAST(floor(" + v + ") AS DOUBLE) >= 0.5D, 1L, 0L) WHEN abs(" + v
        + ") < 4.611686018427387904E18D THEN CAST(" + v + " AS BIGINT) END");
  }

  /** {@code timestamp(truncate(unit, x))} in SQL: date units through Spark's DATE trunc, time units on microseconds. */
  private static String truncateSql(String unit, String ts) {
    long unitMicros = switch (unit) {
      case "hour" -> 3_600_000_000L;
      case "minute" -> 60_000_000L;
      case "second" -> 1_000_000L;
      case "day" -> MICROS_PER_DAY;
      default -> 0;
    };
    if (unitMicros == 0) {
      String day = SqlOps.dateOfTimestamp(ts);
      return SqlOps.timestampOfDate("trunc(" + day + ", '" + unit.toUpperCase(Locale.ROOT) + "')");
    }
    return "timestamp_micros(" + SqlOps.floorDiv(SqlOps.micros(ts), unitMicros) + " * " + SqlText.lit(unitMicros)
        + ")";
  }

  /**
   * add_months with the local rules: NULL unless the result's year is 1 to 9999 (its month index year * 12 + month
   * - 1 within 12 .. 119999), where Spark's add_months (LocalDate.plusMonths) gives the same date.
   */
  private static String addMonthsSql(String date, String months) {
    return SqlOps.let2(date, months, (d, m) -> "CASE WHEN try_add(CAST(year(" + d + ") AS BIGINT) * 12L + month("
        + d + ") - 1L, " + m + ") BETWEEN 12L AND 119999L THEN add_months(" + d + ", CAST(" + m + " AS INT)) END");
  }
}
