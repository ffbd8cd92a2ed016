package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Walks a parsed expression into typed {@link Node}s, checking names and types and collecting every problem rather
 * than stopping at the first. Operators live in {@link Operators}, functions in the {@code *Functions} families,
 * literals and names in {@link Literals}.
 */
final class Translator {

  static final String ALLOWED = "expressions may use columns, parent_table.column lookups, literals, + - * / % ||, "
      + "comparisons, AND/OR/NOT, IS [NOT] NULL, BETWEEN, IN (list), LIKE, CASE, CAST and the functions listed in "
      + "docs/expressions.md";

  private final ExprScope scope;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> references = new LinkedHashSet<>();
  private final Operators operators = new Operators(this);
  private final Functions functions = new Functions(this);
  private final Literals literals = new Literals(this);
  private int randomCalls;

  Translator(ExprScope scope) {
    this.scope = scope;
  }

  ExprScope scope() {
    return scope;
  }

  Operators operators() {
    return operators;
  }

  Functions functions() {
    return functions;
  }

  List<String> problems() {
    return problems;
  }

  Set<String> references() {
    return Collections.unmodifiableSet(references);
  }

  void reference(String name) {
    references.add(name);
  }

  Node problem(String message) {
    problems.add(message);
    return Node.failure();
  }

  Node visit(Expression e) {
    if (e == null) {
      // JSqlParser leaves some operands null (trim() without an argument): a problem, not a NullPointerException
      return problem("a function or operator is missing an operand; " + ALLOWED);
    }
    e = InRegroup.fix(e);
    if (e instanceof ParenthesedExpressionList<?> p) {
      return p.size() == 1 ? visit(p.get(0))
          : problem("a list '" + e + "' cannot stand as a value; lists only follow IN");
    }
    Node literal = literals.literal(e);
    if (literal != null) {
      return literal;
    }
    if (e instanceof Column c) {
      return literals.column(c);
    }
    if (e instanceof Function f) {
      return function(f);
    }
    if (e instanceof SignedExpression s) {
      if (s.getSign() == '+') {
        return visit(s.getExpression());
      }
      if (s.getSign() == '-') {
        Node neg = literals.negativeLiteral(s.getExpression());
        return neg != null ? neg : operators.negate(visit(s.getExpression()));
      }
      return problem("operator '" + s.getSign() + "' is not supported; " + ALLOWED);
    }
    if (e instanceof Addition b) {
      return operators.arithmetic(Arith.Op.ADD, "+", visit(b.getLeftExpression()), visit(b.getRightExpression()));
    }
    if (e instanceof Subtraction b) {
      return operators.arithmetic(Arith.Op.SUB, "-", visit(b.getLeftExpression()), visit(b.getRightExpression()));
    }
    if (e instanceof Multiplication b) {
      return operators.arithmetic(Arith.Op.MUL, "*", visit(b.getLeftExpression()), visit(b.getRightExpression()));
    }
    if (e instanceof Division b) {
      return operators.arithmetic(Arith.Op.DIV, "/", visit(b.getLeftExpression()), visit(b.getRightExpression()));
    }
    if (e instanceof Modulo b) {
      return operators.arithmetic(Arith.Op.MOD, "%", visit(b.getLeftExpression()), visit(b.getRightExpression()));
    }
    if (e instanceof IntegerDivision b) {
      return operators.integerDivision(visit(b.getLeftExpression()), visit(b.getRightExpression()));
    }
    if (e instanceof Concat) {
      List<Node> parts = new ArrayList<>();
      flattenConcat(e, parts);
      return operators.concat(parts);
    }
    Compare.Op cmp = comparison(e);
    if (cmp != null) {
      var b = (net.sf.jsqlparser.expression.BinaryExpression) e;
      return operators.compare(cmp, visit(b.getLeftExpression()), visit(b.getRightExpression()));
    }
    if (e instanceof AndExpression a) {
      return operators.logic(Logic.Op.AND, "AND", List.of(visit(a.getLeftExpression()), visit(a.getRightExpression())));
    }
    if (e instanceof OrExpression o) {
      return operators.logic(Logic.Op.OR, "OR", List.of(visit(o.getLeftExpression()), visit(o.getRightExpression())));
    }
    if (e instanceof NotExpression n) {
      return operators.logic(Logic.Op.NOT, "NOT", List.of(visit(n.getExpression())));
    }
    if (e instanceof IsNullExpression n) {
      return operators.logic(n.isNot() ? Logic.Op.IS_NOT_NULL : Logic.Op.IS_NULL, "IS NULL",
          List.of(visit(n.getLeftExpression())));
    }
    if (e instanceof IsBooleanExpression b) {
      Logic.Op op = b.isTrue() ? (b.isNot() ? Logic.Op.IS_NOT_TRUE : Logic.Op.IS_TRUE)
          : (b.isNot() ? Logic.Op.IS_NOT_FALSE : Logic.Op.IS_FALSE);
      return operators.logic(op, "IS TRUE/FALSE", List.of(visit(b.getLeftExpression())));
    }
    if (e instanceof Between b) {
      return between(b);
    }
    if (e instanceof InExpression in) {
      return in(in);
    }
    if (e instanceof LikeExpression l) {
      return Predicates.like(this, l);
    }
    if (e instanceof CaseExpression c) {
      return caseWhen(c);
    }
    if (e instanceof CastExpression c) {
      return literals.cast(c);
    }
    if (e instanceof ExtractExpression x) {
      return extract(x);
    }
    if (e instanceof TrimFunction t) {
      if (t.getTrimSpecification() != null || t.getFromExpression() != null || t.isUsingFromKeyword()) {
        return problem("'" + e + "' is not supported; use trim(s), ltrim(s) or rtrim(s) for spaces and "
            + "regexp_replace(s, '^x+|x+$', '') for other characters");
      }
      return call("trim", List.of(visit(t.getExpression())));
    }
    return unsupported(e);
  }

