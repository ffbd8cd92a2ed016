package io.synthgen.engine;

import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Picks a sample: rows of the full run, closed over foreign keys. Each independent table contributes evenly
 * spaced rows; a table generated per parent contributes all children of its parent's sampled rows (up to
 * {@value #CHILD_FACTOR} times the per-table count, so aggregates such as a transaction's item count agree in the
 * sample too); then every parent row a sampled row points to is added, until nothing changes. The values are
 * computed exactly as the full run computes them.
 */
public final class Preview {

  /** A table generated per parent may hold up to this many times the per-table count (its parents' children). */
  static final int CHILD_FACTOR = 10;

  private Preview() {
  }

  /** Sorted row indices per table, in plan order. */
  public static Map<String, long[]> select(ResolvedPlan plan, int perTable) {
    Map<String, TreeSet<Long>> chosen = new LinkedHashMap<>();
    for (ResolvedTable t : plan.tables()) {
      chosen.put(t.name(), new TreeSet<>());
      if (t.layout() == null) {
        long n = t.rows();
        long k = Math.min(perTable, n);
        for (long j = 0; j < k; j++) {
          chosen.get(t.name()).add(j * n / k);
        }
      }
    }
    // per-parent tables, parents first (a per-parent parent may itself be per parent)
    boolean progress = true;
    java.util.Set<String> done = new java.util.HashSet<>();
    while (progress) {
      progress = false;
      for (ResolvedTable t : plan.tables()) {
        if (t.layout() == null || done.contains(t.name())) {
          continue;
        }
        String parent = t.layout().parentTable();
        ResolvedTable pt = plan.table(parent);
        if (pt.layout() != null && !done.contains(parent)) {
          continue;
        }
        TreeSet<Long> mine = chosen.get(t.name());
        for (long p : chosen.get(parent)) {
          if (mine.size() >= (long) perTable * CHILD_FACTOR) {
            break;
          }
          long first = t.layout().firstChild(p);
          long count = t.layout().childCount(p);
          for (long c = 0; c < count; c++) {
            mine.add(first + c);
          }
        }
        done.add(t.name());
        progress = true;
      }
    }
    close(plan, chosen);
    Map<String, long[]> out = new LinkedHashMap<>();
    chosen.forEach((k, v) -> out.put(k, v.stream().mapToLong(Long::longValue).toArray()));
    return out;
  }

  /** Adds every referenced parent row until the selection is closed. */
  private static void close(ResolvedPlan plan, Map<String, TreeSet<Long>> chosen) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (ResolvedTable t : plan.tables()) {
        long[] rows = chosen.get(t.name()).stream().mapToLong(Long::longValue).toArray();
        if (rows.length == 0) {
          continue;
        }
        TableEvaluator ev = new TableEvaluator(plan, t, rows, rows.length);
        for (ResolvedColumn c : t.columns()) {
          if (c.generator().parentKeys() == null) {
            continue;
          }
          String parent = c.generator().parentKeys().parentTable();
          long[] parents = ev.parentRows(c.name());
          var nulls = ev.column(c.name()).nulls();
          TreeSet<Long> target = chosen.get(parent);
          for (int i = 0; i < parents.length; i++) {
            if ((nulls == null || !nulls[i]) && target.add(parents[i])) {
              changed = true;
            }
          }
        }
      }
    }
  }

  /** The sample's rows, as batches per table. */
  public static Map<String, Batch> generate(ResolvedPlan plan, int perTable) {
    Map<String, Batch> out = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : select(plan, perTable).entrySet()) {
      long[] rows = e.getValue();
      out.put(e.getKey(), new TableEvaluator(plan, plan.table(e.getKey()), rows, rows.length).outputBatch());
    }
    return out;
  }
}
