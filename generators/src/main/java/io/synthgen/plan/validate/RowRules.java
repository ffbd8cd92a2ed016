package io.synthgen.plan.validate;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Shaped;
import io.synthgen.plan.Table;
import java.util.Locale;

/**
 * Rules on how many rows the plan makes, checked from the plan alone before anything is laid out: children per
 * parent, parents of a table generated per parent, expected rows per table and in all, {@code rows} of a table
 * generated per parent against what its count makes, and foreign keys that need parent rows (any, or few enough to
 * weigh).
 */
final class RowRules {

  /** A per-parent table's rows may differ from its expected rows by this fraction (plus the draw's own spread). */
  static final double ROWS_TOLERANCE = 0.1;

  private final PlanValidator v;
  private final Issues out;
  private final ExpectedRows expected;

  RowRules(PlanValidator v) {
    this.v = v;
    this.out = v.out;
    // a count is drawn only when its per_parent (and every ancestor's) passed its own rules
    this.expected = ExpectedRows.forValidation(v.plan, t -> t.perParent().count() != null
        && !out.anyAt(v.tablePath(t) + ".per_parent"));
  }

  void check() {
    double total = 0;
    boolean known = true;
    for (Table t : v.plan.tables()) {
      ExpectedRows.Expectation e = expected.expect(t);
      if (t.perParent() != null && e != null) {
        perParent(t, e);
      }
      if (e == null) {
        known = false;
      } else {
        total += e.rows();
      }
    }
    if (known && total > PlanLimits.MAX_TOTAL_ROWS) {
      out.add("tables", String.format(Locale.ROOT, "%,d rows", ExpectedRows.whole(total)), String.format(Locale.ROOT,
          "a plan makes at most %,d rows in all tables together", PlanLimits.MAX_TOTAL_ROWS),
          "lower the rows of the largest tables (or the per_parent counts), or split the plan");
    }
    for (Table t : v.plan.tables()) {
      for (int j = 0; j < t.columns().size(); j++) {
        if (t.columns().get(j).gen() instanceof ColumnGen.ForeignKey fk) {
          foreignKey(t, fk, v.tablePath(t) + ".columns[" + j + "]");
        }
      }
    }
  }

  private void perParent(Table t, ExpectedRows.Expectation e) {
    String path = v.tablePath(t) + ".per_parent";
    Shaped count = t.perParent().count();
    String parent = t.perParent().table();
    boolean bounded = true;
    double most = ChildCounts.reachableMax(count);
    if (most > PlanLimits.MAX_CHILDREN_PER_PARENT) {
      bounded = false;
      String at = count.max() != null ? path + ".count.max" : path + ".count";
      out.add(at, count.max() != null ? (Object) count.max() : count.distribution().type() + " reaching "
          + String.format(Locale.ROOT, "%,.0f", most), String.format(Locale.ROOT, "a parent row gets at most %,d "
          + "children; this count can reach %,.0f", PlanLimits.MAX_CHILDREN_PER_PARENT, most),
          count.max() != null ? "lower max to " + PlanLimits.MAX_CHILDREN_PER_PARENT + " or less"
              : "add \"max\": " + PlanLimits.MAX_CHILDREN_PER_PARENT + " (or less) to the count, or lower the "
                  + "distribution's parameters");
    }
    if (e.parents() > PlanLimits.MAX_PER_PARENT_PARENTS) {
      bounded = false;
      out.add(path + ".table", parent, String.format(Locale.ROOT, "%s has %,d rows; a table generated per parent "
          + "may have at most %,d parent rows", parent, e.parents(), PlanLimits.MAX_PER_PARENT_PARENTS),
          "lower the rows of " + parent + ", or generate " + t.name() + " with rows and a foreign_key to " + parent);
    }
    if (e.rows() > PlanLimits.MAX_ROWS) {
      bounded = false;
      out.add(path + ".count", String.format(Locale.ROOT, "%,d parents x %.4g children", e.parents(), e.mean()),
          String.format(Locale.ROOT, "%s would get about %,d rows; a table has at most %,d", t.name(),
              ExpectedRows.whole(e.rows()), PlanLimits.MAX_ROWS),
          "lower the count's distribution or the rows of " + parent);
    }
    if (bounded) {
      childIndexes(t, (long) most);
    }
    String rowsPath = v.tablePath(t) + ".rows";
    if (!bounded || out.anyAt(rowsPath)) {
      return;
    }
    double spread = 6 * e.sd() * Math.sqrt(e.parents());
    double estimate = e.exact() ? 0 : 6 * e.parents() * e.sd() / Math.sqrt(Math.max(1, e.drawn()))
        + ROWS_TOLERANCE * e.rows();
    double allowed = ROWS_TOLERANCE * e.rows() + spread + estimate + 1;
    if (Math.abs(t.rows() - e.rows()) > allowed) {
      long want = ExpectedRows.whole(e.rows());
      out.add(rowsPath, t.rows(), String.format(Locale.ROOT, "%s is generated per row of %s: %,d parents x %.4g "
          + "children on average make %s%,d rows, not %,d (rows of a table generated per parent is its expected "
          + "row count)", t.name(), parent, e.parents(), e.mean(), e.exact() ? "" : "about ", want, t.rows()),
          "set rows to " + want + ", or change per_parent.count or the rows of " + parent + " so that they make "
              + t.rows() + " rows");
    }
  }

