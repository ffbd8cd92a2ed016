package io.synthgen.column;

import io.synthgen.plan.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Converts a plan's JSON scalar (String, Number, Boolean) into a column's Java representation: Long for long-backed
 * types (decimals unscaled, dates as epoch days, timestamps as epoch micros), Double, Boolean or String.
 */
public final class ValueConversion {

  private ValueConversion() {
  }

  /** The converted value, or throws IllegalArgumentException with a message saying what is expected. */
  public static Object convert(Object v, DataType t) {
    switch (t.kind()) {
      case STRING:
        if (v instanceof String s) {
          return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
          return String.valueOf(v);
        }
        break;
      case BOOLEAN:
        if (v instanceof Boolean b) {
          return b;
        }
        break;
      case DOUBLE:
        if (v instanceof Number n) {
          return n.doubleValue();
        }
        break;
      case BIGINT:
      case INT:
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          long l = n.longValue();
          if (t.kind() == DataType.Kind.INT && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(l + " does not fit an int column; use bigint");
          }
          return l;
        }
        throw new IllegalArgumentException("expected a whole number for " + t + ", got " + v);
      case DECIMAL:
        if (v instanceof Number n) {
          BigDecimal d = new BigDecimal(n.toString());
          if (d.stripTrailingZeros().scale() > t.scale()) {
            throw new IllegalArgumentException(v + " has more than " + t.scale() + " decimals for " + t);
          }
          BigDecimal unscaled = d.movePointRight(t.scale());
          if (unscaled.abs().compareTo(BigDecimal.TEN.pow(t.precision())) >= 0) {
            throw new IllegalArgumentException(v + " does not fit " + t);
          }
          return unscaled.longValueExact();
        }
        break;
      case DATE:
        if (v instanceof String s) {
          try {
            return LocalDate.parse(s).toEpochDay();
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date like 2024-01-31, got '" + s + "'");
          }
        }
        break;
      case TIMESTAMP:
        if (v instanceof String s) {
          return toMicros(parseTimestamp(s));
        }
        break;
    }
    throw new IllegalArgumentException("expected a " + t + " value, got " + describe(v));
  }

  /** Parses {@code 2024-01-31}, {@code 2024-01-31 13:45:00} or {@code 2024-01-31T13:45:00}. */
  public static LocalDateTime parseTimestamp(String s) {
    String t = s.trim().replace(' ', 'T');
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay();
      }
      return LocalDateTime.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected a timestamp like 2024-01-31 13:45:00, got '" + s + "'");
    }
  }

  public static long toMicros(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
  }

  private static String describe(Object v) {
    return v == null ? "null" : v instanceof String ? "'" + v + "'" : String.valueOf(v);
  }
}
