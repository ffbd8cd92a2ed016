package io.synthgen.plan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's SQL type. Decimals carry precision (1..18, so every value fits an unscaled long) and scale.
 * {@link #toString()} is the SQL spelling used in plans, schemas and DDL: {@code decimal(12,2)}.
 */
public record DataType(Kind kind, int precision, int scale) {

  /** The type kinds a plan may use. */
  public enum Kind { BIGINT, INT, DOUBLE, DECIMAL, STRING, BOOLEAN, DATE, TIMESTAMP }

  public static final DataType BIGINT = new DataType(Kind.BIGINT, 0, 0);
  public static final DataType INT = new DataType(Kind.INT, 0, 0);
  public static final DataType DOUBLE = new DataType(Kind.DOUBLE, 0, 0);
  public static final DataType STRING = new DataType(Kind.STRING, 0, 0);
  public static final DataType BOOLEAN = new DataType(Kind.BOOLEAN, 0, 0);
  public static final DataType DATE = new DataType(Kind.DATE, 0, 0);
  public static final DataType TIMESTAMP = new DataType(Kind.TIMESTAMP, 0, 0);

  /** Largest decimal precision: unscaled values are held in a long. */
  public static final int MAX_DECIMAL_PRECISION = 18;

  private static final Pattern DECIMAL = Pattern.compile("decimal\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

  public DataType {
    if (kind == Kind.DECIMAL) {
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("decimal(" + precision + "," + scale
            + ") is out of range: precision must be 1.." + MAX_DECIMAL_PRECISION + " and scale 0..precision");
      }
    } else if (precision != 0 || scale != 0) {
      throw new IllegalArgumentException(kind + " takes no precision or scale");
    }
  }

  public static DataType decimal(int precision, int scale) {
    return new DataType(Kind.DECIMAL, precision, scale);
  }

  /** Parses the SQL spelling; returns null when the text names no supported type. */
  public static DataType parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "bigint": case "long": return BIGINT;
      case "int": case "integer": return INT;
      case "double": return DOUBLE;
      case "string": return STRING;
      case "boolean": return BOOLEAN;
      case "date": return DATE;
      case "timestamp": return TIMESTAMP;
      default:
        Matcher m = DECIMAL.matcher(t);
        if (m.matches()) {
          int p = Integer.parseInt(m.group(1));
          int s = Integer.parseInt(m.group(2));
          if (p < 1 || p > MAX_DECIMAL_PRECISION || s > p) {
            return null;
          }
          return decimal(p, s);
        }
        return null;
    }
  }

  /** The spellings {@link #parse} accepts, for error messages. */
  public static final String ALLOWED = "bigint, int, double, decimal(p,s) with p <= 18, string, boolean, date, timestamp";

  public boolean isIntegral() {
    return kind == Kind.BIGINT || kind == Kind.INT;
  }

  public boolean isNumeric() {
    return isIntegral() || kind == Kind.DOUBLE || kind == Kind.DECIMAL;
  }

  public boolean isTemporal() {
    return kind == Kind.DATE || kind == Kind.TIMESTAMP;
  }

  /** True when values live in a long vector: integers, decimals (unscaled), dates (epoch day), timestamps (epoch micros). */
  public boolean isLongBacked() {
    return isIntegral() || kind == Kind.DECIMAL || isTemporal();
  }

  @Override
  public String toString() {
    return kind == Kind.DECIMAL
        ? "decimal(" + precision + "," + scale + ")"
        : kind.name().toLowerCase(Locale.ROOT);
  }
}
