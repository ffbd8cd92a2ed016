package io.synthgen.engine;

import io.synthgen.column.BatchContext;
import io.synthgen.column.DistinctRows;
import io.synthgen.column.Instants;
import io.synthgen.column.ParentGen;
import io.synthgen.column.ParentKeys;
import io.synthgen.column.Vecs;
import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes columns of one table at a set of rows, each at most once, in whatever order dependencies ask for them
 * (the resolver has ruled out cycles). Not thread-safe: one evaluator per batch.
 *
 * <p>In a series, the evaluator also carries the batch number ({@link #batch()}) and a time shift per row: the
 * table's {@link ResolvedTable#advance() advance} columns are moved by it right after they are generated, before
 * any other column reads them, so expressions over them follow. A date column moves by whole days. Rows of another
 * table (lookups, aggregates) are evaluated as that table writes them: an append table's rows with their own
 * batch's shift, a static table's as batch 0.
 *
 * <p>The parent rows a foreign key points to are evaluated once per batch and per distinct row, by one evaluator
 * per key that every {@code parent.column} and lookup through that key shares, so a parent column and what it
 * depends on are computed once for all children of a parent in the batch (and lookups of lookups follow the same
 * way, one level up).
 */
public final class TableEvaluator implements BatchContext {

  private final ResolvedPlan plan;
  private final ResolvedTable table;
  private final long[] rows;
  private final int n;
  private final long[] hashes;
  private final long batch;
  private final long[] shifts;
  private final Map<String, Vec> memo = new HashMap<>();
  private final Map<String, long[]> parentRowsMemo = new HashMap<>();
  private final Map<String, ParentView> parentViews = new HashMap<>();

  public TableEvaluator(ResolvedPlan plan, ResolvedTable table, long[] rows, int n) {
    this(plan, table, rows, n, 0, null);
  }

  /**
   * Rows of batch {@code batch} whose advance columns move by {@code shiftMicros[i]} (null: no shift).
   *
   * @param batch what {@link BatchContext#batch()} answers
   * @param shiftMicros per row, in microseconds, or null
   */
  public TableEvaluator(ResolvedPlan plan, ResolvedTable table, long[] rows, int n, long batch,
      long[] shiftMicros) {
    this.plan = plan;
    this.table = table;
    this.rows = rows;
    this.n = n;
    this.batch = batch;
    this.shifts = shiftMicros == null || table.advance().isEmpty() || allZero(shiftMicros, n) ? null : shiftMicros;
    this.hashes = new long[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = Stream.rowHash(rows[i]);
    }
  }

  /** The rows [start, start + n) of a table. */
  public static TableEvaluator range(ResolvedPlan plan, ResolvedTable table, long start, int n) {
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      rows[i] = start + i;
    }
    return new TableEvaluator(plan, table, rows, n);
  }

  /**
   * Rows [first, first + n) of batch k of a table: for an append table its rows k * rows + first + i with their
   * batch's shift; for any other table its rows first + i as batch 0 (a static table is the same in every batch).
   */
  public static TableEvaluator slice(ResolvedPlan plan, ResolvedTable table, long k, long first, int n) {
    long start = Math.addExact(table.firstRow(k), first);
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      rows[i] = start + i;
    }
    return new TableEvaluator(plan, table, rows, n, table.appends() ? k : 0, shifts(table, rows, n));
  }

  /** The shift of each row as its table writes it (its batch times the interval), or null when none moves. */
  static long[] shifts(ResolvedTable table, long[] rows, int n) {
    if (!table.appends() || table.advance().isEmpty()) {
      return null;
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = table.shiftAt(rows[i]);
    }
    return out;
  }

  private static boolean allZero(long[] a, int n) {
    for (int i = 0; i < n; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Every output column, as a batch. */
  public Batch outputBatch() {
    List<String> names = new ArrayList<>();
    List<Vec> vecs = new ArrayList<>();
    for (ResolvedColumn c : table.outputColumns()) {
      names.add(c.name());
      vecs.add(value(c.name()));
    }
    return new Batch(rows, n, names, vecs);
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public long[] rows() {
    return rows;
  }

  @Override
  public long batch() {
    return batch;
  }

  @Override
  public long[] rowHashes() {
    return hashes;
  }

  /** A column as generators and expressions read it: strings in dictionary or plain layout, never UTF-8. */
  @Override
  public Vec column(String name) {
    Vec v = value(name);
    if (v instanceof StrVec s && s.isUtf8()) {
      v = s.withStrings();
      memo.put(name, v);
    }
    return v;
  }

  /** A column in whatever layout its generator made (writers take UTF-8 strings as they are). */
  private Vec value(String name) {
    Vec v = memo.get(name);
    if (v != null) {
      return v;
    }
    int dot = name.indexOf('.');
    if (dot > 0) {
      String parent = name.substring(0, dot);
      String via = table.viaFor(parent);
      v = parentView(via).column(name.substring(dot + 1));
      Vecs.orNulls(v, column(via));
    } else {
      ResolvedColumn c = table.column(name);
      v = c.generator().generate(this);
      if (memo.containsValue(v)) {
        v = Vecs.copy(v); // an expression may return an input as is; its nulls must not leak back
      }
      if (shifts != null && table.advance().contains(name)) {
        shift(v);
      }
      applyNulls(v, c);
    }
    memo.put(name, v);
    return v;
  }

  /** Moves an advance column by each row's shift: microseconds for a timestamp, whole days for a date. */
  private void shift(Vec v) {
    if (!(v instanceof LongVec l) || !l.type().isTemporal()) {
      throw new IllegalStateException(table.name() + " advances a column that is not a date or timestamp");
    }
    boolean date = l.type().kind() == DataType.Kind.DATE;
    for (int i = 0; i < n; i++) {
      l.values[i] += date ? Math.floorDiv(shifts[i], Instants.MICROS_PER_DAY) : shifts[i];
    }
  }

  private void applyNulls(Vec v, ResolvedColumn c) {
    double rate = c.spec().nullRate();
    if (rate <= 0) {
      return;
    }
    Stream s = c.nullStream();
    boolean[] mask = v.nulls();
    if (mask == null) {
      mask = new boolean[n];
    }
    for (int i = 0; i < n; i++) {
      if (s.uniform(hashes[i]) < rate) {
        mask[i] = true;
      }
    }
    v.setNulls(mask);
  }

  @Override
  public long[] parentRows(String fkColumn) {
    long[] p = parentRowsMemo.get(fkColumn);
    if (p == null) {
      ParentKeys keys = table.column(fkColumn).generator().parentKeys();
      if (keys == null) {
        throw new IllegalStateException(table.name() + "." + fkColumn + " is not a foreign key");
      }
      p = keys.parentRows(this);
      ResolvedTable parent = plan.table(keys.parentTable());
      if (table.appends() && parent.appends() && !(keys instanceof ParentGen)) {
        // a foreign key of an append table to an append parent points into the parent's rows of the same batch
        // (a per-parent layout places its rows itself)
        for (int i = 0; i < n; i++) {
          p[i] += parent.firstRow(table.batchOf(rows[i]));
        }
      }
      parentRowsMemo.put(fkColumn, p);
    }
    return p;
  }

  /** The parent rows that the foreign key {@code via} points to, evaluated once per distinct row. */
  private ParentView parentView(String via) {
    ParentView view = parentViews.get(via);
    if (view == null) {
      String parentTable = table.column(via).generator().parentKeys().parentTable();
      DistinctRows distinct = DistinctRows.of(parentRows(via), n);
      view = new ParentView(parentTable, distinct, evaluator(parentTable, distinct.rows(), distinct.count()));
      parentViews.put(via, view);
    }
    return view;
  }

  @Override
  public Vec evaluate(String otherTable, String column, long[] otherRows, int count) {
    if (count == n) {
      for (Map.Entry<String, long[]> e : parentRowsMemo.entrySet()) {
        if (e.getValue() == otherRows) {
          ParentView view = parentView(e.getKey());
          if (view.table.equals(otherTable)) {
            return view.column(column);
          }
        }
      }
    }
    return evaluator(otherTable, otherRows, count).column(column);
  }

  private TableEvaluator evaluator(String otherTable, long[] otherRows, int count) {
    ResolvedTable other = plan.table(otherTable);
    if (!other.appends()) {
      return new TableEvaluator(plan, other, otherRows, count);
    }
    return new TableEvaluator(plan, other, otherRows, count, batch, shifts(other, otherRows, count));
  }

  /** A parent table's evaluator over the distinct rows a foreign key points to, and the way back to every row. */
  private record ParentView(String table, DistinctRows distinct, TableEvaluator evaluator) {

    /** The column at the batch's rows, in vectors of its own (callers mask and shift them). */
    Vec column(String column) {
      return distinct.gather(evaluator.column(column));
    }
  }
}
