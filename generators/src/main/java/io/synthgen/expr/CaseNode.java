package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * CASE WHEN c1 THEN v1 ... ELSE e END (also IF and NULLIF). A NULL condition counts as false. Every operand is
 * evaluated over the whole batch (no per-row branching), which is correct because evaluation has no side effects.
 */
final class CaseNode extends Node {

  private final List<Node> conditions;
  private final List<Node> values;
  private final Merge merge;

  /** {@code values} has one more element than {@code conditions}: the ELSE value. All values have {@code type}. */
  CaseNode(DataType type, List<Node> conditions, List<Node> values) {
    super(type, concat(conditions, values));
    this.conditions = List.copyOf(conditions);
    this.values = List.copyOf(values);
    this.merge = new Merge(type, values);
  }

  private static List<Node> concat(List<Node> a, List<Node> b) {
    List<Node> r = new ArrayList<>(a);
    r.addAll(b);
    return r;
  }

  @Override
  Interval range(RangeEnv env) {
    Interval r = Interval.empty();
    for (Node v : values) {
      r = r.hull(env.range(v));
    }
    return r;
  }

  /** Spark's CASE: a NULL condition counts as false, and only the chosen branch is evaluated. */
  @Override
  String sql(SqlScope scope) {
    StringBuilder b = new StringBuilder("CASE");
    for (int k = 0; k < conditions.size(); k++) {
      b.append(" WHEN ").append(conditions.get(k).sql(scope)).append(" THEN ").append(values.get(k).sql(scope));
    }
    return b.append(" ELSE ").append(values.get(values.size() - 1).sql(scope)).append(" END").toString();
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    int[] choice = new int[n];
    java.util.Arrays.fill(choice, values.size() - 1);
    boolean[] decided = new boolean[n];
    for (int k = 0; k < conditions.size(); k++) {
      BoolVec c = (BoolVec) conditions.get(k).eval(in);
      for (int i = 0; i < n; i++) {
        if (!decided[i] && c.values[i] && !c.isNull(i)) {
          decided[i] = true;
          choice[i] = k;
        }
      }
    }
    Vec[] sources = new Vec[values.size()];
    if (!merge.constant()) {
      for (int k = 0; k < sources.length; k++) {
        sources[k] = values.get(k).eval(in);
      }
    }
    return merge.pick(sources, choice, n);
  }
}
