package io.synthgen.plan.reach;

import io.synthgen.plan.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The values each column type can hold, and whether a reachable {@link Interval} fits them. Dates and timestamps
 * are limited to years 0001 to 9999, the range Parquet readers, Spark and DuckDB all accept; strings to
 * {@link #MAX_STRING_LENGTH} characters.
 */
public final class TypeRange {

  /** The earliest date a column may hold: 0001-01-01 (epoch day). */
  public static final long MIN_DATE = LocalDate.of(1, 1, 1).toEpochDay();
  /** The latest date a column may hold: 9999-12-31 (epoch day). */
  public static final long MAX_DATE = LocalDate.of(9999, 12, 31).toEpochDay();
  /** 0001-01-01 00:00:00 in epoch microseconds. */
  public static final long MIN_TIMESTAMP = MIN_DATE * 86_400_000_000L;
  /** 9999-12-31 23:59:59.999999 in epoch microseconds. */
  public static final long MAX_TIMESTAMP = (MAX_DATE + 1) * 86_400_000_000L - 1;
  /** The longest string a column may hold, in characters. */
  public static final int MAX_STRING_LENGTH = 10_000;

  private static final double TWO_63 = 0x1p63;
  /** The largest double below 10000-01-01 in microseconds ({@link #MAX_TIMESTAMP} rounds up to it as a double). */
  private static final double LAST_TIMESTAMP = Math.nextDown((double) ((MAX_DATE + 1) * 86_400_000_000L));

  private TypeRange() {
  }

  /** Every value of the type, as an interval; the conservative range when a value's range is unknown. */
  public static Interval of(DataType t, String why) {
    Interval r = switch (t.kind()) {
      case INT -> Interval.of(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> Interval.of(-TWO_63, Math.nextDown(TWO_63));
      case DECIMAL -> {
        double m = Math.pow(10, t.precision() - t.scale()) - Math.pow(10, -t.scale());
        yield Interval.of(-m, m);
      }
      case DOUBLE -> Interval.of(-Double.MAX_VALUE, Double.MAX_VALUE);
      case BOOLEAN -> Interval.of(0, 1);
      case DATE -> Interval.of(MIN_DATE, MAX_DATE);
      case TIMESTAMP -> Interval.of(MIN_TIMESTAMP, LAST_TIMESTAMP);
      case STRING -> Interval.text(MAX_STRING_LENGTH);
    };
    return r.assumed(why);
  }

  /** True when every value of {@code r}, converted to {@code t} (rounded to its scale), is a value of {@code t}. */
  public static boolean fits(Interval r, DataType t) {
    if (r.isEmpty()) {
      return true;
    }
    if (t.kind() == DataType.Kind.STRING) {
      return !r.isText() || r.maxLength() <= MAX_STRING_LENGTH;
    }
    if (r.isText()) {
      return true; // text converted to a number or a date is parsed; what does not parse is NULL
    }
    if (!r.isFinite()) {
      return t.kind() == DataType.Kind.BOOLEAN;
    }
    return switch (t.kind()) {
      case INT -> Math.floor(r.lo()) >= Integer.MIN_VALUE && Math.ceil(r.hi()) <= Integer.MAX_VALUE;
      case BIGINT -> Math.floor(r.lo()) >= -TWO_63 && Math.ceil(r.hi()) < TWO_63;
      case DECIMAL -> decimalFits(r.lo(), t) && decimalFits(r.hi(), t);
      case DOUBLE, BOOLEAN -> true;
      case DATE -> r.lo() >= MIN_DATE && r.hi() <= MAX_DATE;
      case TIMESTAMP -> r.lo() >= MIN_TIMESTAMP && r.hi() <= LAST_TIMESTAMP;
      case STRING -> true;
    };
  }

  private static boolean decimalFits(double v, DataType t) {
    BigDecimal rounded = new BigDecimal(v).setScale(t.scale(), RoundingMode.HALF_UP);
    return rounded.unscaledValue().abs().compareTo(BigDecimal.TEN.pow(t.precision()).toBigInteger()) < 0;
  }

  /** The integer digits a value needs (1 for |v| < 10). */
  public static int integerDigits(double v) {
    BigDecimal b = new BigDecimal(Math.abs(v)).setScale(0, RoundingMode.DOWN);
    return b.signum() == 0 ? 1 : b.precision();
  }

  /** The range as the plan would write it: dates and timestamps as ISO text, strings by their longest length. */
  public static String render(Interval r, DataType t) {
    if (r.isEmpty()) {
      return "no values";
    }
    if (r.isText()) {
      return "strings of up to " + r.maxLength() + " characters";
    }
    return "[" + value(r.lo(), t) + ", " + value(r.hi(), t) + "]";
  }

  /** One value as the plan would write it. */
  public static String value(double v, DataType t) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "NaN" : v > 0 ? "+infinity" : "-infinity";
    }
    if (t != null && t.kind() == DataType.Kind.DATE) {
      return v >= -365_000_000_000d && v <= 365_000_000_000d && v >= LocalDate.MIN.toEpochDay()
          && v <= LocalDate.MAX.toEpochDay() ? LocalDate.ofEpochDay((long) Math.floor(v)).toString()
          : "epoch day " + number(v);
    }
    if (t != null && t.kind() == DataType.Kind.TIMESTAMP) {
      double s = Math.floor(v / 1e6);
      if (s >= LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC) && s <= LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC)) {
        return LocalDateTime.ofEpochSecond((long) s, 0, ZoneOffset.UTC).toString().replace('T', ' ');
      }
      return "epoch microsecond " + number(v);
    }
    if (t != null && t.kind() == DataType.Kind.BIGINT && v == Math.nextDown(TWO_63)) {
      return Long.toString(Long.MAX_VALUE);
    }
    return number(v);
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e21) {
      return new BigDecimal(v).toPlainString();
    }
    return new BigDecimal(v).round(new java.math.MathContext(17)).stripTrailingZeros().toPlainString().length() > 24
        ? Double.toString(v) : new BigDecimal(Double.toString(v)).toPlainString();
  }
}
