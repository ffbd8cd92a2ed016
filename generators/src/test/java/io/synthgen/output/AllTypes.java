package io.synthgen.output;

import io.synthgen.plan.DataType;
import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A table with every type, nulls, awkward strings, negative decimals, pre-1970 dates; each value a function of row. */
public final class AllTypes {

  public static final StrDict DICT = new StrDict(
      List.of("alpha", "béta ünïcode", "with,comma", "with \"quote\"", "multi\nline", "", "tab\there"));

  public static final List<OutputColumn> COLUMNS = List.of(
      new OutputColumn("id", DataType.BIGINT, false, -1, "row id"),
      new OutputColumn("i", DataType.INT, true, -1, null),
      new OutputColumn("small", DataType.BIGINT, false, 40, "few distinct"),
      new OutputColumn("d", DataType.DOUBLE, true, -1, null),
      new OutputColumn("dec", DataType.decimal(10, 2), true, -1, "money, may be negative"),
      new OutputColumn("dec_small", DataType.decimal(5, 3), false, -1, null),
      new OutputColumn("s_dict", DataType.STRING, true, 7, null),
      new OutputColumn("s_plain", DataType.STRING, true, -1, "quote \" and ü in a comment"),
      new OutputColumn("flag", DataType.BOOLEAN, true, -1, null),
      new OutputColumn("day", DataType.DATE, false, -1, null),
      new OutputColumn("ts", DataType.TIMESTAMP, true, -1, null));

  public static final List<String> DUCKDB_TYPES = List.of("BIGINT", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL(10,2)",
      "DECIMAL(5,3)", "VARCHAR", "VARCHAR", "BOOLEAN", "DATE", "TIMESTAMP");

  private static final String[] SUFFIX = {"", ",comma", "\"q\"", "line\nbreak", "ü€😀"};

  private AllTypes() {
  }

  /** The value of column c at a row, as {@link Vec#get} returns it, or null. */
  public static Object value(int c, long row) {
    switch (c) {
      case 0:
        return row;
      case 1:
        return row % 7 == 3 ? null : (Object) (row * 31 - 1000);
      case 2:
        return 500 + row % 40;
      case 3:
        return row % 11 == 5 ? null : (Object) (row * 0.25 - 3.5);
      case 4:
        return row % 13 == 1 ? null : BigDecimal.valueOf(row * 37 % 20001 - 10000, 2);
      case 5:
        return BigDecimal.valueOf(row % 199_999 - 99_999, 3);
      case 6:
        return row % 17 == 2 ? null : DICT.get((int) (row % DICT.size()));
      case 7:
        return row % 19 == 4 ? null : "row-" + row + SUFFIX[(int) (row % SUFFIX.length)];
      case 8:
        return row % 23 == 6 ? null : (Object) (row % 3 == 0);
      case 9:
        return LocalDate.ofEpochDay(-1000 + row % 30_000);
      case 10:
        return row % 29 == 7 ? null : micros(-34_560_000_000_000L + row * 1_234_567_891L);
      default:
        throw new IllegalArgumentException("no column " + c);
    }
  }

  private static LocalDateTime micros(long v) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(v, 1_000_000L), (int) Math.floorMod(v, 1_000_000L) * 1000,
        ZoneOffset.UTC);
  }

  /** The value as DuckDB prints it with {@link #duckSelect}. */
  public static String text(int c, long row) {
    Object v = value(c, row);
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof LocalDateTime t) {
      return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
    }
    return v.toString();
  }

  /** A select list that renders every column as text DuckDB and {@link #text} agree on. */
  public static String duckSelect() {
    List<String> out = new ArrayList<>();
    for (OutputColumn col : COLUMNS) {
      String q = '"' + col.name() + '"';
      out.add(col.type().kind() == DataType.Kind.TIMESTAMP ? "strftime(" + q + ", '%Y-%m-%d %H:%M:%S.%f')"
          : "CAST(" + q + " AS VARCHAR)");
    }
    return String.join(", ", out);
  }

  /** Rows {@code [first, first + n)}. */
  public static Batch batch(long first, int n) {
    long[] rows = new long[n];
    for (int k = 0; k < n; k++) {
      rows[k] = first + k;
    }
    List<Vec> vecs = new ArrayList<>();
    for (int c = 0; c < COLUMNS.size(); c++) {
      DataType t = COLUMNS.get(c).type();
      Vec v;
      if (t.isLongBacked()) {
        long[] a = new long[n];
        v = new LongVec(t, a, n);
        for (int k = 0; k < n; k++) {
          Object x = value(c, first + k);
          a[k] = x == null ? 0 : toLong(x);
        }
      } else if (t.kind() == DataType.Kind.DOUBLE) {
        double[] a = new double[n];
        v = new DoubleVec(a, n);
        for (int k = 0; k < n; k++) {
          Object x = value(c, first + k);
          a[k] = x == null ? 0 : (Double) x;
        }
      } else if (t.kind() == DataType.Kind.BOOLEAN) {
        boolean[] a = new boolean[n];
        v = new BoolVec(a, n);
        for (int k = 0; k < n; k++) {
          Object x = value(c, first + k);
          a[k] = x != null && (Boolean) x;
        }
      } else if (c == 6) {
        int[] codes = new int[n];
        for (int k = 0; k < n; k++) {
          codes[k] = (int) ((first + k) % DICT.size());
        }
        v = StrVec.dictionary(DICT, codes, n);
      } else {
        String[] a = new String[n];
        for (int k = 0; k < n; k++) {
          a[k] = (String) value(c, first + k);
        }
        v = StrVec.plain(a, n);
      }
      for (int k = 0; k < n; k++) {
        if (value(c, first + k) == null) {
          v.setNull(k);
        }
      }
      vecs.add(v);
    }
    return new Batch(rows, n, COLUMNS.stream().map(OutputColumn::name).toList(), vecs);
  }

  private static long toLong(Object x) {
    if (x instanceof BigDecimal b) {
      return b.unscaledValue().longValueExact();
    }
    if (x instanceof LocalDate d) {
      return d.toEpochDay();
    }
    if (x instanceof LocalDateTime t) {
      return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }
    return (Long) x;
  }
}
