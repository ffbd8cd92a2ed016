package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
import java.util.ArrayList;
import java.util.List;

/** Type checking and construction of operator nodes; problems go to the translator. */
final class Operators {

  private final Translator t;

  Operators(Translator t) {
    this.t = t;
  }

  Node arithmetic(Arith.Op op, String symbol, Node a, Node b) {
    if (a.failed() || b.failed()) {
      return Node.failure();
    }
    if (a.isNullType() || b.isNullType()) {
      DataType other = a.isNullType() ? b.type : a.type;
      if (other == null) {
        return Const.untypedNull();
      }
      return Const.nullOf(op == Arith.Op.DIV || !other.isNumeric() ? DataType.DOUBLE : Types.arithmetic(other));
    }
    if ((op == Arith.Op.ADD || op == Arith.Op.SUB) && (a.type.isTemporal() || b.type.isTemporal())) {
      return temporal(op, symbol, a, b);
    }
    if (!a.type.isNumeric() || !b.type.isNumeric()) {
      String hint = a.type.kind() == Kind.STRING || b.type.kind() == Kind.STRING
          ? (op == Arith.Op.ADD ? "; join strings with || or concat()" : "; CAST the string to a number first")
          : "";
      return t.problem("operator '" + symbol + "' needs numbers, got " + Types.name(a.type) + " and "
          + Types.name(b.type) + hint);
    }
    if (op == Arith.Op.DIV) {
      return fold(new Arith(op, CastNode.of(a, DataType.DOUBLE), CastNode.of(b, DataType.DOUBLE), DataType.DOUBLE));
    }
    DataType common = Types.common(Types.arithmetic(a.type), Types.arithmetic(b.type));
    if (common.kind() == Kind.DECIMAL && op == Arith.Op.MUL) {
      int sa = a.type.kind() == Kind.DECIMAL ? a.type.scale() : 0;
      int sb = b.type.kind() == Kind.DECIMAL ? b.type.scale() : 0;
      if (sa + sb <= DataType.MAX_DECIMAL_PRECISION) {
        return fold(new Arith(op, CastNode.of(a, Types.decimal(sa)), CastNode.of(b, Types.decimal(sb)),
            Types.decimal(sa + sb)));
      }
      common = DataType.DOUBLE;
    }
    return fold(new Arith(op, CastNode.of(a, common), CastNode.of(b, common), common));
  }

  private Node temporal(Arith.Op op, String symbol, Node a, Node b) {
    if (a.type.kind() == Kind.DATE && b.type.isIntegral()) {
      return t.functions().call("date_" + (op == Arith.Op.ADD ? "add" : "sub"), List.of(a, b));
    }
    if (op == Arith.Op.ADD && a.type.isIntegral() && b.type.kind() == Kind.DATE) {
      return t.functions().call("date_add", List.of(b, a));
    }
    if (op == Arith.Op.SUB && a.type.isTemporal() && b.type.isTemporal()) {
      return t.problem("operator '-' between " + a.type + " and " + b.type
          + " is not supported; use datediff(end, start) for days between dates");
    }
    return t.problem("operator '" + symbol + "' between " + a.type + " and " + b.type + " is not supported; use "
        + "date_add(d, days), date_sub(d, days), add_months(d, months) or timestamp_add_seconds(ts, seconds)");
  }

  Node negate(Node a) {
    if (a.failed() || a.isNullType()) {
      return a;
    }
    if (!a.type.isNumeric()) {
      return t.problem("unary '-' needs a number, got " + a.type);
    }
    DataType at = Types.arithmetic(a.type);
    Const zero = new Const(at, at.kind() == Kind.DOUBLE ? (Object) 0.0 : (Object) 0L);
    return fold(new Arith(Arith.Op.SUB, zero, CastNode.of(a, at), at));
  }

