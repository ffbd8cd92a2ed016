package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.Vec;
import java.util.List;

/** A column of the same table ({@code name}) or a parent lookup ({@code table.column}). */
final class ColumnRef extends Node {

  final String name;
  /** For a parent lookup, the foreign key column it reads the parent row through (null when not known). */
  private final String via;

  ColumnRef(String name, DataType type) {
    this(name, type, null);
  }

  ColumnRef(String name, DataType type, String via) {
    super(type, List.of());
    this.name = name;
    this.via = via;
  }

  @Override
  String sql(SqlScope scope) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      return scope.column(name);
    }
    if (via == null) {
      throw new IllegalStateException("'" + name + "' has no foreign key to read its parent row through: the "
          + "expression was compiled with an ExprScope that does not answer foreignKeyTo");
    }
    return scope.parentColumn(via, name.substring(dot + 1));
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
