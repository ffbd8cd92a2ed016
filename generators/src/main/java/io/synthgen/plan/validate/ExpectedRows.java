package io.synthgen.plan.validate;

import io.synthgen.plan.PerParent;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rows each table of a plan is expected to get, without laying anything out: an independent table's rows, and
 * for a table generated per parent its parent's expected rows times the mean child count (drawn for the first
 * {@value ChildCounts#SAMPLE} parents exactly as the resolver draws them). Cheap whatever the row counts: a few
 * thousand draws per table generated per parent.
 */
public final class ExpectedRows {

  /**
   * One table's expectation. {@code exact} when the count was drawn for every parent of a table whose own rows are
   * exact, so {@code rows} is what a run writes.
   */
  record Expectation(double rows, double mean, double sd, long drawn, long parents, boolean exact) {
  }

  private final Plan plan;
  private final Predicate<Table> usable;
  private final Map<String, Table> byName = new LinkedHashMap<>();
  private final Map<String, Expectation> done = new LinkedHashMap<>();
  private final Set<String> visiting = new HashSet<>();

  private ExpectedRows(Plan plan, Predicate<Table> usable) {
    this.plan = plan;
    this.usable = usable;
    for (Table t : plan.tables()) {
      if (t.name() != null) {
        byName.putIfAbsent(t.name(), t);
      }
    }
  }

  /**
   * Expected rows per table of a valid plan, in plan order (a table's expected rows rounded to a whole number,
   * {@link Long#MAX_VALUE} when they overflow).
   */
  public static Map<String, Long> of(Plan plan) {
    ExpectedRows e = new ExpectedRows(plan, t -> true);
    Map<String, Long> out = new LinkedHashMap<>();
    for (Table t : plan.tables()) {
      Expectation x = e.expect(t);
      if (x != null) {
        out.put(t.name(), whole(x.rows()));
      }
    }
    return out;
  }

  /** The expected rows of all tables of a valid plan together, saturating at {@link Long#MAX_VALUE}. */
  public static long total(Plan plan) {
    double sum = 0;
    for (long n : of(plan).values()) {
      sum += n;
    }
    return whole(sum);
  }

  /** For the validator: expectations of the tables whose per_parent (and those of their ancestors) is valid. */
  static ExpectedRows forValidation(Plan plan, Predicate<Table> usable) {
    return new ExpectedRows(plan, usable);
  }

  static long whole(double rows) {
    return rows >= 0x1p63 ? Long.MAX_VALUE : Math.round(rows);
  }

  /** The expectation of {@code t}, or null when it cannot be known (unknown parent, invalid count, a cycle). */
  Expectation expect(Table t) {
    if (t == null || t.name() == null) {
      return null;
    }
    Expectation known = done.get(t.name());
    if (known != null || done.containsKey(t.name())) {
      return known;
    }
    PerParent pp = t.perParent();
    if (pp == null) {
      Expectation e = t.rows() < 0 || t.rows() > PlanLimits.MAX_ROWS ? null
          : new Expectation(t.rows(), 0, 0, 0, 0, true);
      done.put(t.name(), e);
      return e;
    }
    if (!usable.test(t) || pp.table() == null || !visiting.add(t.name())) {
      return null;
    }
    Expectation parent;
    try {
      parent = expect(byName.get(pp.table()));
    } finally {
      visiting.remove(t.name());
    }
    Expectation e = null;
    if (parent != null) {
      long parents = whole(parent.rows());
      ChildCounts.Estimate c = ChildCounts.estimate(plan.seed(), t.name(), pp.count(), parents);
      e = new Expectation(parent.rows() * c.mean(), c.mean(), c.sd(), c.drawn(), parents,
          parent.exact() && c.drawn() == parents);
    }
    done.put(t.name(), e);
    return e;
  }
}