  /** a DIV b: integer division truncating toward zero, NULL when b is 0. */
  Node integerDivision(Node a, Node b) {
    if (a.failed() || b.failed()) {
      return Node.failure();
    }
    if (a.isNullType() || b.isNullType()) {
      return Const.nullOf(DataType.BIGINT);
    }
    if (!a.type.isIntegral() || !b.type.isIntegral()) {
      return t.problem("operator 'DIV' needs integers, got " + a.type + " and " + b.type
          + "; use floor(a / b) or CAST(a / b AS BIGINT) for other numbers");
    }
    Node div = MapNodes.longs2(DataType.BIGINT, a, b, (x, y) -> y == 0 ? DecimalMath.OVERFLOW : x / y,
        (x, y) -> "(CAST(" + x + " AS BIGINT) DIV NULLIF(CAST(" + y + " AS BIGINT), 0L))");
    return fold(new Ranged(div, List.of(a, b), (r, env) -> RangeRules.integerQuotient(r.get(0), r.get(1)), false));
  }

  Node compare(Compare.Op op, Node a, Node b) {
    if (a.failed() || b.failed()) {
      return Node.failure();
    }
    if (a.isNullType() || b.isNullType()) {
      return Const.nullOf(DataType.BOOLEAN);
    }
    DataType common = comparable(a, b);
    if (common == null) {
      return t.problem("cannot compare " + a.type + " with " + b.type + " using '" + op.symbol
          + "'; CAST one side to the other's type");
    }
    Node x = castConstant(a, common);
    Node y = castConstant(b, common);
    if (x.failed() || y.failed()) {
      return Node.failure();
    }
    return fold(Compare.of(op, x, y));
  }

  /** The type two operands are compared as; a string constant compares as the date or timestamp beside it. */
  DataType comparable(Node a, Node b) {
    DataType common = Types.common(a.type, b.type);
    if (common == null && a.type.kind() == Kind.STRING && b.type.isTemporal() && a.isConstant()) {
      return b.type;
    }
    if (common == null && b.type.kind() == Kind.STRING && a.type.isTemporal() && b.isConstant()) {
      return a.type;
    }
    return common;
  }

  /** Casts, reporting a string constant that does not parse as the date or timestamp it is compared with. */
  Node castConstant(Node n, DataType to) {
    Node r = CastNode.of(n, to);
    if (n.type != null && n.type.kind() == Kind.STRING && to.kind() != Kind.STRING && r instanceof Const c
        && c.value == null && Const.fold(n).value != null) {
      String hint = to.kind() == Kind.DATE ? " (write yyyy-MM-dd)"
          : to.kind() == Kind.TIMESTAMP ? " (write yyyy-MM-dd HH:mm:ss)" : "";
      return t.problem("'" + Const.fold(n).value + "' is not a valid " + to + hint);
    }
    return r;
  }

  Node logic(Logic.Op op, String word, List<Node> operands) {
    List<Node> cast = new ArrayList<>();
    boolean failed = false;
    for (Node n : operands) {
      if (n.failed()) {
        failed = true;
      } else if (n.isNullType()) {
        cast.add(Const.nullOf(DataType.BOOLEAN));
      } else if (n.type.kind() != Kind.BOOLEAN && op != Logic.Op.IS_NULL && op != Logic.Op.IS_NOT_NULL) {
        t.problem("'" + word + "' needs a boolean condition, got " + n.type
            + "; compare it, e.g. x = 1 or x IS NOT NULL");
        failed = true;
      } else {
        cast.add(n);
      }
    }
    return failed ? Node.failure() : fold(new Logic(op, cast));
  }

  /** a || b || ...: any type is converted to its string form; NULL when any part is NULL. */
  Node concat(List<Node> parts) {
    List<Node> strings = new ArrayList<>();
    for (Node p : parts) {
      if (p.failed()) {
        return Node.failure();
      }
      strings.add(CastNode.of(p, DataType.STRING));
    }
    return checkedFold(t, new ConcatNode(strings, null), ConcatNode.constantLength(strings, null));
  }

  /** Folds a join of constants only when its length, computed first, is within the string limit. */
  static Node checkedFold(Translator t, Node join, long constantLength) {
    if (join.isConstant() && constantLength > ExprLimits.MAX_STRING_LENGTH) {
      return t.problem("joining these constants gives " + constantLength + " characters, more than the limit of "
          + ExprLimits.MAX_STRING_LENGTH + "; use shorter constants");
    }
    return fold(join);
  }

  /** Folds a node whose inputs are all constant into a literal. */
  static Node fold(Node n) {
    return n.isConstant() && !(n instanceof Const) ? Const.fold(n) : n;
  }
}
