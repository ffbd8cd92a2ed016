package io.synthgen.quality;

import io.synthgen.validate.CellText;
import io.synthgen.engine.BatchObserver;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.validate.Validator;
import io.synthgen.vec.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Puts a table's injected defects ({@code Table.quality()}) between its clean source and the engine: the defective
 * source under the same name and, for sidecar ground truth, the {@code <name>_defects} source beside it.
 */
public final class QualitySources {

  private QualitySources() {
  }

  /**
   * The sources that write {@code clean} with {@code table}'s defects: the defective source, then for sidecar ground
   * truth its {@code <name>_defects}; {@code clean} alone when the table has no defects. Refuses (with what to
   * change) a defect the table's columns cannot take.
   */
  public static List<TableSource> apply(ResolvedPlan plan, Table table, TableSource clean) {
    return apply(plan, table, clean, null);
  }

  /**
   * As {@link #apply(ResolvedPlan, Table, TableSource)} for series batch {@code batch} (null outside a series): a
   * change feed's defects of a batch after the full load are keyed by the batch too, so every batch has its own.
   */
  public static List<TableSource> apply(ResolvedPlan plan, Table table, TableSource clean, Long batch) {
    if (table.quality() == null || table.quality().defects().isEmpty()) {
      return List.of(clean);
    }
    Injection in = new Injection(plan, table, clean, batch);
    DefectiveSource data = new DefectiveSource(in, null);
    return in.mode == io.synthgen.plan.Quality.GroundTruth.COLUMNS ? List.of(data)
        : List.of(data, new SidecarSource(in));
  }

  /**
   * Every source of a run with its table's defects applied: a source named after a plan table, or after a table's
   * change feed, gets that table's defects.
   */
  public static List<TableSource> applyAll(ResolvedPlan plan, List<TableSource> sources) {
    return applyAll(plan, sources, (Long) null);
  }

  /**
   * As {@link #applyAll(ResolvedPlan, List)} for the sources of series batch {@code batch} (null outside a series,
   * or for batch 0, which writes what a run without the batch writes).
   */
  public static List<TableSource> applyAll(ResolvedPlan plan, List<TableSource> sources, Long batch) {
    List<TableSource> out = new ArrayList<>();
    for (TableSource s : sources) {
      Table t = tableOf(plan, s.name());
      out.addAll(t == null ? List.of(s) : apply(plan, t, s, batch));
    }
    return out;
  }

  /**
   * As {@link #applyAll(ResolvedPlan, List)}, with every defective chunk checked into {@code validator}: it sees the
   * clean rows of the chunk (of a plan table; a change feed's have none to check), and the ground truth with whether undoing it on the written rows gives the clean rows
   * back exactly. Pass {@link #observers} to the engine so no written batch is counted twice.
   */
  public static List<TableSource> applyAll(ResolvedPlan plan, List<TableSource> sources, Validator validator) {
    return applyAll(plan, sources, validator, null);
  }

  /** As {@link #applyAll(ResolvedPlan, List, Validator)} for the sources of series batch {@code batch}. */
  public static List<TableSource> applyAll(ResolvedPlan plan, List<TableSource> sources, Validator validator,
      Long batch) {
    List<TableSource> out = new ArrayList<>();
    for (TableSource s : applyAll(plan, sources, batch)) {
      if (s instanceof DefectiveSource d) {
        out.add(d.tapped(c -> check(d, c, validator)));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** The engine's observers for sources made by {@link #applyAll(ResolvedPlan, List, Validator)}. */
  public static Function<TableSource, BatchObserver> observers(Validator validator) {
    return s -> s instanceof DefectiveSource || s.table() == null ? null : validator.observer(s.table());
  }

  /** The plan table whose defects a source named {@code name} carries, or null. */
  public static Table tableOf(ResolvedPlan plan, String name) {
    for (Table t : plan.plan().tables()) {
      if (t.quality() == null || t.quality().defects().isEmpty()) {
        continue;
      }
      if (t.name().equals(name) || (t.changeFeed() != null && Objects.equals(t.changeFeed().name(), name))) {
        return t;
      }
    }
    return null;
  }

  /** The columns a source with {@code table}'s defects writes, from the clean source's columns. */
  public static List<OutputColumn> writtenColumns(Table table, List<OutputColumn> clean) {
    if (table.quality() == null || table.quality().defects().isEmpty()) {
      return clean;
    }
    return Injection.written(table, clean);
  }

  private static void check(DefectiveSource d, DefectChunk c, Validator validator) {
    Restorer r = new Restorer(d.spec(), cleanColumns(c.clean()));
    Batch restored = r.restore(positional(c.defective(), c.outputStart()), c.outputStart(), c.records());
    r.finish();
    long mismatches = r.mismatches();
    String first = r.firstMismatch();
    String diff = difference(c.clean(), restored);
    if (diff != null) {
      mismatches++;
      first = first == null ? d.name() + " " + diff : first;
    }
    if (d.table() != null) {
      // a feed's rows have no plan table whose column checks they feed; its defects are checked all the same
      validator.accept(d.table().name(), c.clean());
    }
    Map<String, Long> counts = r.counts();
    validator.acceptDefects(d.spec().name(), counts, mismatches, first);
  }

  private static List<OutputColumn> cleanColumns(Batch clean) {
    List<OutputColumn> cols = new ArrayList<>();
    for (int i = 0; i < clean.names().size(); i++) {
      cols.add(new OutputColumn(clean.names().get(i), clean.vectors().get(i).type(), true, -1, null));
    }
    return cols;
  }

  /** The batch with its row ids replaced by output positions from {@code start}, as a run folder reads back. */
  static Batch positional(Batch b, long start) {
    long[] rows = new long[b.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = start + i;
    }
    return new Batch(rows, b.size(), b.names(), b.vectors());
  }

  /** Where the restored rows (ids counted from the chunk's first clean row) differ from the clean ones (row ids say which clean row), or null. */
  static String difference(Batch clean, Batch restored) {
    if (restored.size() != clean.size()) {
      return "restores " + restored.size() + " rows of " + clean.size();
    }
    for (int c = 0; c < clean.names().size(); c++) {
      for (int k = 0; k < restored.size(); k++) {
        int i = (int) restored.rows()[k];
        String a = CellText.of(clean.vectors().get(c), i);
        String b = CellText.of(restored.vectors().get(c), k);
        if (!Objects.equals(a, b)) {
          return "clean row " + clean.rows()[i] + " " + clean.names().get(c) + ": written " + b
              + " is not explained by the ground truth (clean value " + a + ")";
        }
      }
    }
    return null;
  }
}
