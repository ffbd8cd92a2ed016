package io.synthgen.column;

import io.synthgen.plan.DataType;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;

/**
 * count, sum, min, max or avg of a column over this row's children in a table generated per parent. The children
 * are recomputed (they are pure functions of their row), so the parent never waits for the child table. NULL child
 * values are skipped; a row without children has count 0, sum 0 and NULL min/max/avg.
 */
public final class ChildAggregateGen implements ColumnGenerator {

  /** Most child rows evaluated at once. */
  static final int SLICE = 1 << 20;

  private final DataType type;
  private final ChildLayout layout;
  private final String childTable;
  private final String function;
  /** Which of sum, min, max and avg {@link #function} is, decided once rather than per child value. */
  private final boolean sum;
  private final boolean min;
  private final boolean max;
  private final boolean avg;
  private final String column;

  public ChildAggregateGen(DataType type, ChildLayout layout, String childTable, String function, String column) {
    this.type = type;
    this.layout = layout;
    this.childTable = childTable;
    this.function = function;
    this.sum = function.equals("sum");
    this.min = function.equals("min");
    this.max = function.equals("max");
    this.avg = function.equals("avg");
    this.column = column;
  }

  /** The aggregate as the compiler computes it over the child table's own SELECT (docs/spark-sql.md). */
  @Override
  public String sql(io.synthgen.sql.SqlScope scope) {
    return scope.childAggregate(childTable, function, column);
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] rows = ctx.rows();
    long[] first = new long[n];
    long[] counts = new long[n];
    layout.children(rows, n, first, counts);
    int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      count[i] = (int) counts[i];
    }
    if (function.equals("count")) {
      LongVec out = new LongVec(type, n);
      for (int i = 0; i < n; i++) {
        out.values[i] = count[i];
      }
      return out;
    }
    Aggregates out = new Aggregates(n);
    // children are evaluated for runs of parents of at most SLICE children, so memory stays bounded whatever the
    // counts (a single parent with more children is a run of its own)
    int from = 0;
    while (from < n) {
      int to = from;
      long slice = 0;
      while (to < n && (to == from || slice + count[to] <= SLICE)) {
        slice += count[to++];
      }
      aggregate(ctx, from, to, (int) slice, first, count, out);
      from = to;
    }
    Vec v = out.exactLong ? new LongVec(type, out.longs, n) : Casts.fromDoubles(out.doubles, n, type);
    v.setNulls(out.nulls);
    return v;
  }

  /** One aggregate per parent row: exact longs when the children are long-backed like this column, else doubles. */
  private static final class Aggregates {
    final double[] doubles;
    final long[] longs;
    boolean[] nulls;
    boolean exactLong;

    Aggregates(int n) {
      doubles = new double[n];
      longs = new long[n];
    }
  }

  /** Aggregates parents {@code from..to-1}, whose children ({@code size} rows) are evaluated in one batch. */
  private void aggregate(BatchContext ctx, int from, int to, int size, long[] first, int[] count, Aggregates out) {
    long[] childRows = new long[size];
    int k = 0;
    for (int i = from; i < to; i++) {
      for (int j = 0; j < count[i]; j++) {
        childRows[k++] = first[i] + j;
      }
    }
    Vec child = ctx.evaluate(childTable, column, childRows, k);
    boolean exactLong = child instanceof LongVec lv && type.isLongBacked()
        && lv.type().scale() == type.scale() && !avg;
    out.exactLong = exactLong;
    k = 0;
    for (int i = from; i < to; i++) {
      int seen = 0;
      double acc = min ? Double.POSITIVE_INFINITY : max ? Double.NEGATIVE_INFINITY : 0;
      long accL = min ? Long.MAX_VALUE : max ? Long.MIN_VALUE : 0;
      for (int j = 0; j < count[i]; j++, k++) {
        if (child.isNull(k)) {
          continue;
        }
        seen++;
        if (exactLong) {
          long v = ((LongVec) child).values[k];
          accL = sum ? accL + v : min ? Math.min(accL, v) : Math.max(accL, v);
        } else {
          double v = asDouble(child, k);
          acc = min ? Math.min(acc, v) : max ? Math.max(acc, v) : acc + v;
        }
      }
      if (seen == 0) {
        if (!sum) {
          if (out.nulls == null) {
            out.nulls = new boolean[out.doubles.length];
          }
          out.nulls[i] = true;
        }
        acc = 0;
        accL = 0;
      } else if (avg) {
        acc /= seen;
      }
      out.doubles[i] = acc;
      out.longs[i] = accL;
    }
  }

  private static double asDouble(Vec v, int i) {
    if (v instanceof DoubleVec d) {
      return d.values[i];
    }
    LongVec l = (LongVec) v;
    double x = l.values[i];
    return l.type().kind() == DataType.Kind.DECIMAL ? x / Casts.pow10(l.type().scale()) : x;
  }
}
