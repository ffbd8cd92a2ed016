package io.synthgen.expr;

import io.synthgen.plan.reach.Interval;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * A function's result with the rule that bounds its values from its arguments' ranges. Evaluation is the wrapped
 * node's, unchanged; only {@link #range} is added.
 */
final class Ranged extends Node {

  /** The result's range from the arguments' ranges (as the function's builder converted them). */
  interface Rule {
    Interval apply(List<Interval> args, RangeEnv env);
  }

  private final Node inner;
  private final List<Node> inputs;
  private final Rule rule;
  private final boolean skipsNulls;

  /** {@code skipsNulls}: the function skips NULL arguments (coalesce, least...) instead of giving NULL. */
  Ranged(Node inner, List<Node> inputs, Rule rule, boolean skipsNulls) {
    super(inner.type, List.of(inner));
    this.inner = inner;
    this.inputs = List.copyOf(inputs);
    this.rule = rule;
    this.skipsNulls = skipsNulls;
  }

  @Override
  Vec eval(ExprInput in) {
    return inner.eval(in);
  }

  @Override
  String sql(SqlScope scope) {
    return inner.sql(scope);
  }

  @Override
  DecimalSql decimalSql(SqlScope scope) {
    return inner.decimalSql(scope);
  }

  @Override
  Vec evalOutput(ExprInput in) {
    return inner.evalOutput(in);
  }

  @Override
  boolean isConstant() {
    return inner.isConstant();
  }

  @Override
  Interval range(RangeEnv env) {
    List<Interval> args = new ArrayList<>();
    for (Node n : inputs) {
      args.add(env.range(n));
    }
    for (Interval a : args) {
      if (a.isEmpty() && !skipsNulls) {
        return Interval.empty(); // a NULL argument: the function is NULL
      }
    }
    return rule.apply(args, env);
  }
}
