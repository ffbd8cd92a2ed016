package io.synthgen.resolve;

import io.synthgen.column.ChildLayout;
import io.synthgen.column.ColumnGenerator;
import io.synthgen.column.Instants;
import io.synthgen.column.DistGen;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.distribution.Sampler;
import io.synthgen.expr.CompiledExpr;
import io.synthgen.expr.ExprReach;
import io.synthgen.plan.Batching;
import io.synthgen.plan.Column;
import io.synthgen.plan.PerParent;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.reach.ColumnRanges;
import io.synthgen.plan.reach.DictionaryLengths;
import io.synthgen.plan.validate.AdvanceChains;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.plan.validate.PlanValidator;
import io.synthgen.plan.validate.SeriesDefaults;
import io.synthgen.plan.validate.TimeSpec;
import io.synthgen.random.Stream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a plan into a {@link ResolvedPlan}: validates it, computes exact row counts (per-parent tables by laying out
 * every parent's children), builds each column's generator, and rejects unknown names, expression errors and
 * dependency cycles, reporting every violation at once.
 */
public final class Resolver {

  private Resolver() {
  }

  public static ResolvedPlan resolve(Plan plan) throws PlanException {
    return resolve(plan, Dictionaries.standard());
  }

  public static ResolvedPlan resolve(Plan plan, Dictionaries dictionaries) throws PlanException {
    List<Violation> violations = new ArrayList<>(
        PlanValidator.validate(plan, new HashSet<>(dictionaries.names())));
    if (!violations.isEmpty()) {
      throw new PlanException(violations);
    }
    Stream root = Stream.root(plan.seed());
    Map<String, Long> rows = new HashMap<>();
    Map<String, ChildIndex> layouts = new HashMap<>();
    layOut(plan, root, rows, layouts, violations);
    if (!violations.isEmpty()) {
      throw new PlanException(violations);
    }

    long interval = seriesInterval(plan, violations);
    if (!violations.isEmpty()) {
      throw new PlanException(violations);
    }
    Set<String> appending = appending(plan);
    Map<String, ChildLayout> built = new HashMap<>(layouts);
    for (Map.Entry<String, ChildIndex> e : layouts.entrySet()) {
      if (appending.contains(e.getKey())) {
        built.put(e.getKey(), new BatchedLayout(e.getValue(), appending.contains(e.getValue().parentTable())));
      }
    }
    GeneratorFactory factory = new GeneratorFactory(plan, rows, built, dictionaries, violations);
    List<ResolvedTable> tables = new ArrayList<>();
    for (int ti = 0; ti < plan.tables().size(); ti++) {
      Table t = plan.tables().get(ti);
      Map<String, String> vias = factory.viasOf(t);
      List<ResolvedColumn> cols = new ArrayList<>();
      for (int ci = 0; ci < t.columns().size(); ci++) {
        Column c = t.columns().get(ci);
        Stream s = root.child(t.name() + "." + c.name());
        ColumnGenerator g = factory.build(ti, ci, t, c, s, vias);
        if (g != null) {
          cols.add(new ResolvedColumn(c, ci, g, s.child("null")));
        }
      }
      tables.add(new ResolvedTable(t, rows.get(t.name()), cols, built.get(t.name()), vias,
          appending.contains(t.name()), new LinkedHashSet<>(SeriesDefaults.advance(plan, t)), interval));
    }
    // cycles among the columns that did resolve, so they are reported with any other problem, not after its fix
    violations.addAll(DependencyCycles.find(plan, tables, factory.crossEdges()));
    violations.addAll(AdvanceChains.check(plan, (table, column) -> tables.stream().filter(x -> x.name().equals(table))
        .flatMap(x -> x.columns().stream()).filter(c -> c.name().equals(column)).findFirst()
        .map(c -> c.generator().dependencies()).orElse(List.of())));
    violations.addAll(ColumnRanges.check(plan, rows, (table, column, inputs) -> {
      CompiledExpr e = factory.compiled(table + "." + column);
      ExprReach r = e == null ? null : e.reach(inputs);
      return r == null ? null : new ColumnRanges.Derived(r.value(), r.problems());
    }, name -> DictionaryLengths.longest(dictionaries.get(name)), violations));
    if (!violations.isEmpty()) {
      throw new PlanException(violations);
    }
    return new ResolvedPlan(plan, tables, root);
  }

  /** The series' interval in microseconds, 0 without a series. */
  private static long seriesInterval(Plan plan, List<Violation> violations) {
    if (plan.series() == null) {
      return 0;
    }
    try {
      long iv = Instants.intervalMicros(plan.series().interval());
      if (iv > 0) {
        return iv;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    violations.add(new Violation("series.interval", plan.series().interval(), "the series' interval must be a "
        + "positive interval", "write " + TimeSpec.INTERVAL_SYNTAX + ", e.g. \"1 day\""));
    return 0;
  }

  /**
   * The tables that write new rows in every batch: append mode, or generated per parent of one (a child of an
   * append parent is made of the parent's new rows).
   */
  static Set<String> appending(Plan plan) {
    Set<String> out = new HashSet<>();
    if (plan.series() == null) {
      return out;
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Table t : plan.tables()) {
        boolean own = t.batching().mode() == Batching.Mode.APPEND && t.generated();
        boolean viaParent = t.perParent() != null && out.contains(t.perParent().table());
        if ((own || viaParent) && out.add(t.name())) {
          grew = true;
        }
      }
    }
    return out;
  }

  /** Exact row counts; a per-parent table is laid out after its parent's count is known. */
  private static void layOut(Plan plan, Stream root, Map<String, Long> rows, Map<String, ChildIndex> layouts,
      List<Violation> violations) {
    Map<String, Table> pending = new LinkedHashMap<>();
    for (Table t : plan.tables()) {
      if (t.perParent() == null) {
        rows.put(t.name(), t.rows());
      } else {
        pending.put(t.name(), t);
      }
    }
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (Table t : new ArrayList<>(pending.values())) {
        PerParent pp = t.perParent();
        Long parentRows = rows.get(pp.table());
        if (parentRows == null) {
          continue;
        }
        pending.remove(t.name());
        progress = true;
        String path = "tables[" + plan.tables().indexOf(t) + "]";
        if (parentRows > PlanLimits.MAX_PER_PARENT_PARENTS) {
          // the validator bounds expected rows; exact rows of a parent generated per parent can exceed them
          violations.add(new Violation(path + ".per_parent.table", pp.table(), String.format(Locale.ROOT,
              "%s has %,d rows; a table generated per parent may have at most %,d parent rows", pp.table(),
              parentRows, PlanLimits.MAX_PER_PARENT_PARENTS), "lower the rows of " + pp.table()));
          rows.put(t.name(), 0L);
          continue;
        }
        Sampler s = Sampler.of(pp.count().distribution(), root.child(t.name() + "#count"));
        ChildIndex layout = new ChildIndex(pp.table(), parentRows, new DistGen.ShapedSampler(s, pp.count()));
        layouts.put(t.name(), layout);
        rows.put(t.name(), layout.childRows());
        if (layout.childRows() > PlanLimits.MAX_ROWS) {
          violations.add(new Violation(path + ".per_parent.count", null, String.format(Locale.ROOT,
              "%s gets %,d rows; a table has at most %,d", t.name(), layout.childRows(), PlanLimits.MAX_ROWS),
              "lower the count's distribution or the rows of " + pp.table()));
        }
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException("per_parent tables form a cycle: " + pending.keySet()
          + " (the validator should have reported it)");
    }
  }
}