  /** A child_index column counts from its start up to the largest count: the last index must fit its type. */
  private void childIndexes(Table t, long most) {
    for (int j = 0; j < t.columns().size(); j++) {
      Column c = t.columns().get(j);
      if (!(c.gen() instanceof ColumnGen.ChildIndex ci) || c.type() == null || !c.type().isIntegral() || most < 1) {
        continue;
      }
      long high = c.type().kind() == DataType.Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
      long low = c.type().kind() == DataType.Kind.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
      boolean fits = ci.start() >= low && ci.start() <= high - (most - 1);
      if (!fits) {
        out.add(v.tablePath(t) + ".columns[" + j + "].start", ci.start(), String.format(Locale.ROOT,
            "child indexes from %d up to %,d children leave the range of %s", ci.start(), most, c.type()),
            c.type().kind() == DataType.Kind.INT ? "lower start, or use type bigint" : "lower start");
      }
    }
  }

  private void foreignKey(Table t, ColumnGen.ForeignKey fk, String path) {
    String ref = fk.references();
    int dot = ref == null ? -1 : ref.indexOf('.');
    if (dot <= 0 || out.anyAt(path + ".references")) {
      return;
    }
    Table parent = v.tables.get(ref.substring(0, dot));
    ExpectedRows.Expectation e = parent == null ? null : expected.expect(parent);
    ExpectedRows.Expectation own = expected.expect(t);
    if (e == null || own != null && own.exact() && own.rows() == 0) {
      return; // unknown, or a table without rows writes no keys
    }
    boolean empty = e.exact() ? e.rows() == 0
        : parent.perParent() != null && ChildCounts.reachableMax(parent.perParent().count()) == 0;
    if (empty) {
      out.add(path + ".references", ref, parent.name() + " has 0 rows, so every key would be an orphan",
          "give " + parent.name() + " rows, or drop the foreign key (or make it a constant or NULL column)");
    } else if (fk.distribution() instanceof FkDistribution.Weighted
        && e.rows() > PlanLimits.MAX_WEIGHTED_PARENTS) {
      out.add(path + ".distribution", "weighted", String.format(Locale.ROOT, "a weighted foreign key weighs every "
          + "row of its parent; %s has %,d rows, at most %,d can be weighted", parent.name(),
          ExpectedRows.whole(e.rows()), PlanLimits.MAX_WEIGHTED_PARENTS),
          "use {\"type\": \"zipf\"} for a skew over more parents, or lower the rows of " + parent.name() + " to "
              + PlanLimits.MAX_WEIGHTED_PARENTS + " or less");
    }
  }
}
