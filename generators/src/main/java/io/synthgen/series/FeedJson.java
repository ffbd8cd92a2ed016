package io.synthgen.series;

import io.synthgen.output.OutputColumn;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Rows as the JSON objects of a Debezium-style envelope, with the plan's types: bigint, int and double as JSON
 * numbers (a double that is not finite as the string {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}),
 * decimals as strings of their exact digits ({@code "12.50"}, as Debezium's {@code decimal.handling.mode=string}:
 * no reader turns them into a binary double on the way), booleans as {@code true}/{@code false}, dates as ISO
 * strings ({@code "2024-01-31"}), timestamps as ISO strings with microseconds ({@code "2024-01-31T08:30:00.000000"},
 * no time zone), strings escaped, NULL as {@code null}. Fields in the table's column order.
 */
final class FeedJson {

  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private FeedJson() {
  }

  /** The object of element i of {@code vectors} (in {@code columns} order). */
  static String row(List<OutputColumn> columns, List<Vec> vectors, int i) {
    StringBuilder b = new StringBuilder(32 * columns.size());
    b.append('{');
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) {
        b.append(',');
      }
      string(b, columns.get(c).name());
      b.append(':');
      value(b, vectors.get(c), i);
    }
    return b.append('}').toString();
  }

  /** The one-field object of the primary key. */
  static String key(String name, Vec v, int i) {
    StringBuilder b = new StringBuilder(24);
    b.append('{');
    string(b, name);
    b.append(':');
    value(b, v, i);
    return b.append('}').toString();
  }

  static void value(StringBuilder b, Vec v, int i) {
    if (v.isNull(i)) {
      b.append("null");
      return;
    }
    if (v instanceof LongVec l) {
      switch (l.type().kind()) {
        case BIGINT, INT -> b.append(l.values[i]);
        case DECIMAL -> string(b, BigDecimal.valueOf(l.values[i], l.type().scale()).toPlainString());
        case DATE -> string(b, LocalDate.ofEpochDay(l.values[i]).toString());
        case TIMESTAMP -> timestamp(b, l.values[i]);
        default -> throw new IllegalStateException("a long vector of type " + l.type());
      }
    } else if (v instanceof DoubleVec d) {
      double x = d.values[i];
      if (Double.isFinite(x)) {
        b.append(x);
      } else {
        string(b, Double.toString(x));
      }
    } else if (v instanceof BoolVec bv) {
      b.append(bv.values[i]);
    } else if (v instanceof StrVec s) {
      string(b, s.str(i));
    } else {
      throw new IllegalStateException("unknown vector " + v.getClass().getName());
    }
  }

  /** {@code "yyyy-MM-ddTHH:mm:ss.SSSSSS"} of microseconds since 1970-01-01T00:00 (no time zone). */
  static void timestamp(StringBuilder b, long micros) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    long inDay = micros - day * MICROS_PER_DAY;
    LocalDate date = LocalDate.ofEpochDay(day);
    b.append('"');
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      b.append(MICROS.format(date.atStartOfDay().plusNanos(inDay * 1000)));
    } else {
      pad(b, year, 4).append('-');
      pad(b, date.getMonthValue(), 2).append('-');
      pad(b, date.getDayOfMonth(), 2).append('T');
      long seconds = inDay / 1_000_000;
      pad(b, seconds / 3600, 2).append(':');
      pad(b, seconds / 60 % 60, 2).append(':');
      pad(b, seconds % 60, 2).append('.');
      pad(b, inDay % 1_000_000, 6);
    }
    b.append('"');
  }

  private static StringBuilder pad(StringBuilder b, long v, int width) {
    for (long p = 10, w = 1; w < width; p *= 10, w++) {
      if (v < p) {
        b.append('0');
      }
    }
    return b.append(v);
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
