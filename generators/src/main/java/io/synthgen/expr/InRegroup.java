package io.synthgen.expr;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.InExpression;

/**
 * Repairs how JSqlParser reads an IN list followed by more operators: {@code a IN (1, 7) OR b < 7} comes back as
 * {@code a IN ((1, 7) OR b < 7)}, everything after the list swallowed into the IN's right side. The operands and
 * operators along the expression's right spine, the IN (with its list) and the swallowed tail are laid out in order
 * again and regrouped by SQL precedence (OR, AND, comparison, ||, + -, * / %), as a correct parser would have.
 */
final class InRegroup {

  private InRegroup() {
  }

  /** The expression with such an IN regrouped, or {@code e} itself when there is none on its right spine. */
  static Expression fix(Expression e) {
    List<BinaryExpression> outer = new ArrayList<>();
    Expression node = e;
    while (node instanceof BinaryExpression b && precedence(b) > 0) {
      outer.add(b);
      node = b.getRightExpression();
    }
    boolean not = false;
    if (node instanceof NotExpression n && n.getExpression() instanceof InExpression) {
      not = true;
      node = n.getExpression();
    }
    if (!(node instanceof InExpression in && in.getRightExpression() instanceof BinaryExpression tail
        && precedence(tail) > 0)) {
      return e;
    }
    List<Expression> operands = new ArrayList<>();
    List<BinaryExpression> ops = new ArrayList<>();
    for (BinaryExpression b : outer) {
      operands.add(b.getLeftExpression());
      ops.add(b);
    }
    int first = operands.size();
    flatten(tail, operands, ops);
    InExpression fixed = new InExpression(in.getLeftExpression(), operands.get(first));
    fixed.setNot(in.isNot());
    operands.set(first, not ? new NotExpression(fixed) : fixed);
    return regroup(operands, ops);
  }

  private static void flatten(Expression e, List<Expression> operands, List<BinaryExpression> ops) {
    if (e instanceof BinaryExpression b && precedence(b) > 0) {
      flatten(b.getLeftExpression(), operands, ops);
      ops.add(b);
      flatten(b.getRightExpression(), operands, ops);
    } else {
      operands.add(e);
    }
  }

  /** Operator precedence parsing over the laid-out sequence; each operator node is reused once. */
  private static Expression regroup(List<Expression> operands, List<BinaryExpression> ops) {
    List<Expression> values = new ArrayList<>();
    List<BinaryExpression> pending = new ArrayList<>();
    values.add(operands.get(0));
    for (int i = 0; i < ops.size(); i++) {
      BinaryExpression op = ops.get(i);
      while (!pending.isEmpty() && precedence(pending.get(pending.size() - 1)) >= precedence(op)) {
        reduce(values, pending);
      }
      pending.add(op);
      values.add(operands.get(i + 1));
    }
    while (!pending.isEmpty()) {
      reduce(values, pending);
    }
    return values.get(0);
  }

  private static void reduce(List<Expression> values, List<BinaryExpression> pending) {
    BinaryExpression op = pending.remove(pending.size() - 1);
    Expression right = values.remove(values.size() - 1);
    Expression left = values.remove(values.size() - 1);
    op.setLeftExpression(left);
    op.setRightExpression(right);
    values.add(op);
  }

  /** SQL binding strength; 0 for expressions that are not infix operators handled here. */
  private static int precedence(BinaryExpression b) {
    if (b instanceof OrExpression || b instanceof XorExpression) {
      return 1;
    }
    if (b instanceof AndExpression) {
      return 2;
    }
    if (b instanceof ComparisonOperator) {
      return 4;
    }
    if (b instanceof Concat) {
      return 5;
    }
    if (b instanceof Addition || b instanceof Subtraction) {
      return 6;
    }
    if (b instanceof Multiplication || b instanceof Division || b instanceof Modulo || b instanceof IntegerDivision) {
      return 7;
    }
    return 0;
  }
}
