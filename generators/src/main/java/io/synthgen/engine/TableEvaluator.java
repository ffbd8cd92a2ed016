package io.synthgen.engine;

import io.synthgen.column.BatchContext;
import io.synthgen.column.ParentKeys;
import io.synthgen.column.Vecs;
import io.synthgen.random.Stream;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes columns of one table at a set of rows, each at most once, in whatever order dependencies ask for them
 * (the resolver has ruled out cycles). Not thread-safe: one evaluator per batch.
 */
public final class TableEvaluator implements BatchContext {

  private final ResolvedPlan plan;
  private final ResolvedTable table;
  private final long[] rows;
  private final int n;
  private final long[] hashes;
  private final Map<String, Vec> memo = new HashMap<>();
  private final Map<String, long[]> parentRowsMemo = new HashMap<>();

  public TableEvaluator(ResolvedPlan plan, ResolvedTable table, long[] rows, int n) {
    this.plan = plan;
    this.table = table;
    this.rows = rows;
    this.n = n;
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
      v = evaluate(parent, name.substring(dot + 1), parentRows(via), n);
      Vecs.orNulls(v, column(via));
    } else {
      ResolvedColumn c = table.column(name);
      v = c.generator().generate(this);
      if (memo.containsValue(v)) {
        v = Vecs.copy(v); // an expression may return an input as is; its nulls must not leak back
      }
      applyNulls(v, c);
    }
    memo.put(name, v);
    return v;
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
      parentRowsMemo.put(fkColumn, p);
    }
    return p;
  }

  @Override
  public Vec evaluate(String otherTable, String column, long[] otherRows, int count) {
    return new TableEvaluator(plan, plan.table(otherTable), otherRows, count).column(column);
  }
}
