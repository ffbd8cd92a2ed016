package io.synthgen.series;

import io.synthgen.column.Instants;
import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;

/** Gathers and scatters of vectors: the elements of a feed chunk come from images evaluated in groups. */
final class VersionVecs {

  private VersionVecs() {
  }

  /** Element i of the result is {@code v[index[i]]} (nulls included), for i < n. */
  static Vec gather(Vec v, int[] index, int n) {
    Vec out;
    if (v instanceof LongVec l) {
      long[] a = new long[n];
      for (int i = 0; i < n; i++) {
        a[i] = l.values[index[i]];
      }
      out = new LongVec(l.type(), a, n);
    } else if (v instanceof DoubleVec d) {
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = d.values[index[i]];
      }
      out = new DoubleVec(a, n);
    } else if (v instanceof BoolVec b) {
      boolean[] a = new boolean[n];
      for (int i = 0; i < n; i++) {
        a[i] = b.values[index[i]];
      }
      out = new BoolVec(a, n);
    } else if (v instanceof StrVec s) {
      if (s.isDictionary()) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
          a[i] = s.codes[index[i]];
        }
        out = StrVec.dictionary(s.dict, a, n);
      } else {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
          a[i] = s.str(index[i]);
        }
        out = StrVec.plain(a, n);
      }
    } else {
      throw new IllegalStateException("unknown vector " + v.getClass().getName());
    }
    boolean[] nulls = v.nulls();
    if (nulls != null) {
      boolean[] m = new boolean[n];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        m[i] = nulls[index[i]];
        any |= m[i];
      }
      out.setNulls(any ? m : null);
    }
    return out;
  }

  /** {@code a} for i < n with {@code a[index[i]]}. */
  static long[] gather(long[] a, int[] index, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = a[index[i]];
    }
    return out;
  }

  /**
   * The vector of n elements whose elements {@code indexes.get(p)[i]} are {@code parts.get(p)[i]}; every element
   * is covered by exactly one part. Dictionary parts sharing one dictionary stay dictionary-coded.
   */
  static Vec scatter(DataType type, List<Vec> parts, List<int[]> indexes, int n) {
    Vec out;
    Vec first = parts.get(0);
    if (first instanceof LongVec) {
      long[] a = new long[n];
      for (int p = 0; p < parts.size(); p++) {
        LongVec l = (LongVec) parts.get(p);
        int[] ix = indexes.get(p);
        for (int i = 0; i < ix.length; i++) {
          a[ix[i]] = l.values[i];
        }
      }
      out = new LongVec(first.type(), a, n);
    } else if (first instanceof DoubleVec) {
      double[] a = new double[n];
      for (int p = 0; p < parts.size(); p++) {
        DoubleVec d = (DoubleVec) parts.get(p);
        int[] ix = indexes.get(p);
        for (int i = 0; i < ix.length; i++) {
          a[ix[i]] = d.values[i];
        }
      }
      out = new DoubleVec(a, n);
    } else if (first instanceof BoolVec) {
      boolean[] a = new boolean[n];
      for (int p = 0; p < parts.size(); p++) {
        BoolVec b = (BoolVec) parts.get(p);
        int[] ix = indexes.get(p);
        for (int i = 0; i < ix.length; i++) {
          a[ix[i]] = b.values[i];
        }
      }
      out = new BoolVec(a, n);
    } else {
      out = scatterStrings(parts, indexes, n);
    }
    boolean[] m = null;
    for (int p = 0; p < parts.size(); p++) {
      boolean[] nulls = parts.get(p).nulls();
      if (nulls == null) {
        continue;
      }
      int[] ix = indexes.get(p);
      for (int i = 0; i < ix.length; i++) {
        if (nulls[i]) {
          if (m == null) {
            m = new boolean[n];
          }
          m[ix[i]] = true;
        }
      }
    }
    out.setNulls(m);
    if (!out.type().equals(type) && !(out instanceof StrVec)) {
      throw new IllegalStateException("a part of type " + out.type() + " for a column of type " + type);
    }
    return out;
  }

  private static Vec scatterStrings(List<Vec> parts, List<int[]> indexes, int n) {
    StrVec first = (StrVec) parts.get(0);
    boolean oneDict = first.isDictionary();
    for (Vec p : parts) {
      oneDict &= ((StrVec) p).isDictionary() && ((StrVec) p).dict == first.dict;
    }
    if (oneDict) {
      int[] codes = new int[n];
      for (int p = 0; p < parts.size(); p++) {
        StrVec s = (StrVec) parts.get(p);
        int[] ix = indexes.get(p);
        for (int i = 0; i < ix.length; i++) {
          codes[ix[i]] = s.codes[i];
        }
      }
      return StrVec.dictionary(first.dict, codes, n);
    }
    String[] a = new String[n];
    for (int p = 0; p < parts.size(); p++) {
      StrVec s = (StrVec) parts.get(p);
      int[] ix = indexes.get(p);
      for (int i = 0; i < ix.length; i++) {
        a[ix[i]] = s.isNull(i) ? null : s.str(i);
      }
    }
    return StrVec.plain(a, n);
  }

  /** The aggregate of no children for n rows: count and sum 0, min, max and avg NULL. */
  static Vec noChildren(DataType type, String function, int n) {
    Vec v = type.isLongBacked() ? new LongVec(type, n) : new DoubleVec(n);
    if (!function.equals("count") && !function.equals("sum")) {
      boolean[] all = new boolean[n];
      java.util.Arrays.fill(all, true);
      v.setNulls(n == 0 ? null : all);
    }
    return v;
  }

  /** An advance column moved by each element's batch times the interval: timestamps in µs, dates whole days. */
  static Vec shift(LongVec l, long[] batches, int[] index, long interval) {
    boolean date = l.type().kind() == DataType.Kind.DATE;
    long[] a = new long[l.size()];
    for (int i = 0; i < a.length; i++) {
      long micros = batches[index[i]] * interval;
      a[i] = l.values[i] + (date ? Math.floorDiv(micros, Instants.MICROS_PER_DAY) : micros);
    }
    LongVec out = new LongVec(l.type(), a, l.size());
    out.setNulls(l.nulls() == null ? null : l.nulls().clone());
    return out;
  }

  /** The column's NULLs at the rows of {@code hashes}, as the table draws them. */
  static void applyNulls(Vec v, ResolvedColumn c, long[] hashes) {
    double rate = c.spec().nullRate();
    if (rate <= 0) {
      return;
    }
    Stream s = c.nullStream();
    boolean[] mask = v.nulls();
    if (mask == null) {
      mask = new boolean[v.size()];
    }
    for (int i = 0; i < hashes.length; i++) {
      if (s.uniform(hashes[i]) < rate) {
        mask[i] = true;
      }
    }
    v.setNulls(mask);
  }
}
