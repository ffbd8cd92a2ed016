package io.synthgen.compare;

import io.synthgen.plan.DataType;
import io.synthgen.random.XxHash64;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One value of a row in a canonical form that source and synthetic data share whatever their file formats and
 * declared types: integral numbers (from integers, decimals without fraction or whole doubles) are {@link
 * Kind#INTEGER}, other numbers {@link Kind#REAL}; so {@code 12.50} in a decimal column equals {@code 12.5} in a double
 * column or in CSV text. Mutable and reused across rows by the readers; {@link #copy} snapshots it.
 */
final class Cell {

  enum Kind { NULL, INTEGER, REAL, STRING, BOOLEAN, DATE, TIMESTAMP }

  private static final java.util.regex.Pattern ZONE =
      java.util.regex.Pattern.compile("(?<=T\\d\\d:\\d\\d(:\\d\\d(\\.\\d{1,9})?)?)(?<zone>Z|[+-]\\d\\d(:?\\d\\d)?)$");
  private static final double TWO_53 = 9_007_199_254_740_992d;
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  Kind kind = Kind.NULL;
  /** INTEGER value, BOOLEAN as 0/1, DATE as epoch day, TIMESTAMP as epoch microseconds, REAL as its bits. */
  long bits;
  String text;

  void setNull() {
    kind = Kind.NULL;
    text = null;
  }

  void setLong(long v) {
    set(Kind.INTEGER, v);
  }

  /** A value held in {@link #bits}. */
  private void set(Kind k, long v) {
    kind = k;
    bits = v;
    text = null;
  }

  void setDouble(double v) {
    if (v == Math.rint(v) && Math.abs(v) < TWO_53) {
      setLong((long) v);
      return;
    }
    // one NaN and one zero, so that equal numbers have equal bits
    set(Kind.REAL, Double.isNaN(v) ? Double.doubleToLongBits(Double.NaN) : Double.doubleToLongBits(v == 0 ? 0d : v));
  }

  void setDecimal(long unscaled, int scale) {
    if (scale == 0) {
      setLong(unscaled);
    } else if (unscaled % POW10[scale] == 0) {
      setLong(unscaled / POW10[scale]);
    } else {
      setDouble(BigDecimal.valueOf(unscaled, scale).doubleValue());
    }
  }

  void setString(String v) {
    kind = Kind.STRING;
    text = v;
  }

  void setBoolean(boolean v) {
    set(Kind.BOOLEAN, v ? 1 : 0);
  }

  void setDate(long epochDay) {
    set(Kind.DATE, epochDay);
  }

  void setTimestamp(long epochMicros) {
    set(Kind.TIMESTAMP, epochMicros);
  }

  /**
   * Sets the cell from text (a CSV field, a JSON string, a string column of a source) read as {@code hint}, the
   * synthetic column's type; text that does not parse as that type stays a string (and so equals no number).
   */
  void setText(String s, DataType hint) {
    String t = s.trim();
    if ((hint.kind() == DataType.Kind.DATE || hint.kind() == DataType.Kind.TIMESTAMP) && t.length() >= 10
        && t.charAt(2) == '/' && t.charAt(5) == '/') {
      // a US date (month/day/year), as the profiler reads it
      t = t.substring(6, 10) + "-" + t.substring(0, 2) + "-" + t.substring(3, 5) + t.substring(10);
    }
    try {
      switch (hint.kind()) {
        case BIGINT, INT, DOUBLE, DECIMAL -> {
          if (!t.isEmpty() && (Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."))) {
            BigDecimal d = new BigDecimal(t);
            if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(TWO_53)) < 0) {
              setLong(d.longValue());
            } else {
              setDouble(d.doubleValue());
            }
            return;
          }
        }
        case DATE -> {
          if (t.length() == 10) {
            setDate(LocalDate.parse(t).toEpochDay());
            return;
          }
          LocalDateTime ts = LocalDateTime.parse(t.replace(' ', 'T'));
          if (ts.toLocalTime().toNanoOfDay() == 0) {
            setDate(ts.toLocalDate().toEpochDay());
            return;
          }
        }
        case TIMESTAMP -> {
          setTimestamp(epochMicros(t));
          return;
        }
        case BOOLEAN -> {
          String b = t.toLowerCase(Locale.ROOT);
          if (b.equals("true") || b.equals("false")) {
            setBoolean(b.equals("true"));
            return;
          }
        }
        case STRING -> {
        }
      }
    } catch (RuntimeException e) {
      // not a value of the hinted type: compared as the text it is
    }
    setString(s);
  }

  /** Epoch microseconds of an ISO timestamp, with a space or T, and with or without a zone suffix. */
  private static long epochMicros(String t) {
    String local = t.replace(' ', 'T');
    long offset = 0;
    java.util.regex.Matcher m = ZONE.matcher(local);
    if (m.find()) {
      offset = ZoneOffset.of(m.group("zone")).getTotalSeconds();
      local = local.substring(0, m.start());
    }
    LocalDateTime ts = local.length() == 10 ? LocalDate.parse(local).atStartOfDay() : LocalDateTime.parse(local);
    return (ts.toEpochSecond(ZoneOffset.UTC) - offset) * 1_000_000L + ts.getNano() / 1000;
  }

  boolean isNull() {
    return kind == Kind.NULL;
  }

  /**
   * The cell as a number for distances: numbers as they are, dates and timestamps in seconds since the epoch,
   * booleans as 0/1; NaN for null and strings.
   */
  double number() {
    return switch (kind) {
      case INTEGER, BOOLEAN -> bits;
      case REAL -> Double.longBitsToDouble(bits);
      case DATE -> bits * 86_400d;
      case TIMESTAMP -> bits / 1e6;
      case NULL, STRING -> Double.NaN;
    };
  }

  /** The cell as a category label (null for null). */
  String label() {
    return switch (kind) {
      case NULL -> null;
      case STRING -> text;
      case INTEGER -> Long.toString(bits);
      case REAL -> Double.toString(Double.longBitsToDouble(bits));
      case BOOLEAN -> bits == 1 ? "true" : "false";
      case DATE -> LocalDate.ofEpochDay(bits).toString();
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(Math.floorDiv(bits, 1_000_000L),
          (int) Math.floorMod(bits, 1_000_000L) * 1000, ZoneOffset.UTC).toString();
    };
  }

  /** A 64-bit hash of the canonical value: equal cells hash equal whatever they were read from. */
  long hash(long seed) {
    long h = XxHash64.hashInt(kind.ordinal(), seed);
    return switch (kind) {
      case NULL -> h;
      case STRING -> XxHash64.hashString(text, h);
      case INTEGER, REAL, BOOLEAN, DATE, TIMESTAMP -> XxHash64.hashLong(bits, h);
    };
  }

  boolean sameAs(Cell o) {
    return kind == o.kind && (kind == Kind.STRING ? text.equals(o.text) : kind == Kind.NULL || bits == o.bits);
  }

  Cell copy() {
    Cell c = new Cell();
    c.kind = kind;
    c.bits = bits;
    c.text = text;
    return c;
  }
}