  private Node unsupported(Expression e) {
    if (e instanceof TimeKeyExpression) {
      return problem(Predicates.noCurrentTime(e.toString()));
    }
    if (e instanceof AnalyticExpression) {
      return problem("window function '" + e + "' is not supported: an expression computes one row from that row's "
          + "values and its parent's; " + ALLOWED);
    }
    if (e instanceof Select || e instanceof ExistsExpression || e instanceof AnyComparisonExpression) {
      return problem("subquery '" + e + "' is not supported; read a parent's column through the foreign key as "
          + "parent_table.column");
    }
    if (e instanceof IntervalExpression) {
      return problem("INTERVAL is not supported; use date_add(d, days), add_months(d, months) or "
          + "timestamp_add_seconds(ts, seconds)");
    }
    if (e instanceof JdbcParameter || e instanceof JdbcNamedParameter || e instanceof UserVariable) {
      return problem("parameter or variable '" + e + "' is not supported; write the value as a literal");
    }
    return problem("'" + e + "' (" + e.getClass().getSimpleName() + ") is not supported; " + ALLOWED);
  }

  private static Compare.Op comparison(Expression e) {
    if (e instanceof EqualsTo) {
      return Compare.Op.EQ;
    }
    if (e instanceof NotEqualsTo) {
      return Compare.Op.NE;
    }
    if (e instanceof MinorThan) {
      return Compare.Op.LT;
    }
    if (e instanceof MinorThanEquals) {
      return Compare.Op.LE;
    }
    if (e instanceof GreaterThan) {
      return Compare.Op.GT;
    }
    if (e instanceof GreaterThanEquals) {
      return Compare.Op.GE;
    }
    return null;
  }

  private void flattenConcat(Expression e, List<Node> parts) {
    if (e instanceof Concat c) {
      flattenConcat(c.getLeftExpression(), parts);
      flattenConcat(c.getRightExpression(), parts);
    } else {
      parts.add(visit(e));
    }
  }

  private Node between(Between b) {
    Node x = visit(b.getLeftExpression());
    Node lo = visit(b.getBetweenExpressionStart());
    Node hi = visit(b.getBetweenExpressionEnd());
    Node r = operators.logic(Logic.Op.AND, "BETWEEN",
        List.of(operators.compare(Compare.Op.GE, x, lo), operators.compare(Compare.Op.LE, x, hi)));
    return b.isNot() ? operators.logic(Logic.Op.NOT, "NOT", List.of(r)) : r;
  }

  private Node in(InExpression in) {
    Node x = visit(in.getLeftExpression());
    Expression right = in.getRightExpression();
    if (!(right instanceof ExpressionList<?> list)) {
      return unsupported(right);
    }
    Node any = null;
    for (Expression item : list) {
      Node eq = operators.compare(Compare.Op.EQ, x, visit(item));
      any = any == null ? eq : operators.logic(Logic.Op.OR, "IN", List.of(any, eq));
    }
    if (any == null) {
      return problem("IN needs at least one value");
    }
    return in.isNot() ? operators.logic(Logic.Op.NOT, "NOT IN", List.of(any)) : any;
  }

