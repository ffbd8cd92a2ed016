package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.plan.reach.TypeRange;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.Vec;
import java.util.List;

/**
 * A typed node of a compiled expression. {@link #eval} computes the node over a whole batch into a fresh vector
 * (never one of the input's vectors, except {@link ColumnRef}, whose result callers must not modify).
 *
 * <p>{@link #type} is null for the untyped NULL literal (it coerces to any type) and for nodes that failed to
 * compile ({@link #failed}); checks on a failed operand are skipped so one mistake yields one message.
 */
abstract class Node {

  final DataType type;
  final List<Node> children;

  Node(DataType type, List<Node> children) {
    this.type = type;
    this.children = List.copyOf(children);
  }

  abstract Vec eval(ExprInput in);

  /**
   * The node as a Spark SQL expression of {@link #type} (its Spark type, {@link SqlOps#type}), equal to {@link #eval}
   * cell for cell, with ANSI mode on or off and in any session time zone.
   */
  abstract String sql(SqlScope scope);

  /**
   * A decimal node's SQL at the narrowest decimal type that holds its values ({@link DecimalSql}), for decimal
   * arithmetic to compose; by default the node's {@link #sql} at its own type.
   */
  DecimalSql decimalSql(SqlScope scope) {
    return DecimalSql.of(sql(scope), type);
  }

  /**
   * The node as an expression's final value, which goes to writers rather than to other nodes: the same values as
   * {@link #eval}, but string nodes may answer in UTF-8 layout.
   */
  Vec evalOutput(ExprInput in) {
    return eval(in);
  }

  /** True when the value depends on no column and no random draw, so it can be folded at compile time. */
  boolean isConstant() {
    for (Node c : children) {
      if (!c.isConstant()) {
        return false;
      }
    }
    return true;
  }

  boolean failed() {
    return false;
  }

  /**
   * The values this node can take (NULLs aside), given its children's ranges from {@code env}; nodes whose values
   * synthgen does not track answer their type's whole range, marked as assumed.
   */
  Interval range(RangeEnv env) {
    if (type == null) {
      return Interval.empty();
    }
    return TypeRange.of(type, "a value synthgen does not bound");
  }

  /** True for the untyped NULL literal. */
  final boolean isNullType() {
    return type == null && !failed();
  }

  /** A node standing for a part that did not compile; never evaluated because compilation then fails. */
  static Node failure() {
    return new Node(null, List.of()) {
      @Override
      Vec eval(ExprInput in) {
        throw new IllegalStateException("a failed expression part was evaluated");
      }

      @Override
      String sql(SqlScope scope) {
        throw new IllegalStateException("a failed expression part was translated to SQL");
      }

      @Override
      boolean isConstant() {
        return false;
      }

      @Override
      boolean failed() {
        return true;
      }
    };
  }
}
