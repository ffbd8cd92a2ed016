package io.synthgen.engine;

import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a chunk in vectors and joins them into the chunk's batch. A chunk is a row group of the output (131,072
 * rows by default); evaluating all its columns at once keeps every intermediate column a chunk long, 1 MB per
 * double column, out of the core's cache, and makes each generator's loop run long enough to be compiled on the
 * stack first. Vectors of a few thousand rows keep a vector's columns in cache while the next column reads them.
 *
 * <p>Every value is a function of its row alone, so a vector holds exactly the values the chunk's rows would get;
 * the joined batch has the layout a whole-chunk evaluation gives (a string column stays dictionary-coded when every
 * vector is coded into the same dictionary), so the writer sees the same batch and writes the same bytes. When the
 * vectors disagree on a column's layout (a column dictionary-coded in one vector and plain in another, or coded into
 * different dictionaries), {@link #join} answers null and the caller evaluates the chunk whole.
 */
final class VectorChunks {

  /** The rows [offset, offset + count) of the chunk as a batch. */
  @FunctionalInterface
  interface Rows {
    Batch at(int offset, int count);
  }

  private VectorChunks() {
  }

  /**
   * The chunk's {@code n} rows evaluated in vectors of at most {@code vectorRows} rows, joined; when the vectors'
   * layouts disagree, the chunk evaluated whole.
   */
  static Batch evaluate(int n, int vectorRows, Rows rows) {
    if (vectorRows >= n) {
      return rows.at(0, n);
    }
    List<Batch> parts = new ArrayList<>((n + vectorRows - 1) / vectorRows);
    for (int off = 0; off < n; off += vectorRows) {
      parts.add(rows.at(off, Math.min(vectorRows, n - off)));
    }
    Batch joined = join(parts, n);
    return joined != null ? joined : rows.at(0, n);
  }

  /** The parts, each as many rows as asked for, joined in order; null when a column's layouts disagree. */
  static Batch join(List<Batch> parts, int n) {
    Batch head = parts.get(0);
    long[] rows = new long[n];
    int at = 0;
    for (Batch p : parts) {
      System.arraycopy(p.rows(), 0, rows, at, p.size());
      at += p.size();
    }
    if (at != n) {
      return null;
    }
    int columns = head.vectors().size();
    List<Vec> out = new ArrayList<>(columns);
    Vec[] column = new Vec[parts.size()];
    for (int c = 0; c < columns; c++) {
      for (int k = 0; k < column.length; k++) {
        column[k] = parts.get(k).vectors().get(c);
      }
      Vec v = join(column, n);
      if (v == null) {
        return null;
      }
      out.add(v);
    }
    return new Batch(rows, n, head.names(), out);
  }

  private static Vec join(Vec[] parts, int n) {
    Vec head = parts[0];
    Vec v;
    if (head instanceof LongVec l) {
      long[] a = new long[n];
      int at = 0;
      for (Vec p : parts) {
        if (!(p instanceof LongVec q) || !q.type().equals(l.type())) {
          return null;
        }
        System.arraycopy(q.values, 0, a, at, q.size());
        at += q.size();
      }
      v = new LongVec(l.type(), a, n);
    } else if (head instanceof DoubleVec) {
      double[] a = new double[n];
      int at = 0;
      for (Vec p : parts) {
        if (!(p instanceof DoubleVec q)) {
          return null;
        }
        System.arraycopy(q.values, 0, a, at, q.size());
        at += q.size();
      }
      v = new DoubleVec(a, n);
    } else if (head instanceof BoolVec) {
      boolean[] a = new boolean[n];
      int at = 0;
      for (Vec p : parts) {
        if (!(p instanceof BoolVec q)) {
          return null;
        }
        System.arraycopy(q.values, 0, a, at, q.size());
        at += q.size();
      }
      v = new BoolVec(a, n);
    } else {
      v = strings(parts, n);
      if (v == null) {
        return null;
      }
    }
    v.setNulls(nulls(parts, n));
    return v;
  }

  /**
   * Codes into one dictionary when every part is coded into it, plain strings when every part is plain, UTF-8 bytes
   * when every part is UTF-8; null for any other mix.
   */
  private static StrVec strings(Vec[] parts, int n) {
    StrVec head = (StrVec) parts[0];
    for (Vec p : parts) {
      if (!(p instanceof StrVec s) || s.isDictionary() != head.isDictionary() || s.isUtf8() != head.isUtf8()
          || (head.isDictionary() && s.dict != head.dict)) {
        return null;
      }
    }
    int at = 0;
    if (head.isDictionary()) {
      int[] codes = new int[n];
      for (Vec p : parts) {
        StrVec s = (StrVec) p;
        System.arraycopy(s.codes, 0, codes, at, s.size());
        at += s.size();
      }
      return StrVec.dictionary(head.dict, codes, n);
    }
    if (!head.isUtf8()) {
      String[] values = new String[n];
      for (Vec p : parts) {
        StrVec s = (StrVec) p;
        System.arraycopy(s.plain, 0, values, at, s.size());
        at += s.size();
      }
      return StrVec.plain(values, n);
    }
    long total = 0;
    for (Vec p : parts) {
      StrVec s = (StrVec) p;
      total += s.offsets[s.size()] - s.offsets[0];
    }
    if (total > Integer.MAX_VALUE - 16) {
      return null;
    }
    byte[] bytes = new byte[(int) total];
    int[] offsets = new int[n + 1];
    int row = 0;
    for (Vec p : parts) {
      StrVec s = (StrVec) p;
      int base = s.offsets[0];
      int len = s.offsets[s.size()] - base;
      System.arraycopy(s.utf8, base, bytes, at, len);
      for (int i = 0; i < s.size(); i++) {
        offsets[row++] = at + s.offsets[i] - base;
      }
      at += len;
    }
    offsets[n] = at;
    return StrVec.utf8(bytes, offsets, n);
  }

  /** The parts' null masks joined, or null when no part has one. */
  private static boolean[] nulls(Vec[] parts, int n) {
    boolean any = false;
    for (Vec p : parts) {
      any |= p.nulls() != null;
    }
    if (!any) {
      return null;
    }
    boolean[] mask = new boolean[n];
    int at = 0;
    for (Vec p : parts) {
      if (p.nulls() != null) {
        System.arraycopy(p.nulls(), 0, mask, at, p.size());
      }
      at += p.size();
    }
    return mask;
  }
}