  private Node caseWhen(CaseExpression c) {
    Node subject = c.getSwitchExpression() == null ? null : visit(c.getSwitchExpression());
    List<Node> conditions = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    for (WhenClause w : c.getWhenClauses()) {
      Node when = visit(w.getWhenExpression());
      if (subject != null) {
        when = operators.compare(Compare.Op.EQ, subject, when);
      } else if (when.isNullType()) {
        when = Const.nullOf(DataType.BOOLEAN);
      } else if (!when.failed() && when.type.kind() != DataType.Kind.BOOLEAN) {
        when = problem("CASE WHEN needs a boolean condition, got " + when.type + " in 'WHEN " + w.getWhenExpression()
            + "'; compare it, e.g. WHEN x = 1, or use CASE x WHEN 1 THEN ...");
      }
      conditions.add(when);
      values.add(visit(w.getThenExpression()));
    }
    values.add(c.getElseExpression() == null ? Const.untypedNull() : visit(c.getElseExpression()));
    DataType t = null;
    boolean failed = false;
    for (Node n : conditions) {
      failed |= n.failed();
    }
    for (Node v : values) {
      failed |= v.failed();
      if (v.type != null) {
        DataType next = t == null ? v.type : Types.common(t, v.type);
        if (next == null && !failed) {
          return problem("CASE branches mix " + t + " and " + v.type + "; CAST them to one type");
        }
        t = next;
      }
    }
    if (failed) {
      return Node.failure();
    }
    if (t == null) {
      return Const.untypedNull();
    }
    List<Node> cast = new ArrayList<>();
    for (Node v : values) {
      cast.add(CastNode.of(v, t));
    }
    return Operators.fold(new CaseNode(t, conditions, cast));
  }

  private Node extract(ExtractExpression x) {
    String unit = x.getName().toLowerCase(Locale.ROOT);
    List<String> units = List.of("year", "quarter", "month", "day", "hour", "minute", "second", "dayofweek",
        "dayofyear");
    if (!units.contains(unit)) {
      return problem("EXTRACT(" + x.getName() + " FROM ...) is not supported; fields are: " + String.join(", ", units));
    }
    return call(unit, List.of(visit(x.getExpression())));
  }

  private Node call(String name, List<Node> args) {
    return build(Functions.ALL.get(name), args, null);
  }

  private Node function(Function f) {
    if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
      return problem("function '" + f.getName() + "' has a qualified name; functions are called by their name alone");
    }
    String name = Literals.unquote(f.getName()).toLowerCase(Locale.ROOT);
    String reason = Predicates.forbidden(name);
    if (reason != null) {
      return problem(reason);
    }
    if (f.getNamedParameters() != null) {
      return problem("'" + f + "' uses keyword arguments; call it with commas, e.g. substring(s, 2, 3)");
    }
    if (f.isAllColumns() || f.isDistinct()) {
      return problem("'" + f + "' is not supported; " + ALLOWED);
    }
    FunctionDef def = Functions.ALL.get(name);
    if (def == null) {
      return problem("unknown function '" + name + "';" + Suggest.didYouMean(name, Functions.names())
          + " functions are listed in docs/expressions.md; " + io.synthgen.plan.VocabularyHint.see("functions"));
    }
    Stream stream = def.random() ? scope.stream().child("call:" + randomCalls++) : null;
    List<Node> args = new ArrayList<>();
    if (f.getParameters() != null) {
      for (Expression p : f.getParameters()) {
        args.add(visit(p));
      }
    }
    if (!def.accepts(args.size())) {
      return problem("function '" + name + "' takes " + def.arity() + ", got " + args.size() + "; usage: "
          + def.signature());
    }
    for (Node a : args) {
      if (a.failed()) {
        return Node.failure();
      }
    }
    return build(def, args, stream);
  }

  Node build(FunctionDef def, List<Node> args, Stream stream) {
    Call c = new Call(def, args, this, stream);
    Node n = def.builder().build(c);
    if (c.bad() || n.failed()) {
      return Node.failure();
    }
    n = RangeRules.wrap(def.name(), n, c);
    return def.random() ? n : Operators.fold(n);
  }
}
