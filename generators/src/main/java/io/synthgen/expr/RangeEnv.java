package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.plan.reach.TypeRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One reachability walk over a compiled tree: every node's range is computed once, children first (so every
 * intermediate value is checked, conditions included), from the ranges of the columns the expression reads.
 * Recursion is bounded by {@link ExprLimits#MAX_TREE_DEPTH}.
 */
final class RangeEnv {

  private final Function<String, Interval> columns;
  private final Map<Node, Interval> memo = new IdentityHashMap<>();
  private final Set<String> problems = new LinkedHashSet<>();

  RangeEnv(Function<String, Interval> columns) {
    this.columns = columns;
  }

  /** The range of a node's values (NULLs aside). */
  Interval range(Node n) {
    Interval r = memo.get(n);
    if (r == null) {
      for (Node c : n.children) {
        range(c);
      }
      r = n.range(this);
      memo.put(n, r);
    }
    return r;
  }

  /** The range of a column the expression reads; its type's whole range when the plan does not bound it. */
  Interval column(String name, DataType type) {
    Interval r = columns.apply(name);
    return r != null ? r : TypeRange.of(type, "the range of '" + name + "' is not known");
  }

  /**
   * {@code r} when every value fits {@code type}, else a problem saying that {@code what} leaves the type (and the
   * part of {@code r} inside the type, so one overflow is reported once).
   */
  Interval within(Interval r, DataType type, String what, String fix) {
    if (TypeRange.fits(r, type)) {
      return r;
    }
    Interval t = TypeRange.of(type, null);
    problems.add(what + " can reach " + TypeRange.render(r, type) + ", outside the " + type + " range "
        + TypeRange.render(t, type) + assumedNote(r) + "; " + fix);
    return r.isText() ? Interval.text(t.maxLength()) : r.clamp(t.lo(), t.hi());
  }

  static String assumedNote(Interval r) {
    return r.assumed() == null ? "" : " (" + r.assumed() + ", so the whole range of its type is assumed)";
  }

  List<String> problems() {
    return new ArrayList<>(problems);
  }
}
