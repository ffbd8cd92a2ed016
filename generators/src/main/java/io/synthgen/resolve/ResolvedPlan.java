package io.synthgen.resolve;

import io.synthgen.column.Instants;
import io.synthgen.column.ValueConversion;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import io.synthgen.random.Stream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validated plan with every generator built and every row count exact. Immutable and thread-safe. */
public final class ResolvedPlan {

  private final Plan plan;
  private final Map<String, ResolvedTable> tables;
  private final Stream root;

  ResolvedPlan(Plan plan, List<ResolvedTable> tables, Stream root) {
    this.plan = plan;
    this.tables = new LinkedHashMap<>();
    for (ResolvedTable t : tables) {
      this.tables.put(t.name(), t);
    }
    this.root = root;
  }

  public Plan plan() {
    return plan;
  }

  /** Tables in plan order. */
  public List<ResolvedTable> tables() {
    return new ArrayList<>(tables.values());
  }

  public ResolvedTable table(String name) {
    ResolvedTable t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no table " + name + "; tables are " + tables.keySet());
    }
    return t;
  }

  public Stream root() {
    return root;
  }

  /** The plan with every table's exact row count written in (per-parent tables included). */
  public Plan withExactRows() {
    List<Table> ts = new ArrayList<>();
    for (Table t : plan.tables()) {
      ts.add(t.withRows(tables.get(t.name()).rows()));
    }
    return plan.withTables(ts);
  }

  /** The same resolution of the plan with another tier: the tier says where a plan runs, never what it makes. */
  public ResolvedPlan withTier(int tier) {
    Plan p = plan;
    Plan q = new Plan(p.format(), p.name(), p.industry(), p.description(), p.seed(), p.referenceDate(),
        p.mainTable(), tier, p.destination(), p.tables(), p.series());
    return new ResolvedPlan(q, tables(), root);
  }

  /** The plan's series of batches, or null when it is a single snapshot. */
  public Series series() {
    return plan.series();
  }

  /** The series' interval in microseconds, 0 without a series. */
  public long intervalMicros() {
    return plan.series() == null ? 0 : Instants.intervalMicros(plan.series().interval());
  }

  /** The start of batch k's window [start + k * interval, start + (k + 1) * interval), in microseconds. */
  public long windowStartMicros(long batch) {
    if (plan.series() == null) {
      throw new IllegalStateException("plan " + plan.name() + " has no series");
    }
    long start = ValueConversion.toMicros(Instants.resolve(plan.series().start(), plan.referenceDate()));
    return Math.addExact(start, Math.multiplyExact(batch, intervalMicros()));
  }

  public long totalRows() {
    return tables.values().stream().mapToLong(ResolvedTable::rows).sum();
  }
}
