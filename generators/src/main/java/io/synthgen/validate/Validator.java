package io.synthgen.validate;

import io.synthgen.column.Casts;
import io.synthgen.column.Instants;
import io.synthgen.column.ValueConversion;
import io.synthgen.engine.BatchObserver;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.series.Window;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a run's output against its plan: row counts, null rates and category weights (within binomial
 * tolerances), ranges, uniqueness of keys and foreign keys without orphans. Fed batch by batch (while generating or
 * reading files back), so memory stays small except for key sets of non-sequence keys. Thread-safe.
 */
public final class Validator {

  private final ResolvedPlan plan;
  private final Map<String, Map<String, ColumnStats>> stats = new LinkedHashMap<>();
  private final Map<String, AtomicLong> sequenceMismatches = new HashMap<>();
  private final Map<String, AtomicLong> orphanCounts = new HashMap<>();
  private final Set<String> parentKeyColumns;
  /** The batch of the series being checked (0 outside a series). */
  private final long batch;
  /** The plan tables the run writes, or null for every one. */
  private final Set<String> written;
  private final Map<String, InjectedDefects> injected = new LinkedHashMap<>();

  public Validator(ResolvedPlan plan) {
    this(plan, 0, null);
  }

  /**
   * Checks batch {@code batch} of a plan's series, which writes the plan tables {@code written} (static tables in
   * batch 0 only, append slices in every batch): only those are checked; an append slice's advance columns are held
   * to their range moved by the batch, and its foreign keys to an append parent to the parent's rows of the batch.
   */
  public Validator(ResolvedPlan plan, long batch, Set<String> written) {
    this.batch = batch;
    this.written = written == null ? null : Set.copyOf(written);
    this.plan = plan;
    this.parentKeyColumns = new java.util.HashSet<>();
    for (Table t : plan.plan().tables()) {
      for (Column c : t.columns()) {
        String ref = references(c);
        if (ref != null && sequenceOf(ref) == null) {
          parentKeyColumns.add(ref);
        }
      }
    }
    for (ResolvedTable rt : plan.tables()) {
      Map<String, ColumnStats> m = new LinkedHashMap<>();
      Table t = rt.spec();
      for (var rc : rt.outputColumns()) {
        Column c = rc.spec();
        String node = t.name() + "." + c.name();
        boolean values = c.gen() instanceof ColumnGen.Values || c.gen() instanceof ColumnGen.Bool;
        boolean unique = (c.unique() || c.name().equals(t.primaryKey())) && !(c.gen() instanceof ColumnGen.Sequence);
        String ref = references(c);
        boolean fkSet = ref != null && sequenceOf(ref) == null;
        boolean range = c.gen() instanceof ColumnGen.Uniform || c.gen() instanceof ColumnGen.DateRange
            || c.gen() instanceof ColumnGen.Dist;
        m.put(c.name(), new ColumnStats(values, unique || fkSet || parentKeyColumns.contains(node), range));
        sequenceMismatches.put(node, new AtomicLong());
        orphanCounts.put(node, new AtomicLong());
      }
      stats.put(t.name(), m);
    }
  }

  private static String references(Column c) {
    if (c.gen() instanceof ColumnGen.ForeignKey fk) {
      return fk.references();
    }
    if (c.gen() instanceof ColumnGen.Parent p) {
      return p.references();
    }
    return null;
  }

  private ColumnGen.Sequence sequenceOf(String ref) {
    int dot = ref.indexOf('.');
    Column k = plan.plan().table(ref.substring(0, dot)).flatMap(t -> t.column(ref.substring(dot + 1))).orElse(null);
    return k != null && k.gen() instanceof ColumnGen.Sequence s && k.nullRate() == 0 ? s : null;
  }

  /** The observer to feed a table's batches to. */
  public BatchObserver observer(ResolvedTable t) {
    return batch -> accept(t.name(), batch);
  }

  /** Adds a batch of a table (rows must be the table's row indices). */
  public void accept(String table, Batch batch) {
    Map<String, ColumnStats> m = stats.get(table);
    Table t = plan.table(table).spec();
    for (int i = 0; i < batch.names().size(); i++) {
      String name = batch.names().get(i);
      Vec v = batch.vectors().get(i);
      ColumnStats s = m.get(name);
      if (s == null) {
        continue;
      }
      s.accept(v);
      Column c = t.column(name).orElseThrow();
      String node = table + "." + name;
      if (c.gen() instanceof ColumnGen.Sequence q && v instanceof LongVec l) {
        long bad = 0;
        for (int r = 0; r < batch.size(); r++) {
          // NULL rows of a column with a null rate are checked by the null-rate check
          if (l.isNull(r) ? c.nullRate() == 0 : l.values[r] != q.start() + q.step() * batch.rows()[r]) {
            bad++;
          }
        }
        sequenceMismatches.get(node).addAndGet(bad);
      }
      String ref = references(c);
      ColumnGen.Sequence parentSeq = ref == null ? null : sequenceOf(ref);
      if (parentSeq != null && v instanceof LongVec l) {
        long parentRows = plan.table(ref.substring(0, ref.indexOf('.'))).rows();
        long bad = 0;
        for (int r = 0; r < batch.size(); r++) {
          if (l.isNull(r)) {
            continue;
          }
          long off = l.values[r] - parentSeq.start();
          ResolvedTable parentTable = plan.table(ref.substring(0, ref.indexOf('.')));
      long lowest = plan.table(table).appends() ? parentTable.firstRow(this.batch) : 0;
      if (off % parentSeq.step() != 0 || off / parentSeq.step() < lowest
          || off / parentSeq.step() >= lowest + parentRows) {
            bad++;
          }
        }
        orphanCounts.get(node).addAndGet(bad);
      }
    }
  }

