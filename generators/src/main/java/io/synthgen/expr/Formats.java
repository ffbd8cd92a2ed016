package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/** Text forms of values (Spark's CAST to and from string) in the internal representation. */
final class Formats {

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private Formats() {
  }

  /** Element i of a non-null element as Spark's CAST(x AS STRING) spells it. */
  static String format(Vec v, int i) {
    if (v instanceof StrVec s) {
      return s.str(i);
    }
    if (v instanceof BoolVec b) {
      return b.values[i] ? "true" : "false";
    }
    if (v instanceof DoubleVec d) {
      return Double.toString(d.values[i]);
    }
    LongVec l = (LongVec) v;
    long x = l.values[i];
    return switch (l.type().kind()) {
      case DECIMAL -> DecimalMath.toString(x, l.type().scale());
      case DATE -> LocalDate.ofEpochDay(x).toString();
      case TIMESTAMP -> timestamp(x);
      default -> Long.toString(x);
    };
  }

  /** yyyy-MM-dd HH:mm:ss with the fraction of a second when there is one, trailing zeros removed. */
  static String timestamp(long micros) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    long us = Math.floorMod(micros, MICROS_PER_DAY);
    long secs = us / 1_000_000;
    StringBuilder b = new StringBuilder(26).append(LocalDate.ofEpochDay(day)).append(' ');
    two(b, secs / 3600).append(':');
    two(b, secs / 60 % 60).append(':');
    two(b, secs % 60);
    long frac = us % 1_000_000;
    if (frac != 0) {
      String f = String.format(Locale.ROOT, "%06d", frac);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(f, 0, end);
    }
    return b.toString();
  }

  private static StringBuilder two(StringBuilder b, long v) {
    return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  /** A string converted to {@code to}'s internal value (Long, Double, Boolean, String), or null when it does not parse. */
  static Object parse(String text, DataType to) {
    String s = text.trim();
    try {
      switch (to.kind()) {
        case STRING:
          return text;
        case BIGINT:
        case INT: {
          long v;
          try {
            v = Long.parseLong(s);
          } catch (NumberFormatException e) {
            v = new BigDecimal(s).setScale(0, RoundingMode.DOWN).longValueExact();
          }
          return to.kind() == DataType.Kind.INT && v != (int) v ? null : v;
        }
        case DOUBLE:
          return Double.parseDouble(s);
        case DECIMAL: {
          long v = new BigDecimal(s).setScale(to.scale(), RoundingMode.HALF_UP).unscaledValue().longValueExact();
          return DecimalMath.fits(v, to.precision()) ? v : null;
        }
        case BOOLEAN:
          return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "f", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
          };
        case DATE:
          return parseDate(s);
        case TIMESTAMP:
          return parseTimestamp(s);
        default:
          throw new IllegalArgumentException(to.toString());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * yyyy-MM-dd, optionally followed by a time that is ignored; epoch day or null. A date outside years 1 to 9999
   * (ISO text allows year 0000 and signed years such as +10000) is null, like any text that does not parse.
   */
  static Long parseDate(String s) {
    int cut = timeSeparator(s);
    try {
      long day = LocalDate.parse(cut < 0 ? s : s.substring(0, cut)).toEpochDay();
      return DateFunctions.inDateRange(day) ? day : null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** yyyy-MM-dd[( |T)HH:mm[:ss[.ffffff]]]; epoch micros or null, also null outside years 1 to 9999. */
  static Long parseTimestamp(String s) {
    int cut = timeSeparator(s);
    try {
      long day = LocalDate.parse(cut < 0 ? s : s.substring(0, cut)).toEpochDay();
      if (!DateFunctions.inDateRange(day)) {
        return null;
      }
      long time = cut < 0 ? 0 : LocalTime.parse(s.substring(cut + 1).trim()).toNanoOfDay() / 1000;
      return day * MICROS_PER_DAY + time;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int timeSeparator(String s) {
    int sp = s.indexOf(' ');
    return sp >= 0 ? sp : s.indexOf('T');
  }

  /** A vector of {@code type} from internal values (nulls already marked in the mask). */
  static Vec fill(DataType type, Object[] values, boolean[] nulls, int n) {
    switch (type.kind()) {
      case DOUBLE: {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
          a[i] = values[i] == null ? 0 : (Double) values[i];
        }
        return Vecs.doubles(a, nulls, n);
      }
      case BOOLEAN: {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
          a[i] = values[i] != null && (Boolean) values[i];
        }
        return Vecs.bools(a, nulls, n);
      }
      case STRING: {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
          a[i] = (String) values[i];
        }
        return Vecs.plain(a, nulls, n);
      }
      default: {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
          a[i] = values[i] == null ? 0 : (Long) values[i];
        }
        return Vecs.longs(type, a, nulls, n);
      }
    }
  }
}
