package io.synthgen.column;

import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;

/**
 * The distinct rows among a batch's rows of another table, and where each batch row finds its own. Children point to
 * few parents (the rows of a per-parent table are grouped by parent, a lookup often hits the same row again), so a
 * parent column is evaluated once per distinct row and {@link #gather gathered} back: a cell depends on its row
 * alone, never on which other rows share the batch, so the values are the ones a per-row evaluation gives.
 */
public final class DistinctRows {

  private final long[] rows;
  private final int count;
  /** Batch row i reads distinct row {@code index[i]}; null when the rows are all distinct and kept as they are. */
  private final int[] index;
  private final int size;

  private DistinctRows(long[] rows, int count, int[] index, int size) {
    this.rows = rows;
    this.count = count;
    this.index = index;
    this.size = size;
  }

  /**
   * The distinct rows of {@code rows[0, n)} when they are in ascending order, as a per-parent table's rows are; else
   * the rows as they are (sorting unordered rows, such as random foreign keys into a large table, cost more than the
   * cheap parent columns they usually read: measured on retail's line items).
   */
  public static DistinctRows of(long[] rows, int n) {
    boolean ordered = true;
    int distinct = n == 0 ? 0 : 1;
    for (int i = 1; i < n; i++) {
      if (rows[i] < rows[i - 1]) {
        ordered = false;
        break;
      }
      if (rows[i] != rows[i - 1]) {
        distinct++;
      }
    }
    if (ordered && distinct < n) {
      return ordered(rows, n, distinct);
    }
    return new DistinctRows(rows, n, null, n);
  }

  private static DistinctRows ordered(long[] rows, int n, int distinct) {
    long[] out = new long[distinct];
    int[] index = new int[n];
    int m = -1;
    for (int i = 0; i < n; i++) {
      if (m < 0 || rows[i] != out[m]) {
        out[++m] = rows[i];
      }
      index[i] = m;
    }
    return new DistinctRows(out, distinct, index, n);
  }

  /** The rows to evaluate: the distinct rows ascending, or the batch's rows as they are; the first {@link #count()}. */
  public long[] rows() {
    return rows;
  }

  public int count() {
    return count;
  }

  /**
   * A new vector of the batch's rows from {@code v}, a vector over {@link #rows()}: its own values and nulls, so a
   * caller may change it without touching {@code v}.
   */
  public Vec gather(Vec v) {
    int n = size;
    Vec out;
    if (v instanceof LongVec l) {
      long[] o = new long[n];
      for (int i = 0; i < n; i++) {
        o[i] = l.values[at(i)];
      }
      out = new LongVec(l.type(), o, n);
    } else if (v instanceof DoubleVec d) {
      double[] o = new double[n];
      for (int i = 0; i < n; i++) {
        o[i] = d.values[at(i)];
      }
      out = new DoubleVec(o, n);
    } else if (v instanceof BoolVec b) {
      boolean[] o = new boolean[n];
      for (int i = 0; i < n; i++) {
        o[i] = b.values[at(i)];
      }
      out = new BoolVec(o, n);
    } else {
      out = gather((StrVec) v);
    }
    boolean[] nulls = v.nulls();
    if (nulls != null) {
      boolean[] o = new boolean[n];
      for (int i = 0; i < n; i++) {
        o[i] = nulls[at(i)];
      }
      out.setNulls(o);
    }
    return out;
  }

  private int at(int i) {
    return index == null ? i : index[i];
  }

  private StrVec gather(StrVec s) {
    int n = size;
    if (s.isDictionary()) {
      int[] o = new int[n];
      for (int i = 0; i < n; i++) {
        o[i] = s.codes[at(i)];
      }
      return StrVec.dictionary(s.dict, o, n);
    }
    StrVec p = s.isUtf8() ? s.withStrings() : s;
    String[] o = new String[n];
    for (int i = 0; i < n; i++) {
      o[i] = p.plain[at(i)];
    }
    return StrVec.plain(o, n);
  }
}
