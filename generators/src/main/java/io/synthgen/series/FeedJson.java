package io.synthgen.series;

import io.synthgen.output.OutputColumn;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Utf8Builder;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Objects are written as UTF-8 straight into a {@link Utf8Builder} (one buffer per chunk): each field's
 * {@code "name":} prefix is encoded once ({@link #prefixes}), string values are copied from their UTF-8 bytes
 * with only {@code "}, {@code \} and control bytes escaped. The bytes are those of the JSON text encoded as UTF-8.
 */
final class FeedJson {

  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private FeedJson() {
  }

  /** The UTF-8 prefix of each field of an object of {@code names}: {@code {"a":}, then {@code ,"b":}, .... */
  static byte[][] prefixes(List<String> names) {
    byte[][] out = new byte[names.size()][];
    for (int c = 0; c < out.length; c++) {
      Utf8Builder b = new Utf8Builder(1, 16);
      b.append(c == 0 ? '{' : ',');
      string(b, names.get(c).getBytes(StandardCharsets.UTF_8));
      b.append(':');
      out[c] = b.pendingString().getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  /** The prefixes of the fields of {@code columns}. */
  static byte[][] prefixes(Iterable<OutputColumn> columns) {
    List<String> names = new java.util.ArrayList<>();
    columns.forEach(c -> names.add(c.name()));
    return prefixes(names);
  }

  /** Appends the object of element i of {@code vectors} (fields {@code prefixes}, same order); does not end the row. */
  static void row(Utf8Builder out, byte[][] prefixes, List<Vec> vectors, int i) {
    if (prefixes.length == 0) {
      out.append('{');
    }
    for (int c = 0; c < prefixes.length; c++) {
      out.append(prefixes[c]);
      value(out, vectors.get(c), i);
    }
    out.append('}');
  }

  /** The object of element i of {@code vectors} (in {@code columns} order). */
  static String row(List<OutputColumn> columns, List<Vec> vectors, int i) {
    Utf8Builder b = new Utf8Builder(1, 32 * Math.max(1, columns.size()));
    row(b, prefixes(columns), vectors, i);
    return b.pendingString();
  }

  /** The one-field object of the primary key. */
  static String key(String name, Vec v, int i) {
    Utf8Builder b = new Utf8Builder(1, 24);
    row(b, prefixes(List.of(name)), List.of(v), i);
    return b.pendingString();
  }

  static void value(Utf8Builder b, Vec v, int i) {
    if (v.isNull(i)) {
      b.append(NULL);
      return;
    }
    if (v instanceof LongVec l) {
      long x = l.values[i];
      switch (l.type().kind()) {
        case BIGINT, INT -> b.append(x);
        case DECIMAL -> b.append('"').append(BigDecimal.valueOf(x, l.type().scale()).toPlainString()).append('"');
        case DATE -> date(b, x);
        case TIMESTAMP -> timestamp(b, x);
        default -> throw new IllegalStateException("a long vector of type " + l.type());
      }
    } else if (v instanceof DoubleVec d) {
      double x = d.values[i];
      if (Double.isFinite(x)) {
        b.append(Double.toString(x));
      } else {
        b.append('"').append(Double.toString(x)).append('"');
      }
    } else if (v instanceof BoolVec bv) {
      b.append(bv.values[i] ? TRUE : FALSE);
    } else if (v instanceof StrVec s) {
      if (s.isDictionary()) {
        string(b, s.dict.utf8(s.codes[i]));
      } else if (s.isUtf8()) {
        string(b, s.utf8, s.offsets[i], s.offsets[i + 1] - s.offsets[i]);
      } else {
        string(b, s.plain[i].getBytes(StandardCharsets.UTF_8));
      }
    } else {
      throw new IllegalStateException("unknown vector " + v.getClass().getName());
    }
  }

  /** {@code "yyyy-MM-dd"} of days since 1970-01-01, as {@link LocalDate#toString}. */
  private static void date(Utf8Builder b, long day) {
    LocalDate date = LocalDate.ofEpochDay(day);
    int year = date.getYear();
    b.append('"');
    if (year < 0 || year > 9999) {
      b.append(date.toString());
    } else {
      pad(b, year, 4).append('-');
      pad(b, date.getMonthValue(), 2).append('-');
      pad(b, date.getDayOfMonth(), 2);
    }
    b.append('"');
  }

  /** {@code "yyyy-MM-ddTHH:mm:ss.SSSSSS"} of microseconds since 1970-01-01T00:00 (no time zone). */
  static void timestamp(StringBuilder b, long micros) {
    Utf8Builder u = new Utf8Builder(1, 32);
    timestamp(u, micros);
    b.append(u.pendingString());
  }

  static void timestamp(Utf8Builder b, long micros) {
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

  private static Utf8Builder pad(Utf8Builder b, long v, int width) {
    for (long p = 10, w = 1; w < width; p *= 10, w++) {
      if (v < p) {
        b.append('0');
      }
    }
    return b.append(v);
  }

  private static void string(Utf8Builder b, byte[] s) {
    string(b, s, 0, s.length);
  }

  /**
   * A JSON string of UTF-8 bytes: {@code "} and {@code \} escaped, control bytes as {@code \n}, {@code \r},
   * {@code \t}, {@code \b}, {@code \f} or a six-character unicode escape; every other byte (multi-byte characters
   * included) copied, in runs.
   */
  private static void string(Utf8Builder b, byte[] s, int off, int n) {
    b.append('"');
    int run = off;
    int end = off + n;
    for (int k = off; k < end; k++) {
      int c = s[k];
      if (c >= 0x20 && c != '"' && c != '\\' || c < 0) {
        continue;
      }
      b.append(s, run, k - run);
      run = k + 1;
      switch (c) {
        case '"' -> b.append('\\').append('"');
        case '\\' -> b.append('\\').append('\\');
        case '\n' -> b.append('\\').append('n');
        case '\r' -> b.append('\\').append('r');
        case '\t' -> b.append('\\').append('t');
        case '\b' -> b.append('\\').append('b');
        case '\f' -> b.append('\\').append('f');
        default -> b.append('\\').append('u').append('0').append('0').append((char) HEX[c >> 4])
            .append((char) HEX[c & 0xf]);
      }
    }
    b.append(s, run, end - run);
    b.append('"');
  }
}
