package io.synthgen.output;

import io.synthgen.plan.DataType;
import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills the vectors of one batch cell by cell, for the readers; {@link #setText} parses the text formats' values.
 * {@link #build} hands its arrays to the batch, so use one builder per batch.
 */
public final class BatchBuilder {

  private final List<OutputColumn> columns;
  private final int capacity;
  private final Object[] arrays;
  private final boolean[][] nulls;

  public BatchBuilder(List<OutputColumn> columns, int capacity) {
    this.columns = columns;
    this.capacity = capacity;
    this.arrays = new Object[columns.size()];
    this.nulls = new boolean[columns.size()][];
    for (int c = 0; c < arrays.length; c++) {
      DataType t = columns.get(c).type();
      if (t.isLongBacked()) {
        arrays[c] = new long[capacity];
      } else if (t.kind() == DataType.Kind.DOUBLE) {
        arrays[c] = new double[capacity];
      } else if (t.kind() == DataType.Kind.BOOLEAN) {
        arrays[c] = new boolean[capacity];
      } else {
        arrays[c] = new String[capacity];
      }
    }
  }

  public int capacity() {
    return capacity;
  }

  public void setNull(int c, int row) {
    if (nulls[c] == null) {
      nulls[c] = new boolean[capacity];
    }
    nulls[c][row] = true;
  }

  public void setLong(int c, int row, long v) {
    ((long[]) arrays[c])[row] = v;
  }

  public void setDouble(int c, int row, double v) {
    ((double[]) arrays[c])[row] = v;
  }

  public void setBoolean(int c, int row, boolean v) {
    ((boolean[]) arrays[c])[row] = v;
  }

  public void setString(int c, int row, String v) {
    ((String[]) arrays[c])[row] = v;
  }

  /** Parses a non-null text value as the column's type; throws IllegalArgumentException saying what was expected. */
  public void setText(int c, int row, String s) {
    DataType t = columns.get(c).type();
    try {
      switch (t.kind()) {
        case BIGINT:
        case INT:
          setLong(c, row, Long.parseLong(s));
          return;
        case DECIMAL:
          setLong(c, row, new BigDecimal(s).setScale(t.scale()).unscaledValue().longValueExact());
          return;
        case DATE:
          setLong(c, row, LocalDate.parse(s).toEpochDay());
          return;
        case TIMESTAMP: {
          LocalDateTime ts = LocalDateTime.parse(s.replace(' ', 'T'));
          setLong(c, row, Math.addExact(Math.multiplyExact(ts.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
              ts.getNano() / 1000));
          return;
        }
        case DOUBLE:
          setDouble(c, row, Double.parseDouble(s));
          return;
        case BOOLEAN: {
          String b = s.toLowerCase(Locale.ROOT);
          if (!b.equals("true") && !b.equals("false")) {
            throw new IllegalArgumentException("not true or false");
          }
          setBoolean(c, row, b.equals("true"));
          return;
        }
        case STRING:
          setString(c, row, s);
          return;
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + s + "' is not a valid " + t + " for column " + columns.get(c).name()
          + " (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException("unknown type " + t);
  }

  /** The first {@code n} rows as a batch whose row indices start at {@code firstRow}. */
  public Batch build(long firstRow, int n) {
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      rows[i] = firstRow + i;
    }
    List<String> names = new ArrayList<>(columns.size());
    List<Vec> vecs = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) {
      DataType t = columns.get(c).type();
      Vec v;
      if (t.isLongBacked()) {
        v = new LongVec(t, (long[]) arrays[c], n);
      } else if (t.kind() == DataType.Kind.DOUBLE) {
        v = new DoubleVec((double[]) arrays[c], n);
      } else if (t.kind() == DataType.Kind.BOOLEAN) {
        v = new BoolVec((boolean[]) arrays[c], n);
      } else {
        v = StrVec.plain((String[]) arrays[c], n);
      }
      v.setNulls(nulls[c]);
      names.add(columns.get(c).name());
      vecs.add(v);
    }
    return new Batch(rows, n, names, vecs);
  }
}