  /**
   * Adds the ground truth of some rows of a table with injected defects: records per defect, and how many records
   * did not match the rows written ({@code firstMismatch} says the first). The batches given to {@link #accept} are
   * the rows as the plan makes them (injected copies dropped, altered cells restored), so injected defects fail no
   * check; anything the ground truth does not record still does.
   */
  public void acceptDefects(String table, Map<String, Long> counts, long mismatches, String firstMismatch) {
    synchronized (injected) {
      injected.computeIfAbsent(table, t -> new InjectedDefects()).add(counts, mismatches, firstMismatch);
    }
  }

  /** Evaluates every check on what was accepted. */
  public ValidationReport finish() {
    List<Check> checks = new ArrayList<>();
    Plan p = plan.plan();
    for (ResolvedTable rt : plan.tables()) {
      if (written != null && !written.contains(rt.name())) {
        continue;
      }
      Table t = rt.spec();
      Map<String, ColumnStats> m = stats.get(t.name());
      long rows = m.isEmpty() ? 0 : m.values().iterator().next().rows();
      checks.add(new Check(t.name(), null, "rows", Long.toString(rt.rows()), Long.toString(rows), rows == rt.rows()));
      for (Map.Entry<String, ColumnStats> e : m.entrySet()) {
        Column c = inBatch(rt, t.column(e.getKey()).orElseThrow());
        ColumnChecks.add(checks, p, t, c, e.getValue(), rt.rows(),
            sequenceMismatches.get(t.name() + "." + c.name()).get(),
            orphanCounts.get(t.name() + "." + c.name()).get());
      }
    }
    addSetChecks(checks, p);
    // one check per table whose defects were written or read back (a batch need not write every table)
    synchronized (injected) {
      for (Table t : p.tables()) {
        InjectedDefects d = injected.get(t.name());
        if (d != null) {
          checks.add(d.check(t.name()));
        }
      }
    }
    return new ValidationReport(checks);
  }

  /** Foreign keys to non-sequence keys: every child value must be among the parent's keys. */
  private void addSetChecks(List<Check> checks, Plan p) {
    for (Table t : p.tables()) {
      for (Column c : t.columns()) {
        String ref = references(c);
        if (ref == null || sequenceOf(ref) != null || c.omit()
            || written != null && !written.contains(t.name())) {
          continue;
        }
        int dot = ref.indexOf('.');
        if (written != null && !written.contains(ref.substring(0, dot))) {
          checks.add(new Check(t.name(), c.name(), "foreign_key", "0 orphans of " + ref, ref.substring(0, dot)
              + " is not written in batch " + batch + " (it is in batch 0)", true));
          continue;
        }
        ColumnStats parent = stats.get(ref.substring(0, dot)).get(ref.substring(dot + 1));
        ColumnStats child = stats.get(t.name()).get(c.name());
        if (parent == null || child == null || !parent.keys().complete() || !child.keys().complete()) {
          checks.add(new Check(t.name(), c.name(), "foreign_key", "0 orphans of " + ref, "too many keys to check",
              true));
          continue;
        }
        long orphans = 0;
        if (c.type().kind() == DataType.Kind.STRING) {
          for (String s : child.keys().strings()) {
            if (!parent.keys().containsString(s)) {
              orphans++;
            }
          }
        } else {
          for (long v : child.keys().longs()) {
            if (!parent.keys().containsLong(v)) {
              orphans++;
            }
          }
        }
        checks.add(new Check(t.name(), c.name(), "foreign_key", "0 orphan values of " + ref,
            orphans + " orphan values", orphans == 0));
      }
    }
  }

  /** A column as batch {@link #batch} writes it: an advance range column of an append table moves by the batch. */
  private Column inBatch(ResolvedTable rt, Column c) {
    long shift = rt.shiftAt(rt.firstRow(batch));
    if (shift == 0 || !rt.advance().contains(c.name()) || !(c.gen() instanceof ColumnGen.DateRange d)) {
      return c;
    }
    if (c.type().kind() == DataType.Kind.DATE) {
      shift = Math.floorDiv(shift, Instants.MICROS_PER_DAY) * Instants.MICROS_PER_DAY;
    }
    java.time.LocalDate ref = plan.plan().referenceDate();
    long from = ValueConversion.toMicros(Instants.resolve(d.start(), ref)) + shift;
    long to = ValueConversion.toMicros(Instants.resolve(d.end(), ref)) + shift;
    return c.withGen(new ColumnGen.DateRange(Window.format(from), Window.format(to), d.interval(), d.profile()));
  }

  /** Converts a plan bound (number or instant) to the column's long/double representation. */
  static double bound(Object v, DataType type, java.time.LocalDate ref) {
    if (type.isTemporal()) {
      long micros = ValueConversion.toMicros(Instants.resolve(String.valueOf(v), ref));
      return type.kind() == DataType.Kind.DATE ? Math.floorDiv(micros, Instants.MICROS_PER_DAY) : micros;
    }
    double d = ((Number) v).doubleValue();
    return type.kind() == DataType.Kind.DOUBLE ? d : Casts.toLong(d, type);
  }
}
