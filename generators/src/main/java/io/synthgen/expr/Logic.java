package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.Vec;
import java.util.List;

/** AND, OR, NOT with SQL's three-valued logic, and IS [NOT] NULL / IS [NOT] TRUE|FALSE, which are never NULL. */
final class Logic extends Node {

  enum Op { AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE }

  private final Op op;

  Logic(Op op, List<Node> operands) {
    super(DataType.BOOLEAN, operands);
    this.op = op;
  }

  @Override
  String sql(SqlScope scope) {
    String a = children.get(0).sql(scope);
    return switch (op) {
      case AND -> "(" + a + " AND " + children.get(1).sql(scope) + ")";
      case OR -> "(" + a + " OR " + children.get(1).sql(scope) + ")";
      case NOT -> "(NOT " + a + ")";
      case IS_NULL -> "(" + a + " IS NULL)";
      case IS_NOT_NULL -> "(" + a + " IS NOT NULL)";
      case IS_TRUE -> "coalesce(" + a + ", FALSE)";
      case IS_NOT_TRUE -> "(NOT coalesce(" + a + ", FALSE))";
      case IS_FALSE -> "coalesce(NOT " + a + ", FALSE)";
      case IS_NOT_FALSE -> "coalesce(" + a + ", TRUE)";
    };
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    Vec a = children.get(0).eval(in);
    boolean[] r = new boolean[n];
    switch (op) {
      case AND, OR -> {
        BoolVec x = (BoolVec) a;
        BoolVec y = (BoolVec) children.get(1).eval(in);
        boolean[] nulls = null;
        boolean and = op == Op.AND;
        for (int i = 0; i < n; i++) {
          boolean xn = x.isNull(i);
          boolean yn = y.isNull(i);
          // The dominant value (false for AND, true for OR) decides even when the other side is NULL.
          boolean xd = !xn && x.values[i] != and;
          boolean yd = !yn && y.values[i] != and;
          if (xd || yd) {
            r[i] = !and;
          } else if (xn || yn) {
            if (nulls == null) {
              nulls = new boolean[n];
            }
            nulls[i] = true;
          } else {
            r[i] = and;
          }
        }
        return Vecs.bools(r, nulls, n);
      }
      case NOT -> {
        boolean[] v = ((BoolVec) a).values;
        for (int i = 0; i < n; i++) {
          r[i] = !v[i];
        }
        return Vecs.bools(r, Vecs.copy(a.nulls()), n);
      }
      case IS_NULL, IS_NOT_NULL -> {
        boolean want = op == Op.IS_NULL;
        for (int i = 0; i < n; i++) {
          r[i] = a.isNull(i) == want;
        }
        return Vecs.bools(r, null, n);
      }
      default -> {
        BoolVec x = (BoolVec) a;
        boolean target = op == Op.IS_TRUE || op == Op.IS_NOT_TRUE;
        boolean negate = op == Op.IS_NOT_TRUE || op == Op.IS_NOT_FALSE;
        for (int i = 0; i < n; i++) {
          r[i] = (!x.isNull(i) && x.values[i] == target) != negate;
        }
        return Vecs.bools(r, null, n);
      }
    }
  }
}
