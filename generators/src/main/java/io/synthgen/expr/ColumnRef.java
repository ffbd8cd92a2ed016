package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.vec.Vec;
import java.util.List;

/** A column of the same table ({@code name}) or a parent lookup ({@code table.column}). */
final class ColumnRef extends Node {

  final String name;

  ColumnRef(String name, DataType type) {
    super(type, List.of());
    this.name = name;
  }

  @Override
  Vec eval(ExprInput in) {
    Vec v = in.column(name);
    if (v == null) {
      throw new IllegalStateException("the batch has no column '" + name + "' that the expression reads");
    }
    if (v.size() < in.size()) {
      throw new IllegalStateException("column '" + name + "' has " + v.size() + " values for " + in.size() + " rows");
    }
    return v;
  }

  @Override
  Interval range(RangeEnv env) {
    return env.column(name, type);
  }

  @Override
  boolean isConstant() {
    return false;
  }
}
