package io.synthgen.draft.ddl;

import io.synthgen.draft.ddl.SqlLexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * CHECK constraints turned into what a plan can guarantee: {@code x IN (...)}, {@code x = 'a' OR x = 'b'} and
 * PostgreSQL's {@code x = ANY (ARRAY[...])} into
 * values, comparisons with a literal ({@code x >= 0}, {@code x < 100}, {@code 0 <= x}) and {@code BETWEEN} into
 * bounds that keep their strictness, {@code length(x) <= n} into a length, {@code x IS NOT NULL} into NOT NULL. The
 * condition is split at its top-level ANDs with the tokenizer (JSqlParser regroups {@code a IN (...) AND b > 0}
 * wrongly) and each part is parsed by JSqlParser. A part that is none of these (it compares two columns, calls a
 * function, uses NOT IN or LIKE) is refused with its line: a plan accepted from the DDL must keep every CHECK.
 */
final class Checks {

  private static final String FIX = "rewrite it as column IN (...), a range on one column (>=, >, <=, <, BETWEEN) or "
      + "length(column) <= n, or remove it from the DDL and describe the rule afterwards with revise_plan "
      + "(an expression column)";

  private Checks() {
  }

  /** Applies every CHECK of {@code table} to its columns. */
  static void apply(DdlTable table, SqlParsing parsing, DdlIssues issues) {
    for (DdlTable.Check check : table.checks) {
      List<String> parts;
      try {
        parts = conjuncts(check.sql());
      } catch (SqlLexer.LexException e) {
        issues.add(check.line(), check.sql(), "cannot read the CHECK: " + e.getMessage(), FIX);
        continue;
      }
      for (String part : parts) {
        Expression e;
        try {
          e = parsing.condition(part);
        } catch (SqlParsing.ParseFailure f) {
          issues.add(check.line(), part, "cannot parse the CHECK condition: " + f.getMessage(),
              "write it as a SQL condition, e.g. CHECK (quantity > 0)");
          continue;
        }
        String why = part(table, unwrap(e));
        if (why != null) {
          issues.add(check.line(), "CHECK " + part, "the CHECK condition of " + table.declaredName + " " + why, FIX);
        }
      }
    }
  }

  /** The parts of a condition joined by AND at its top level (not the AND of BETWEEN), outer parentheses removed. */
  static List<String> conjuncts(String sql) throws SqlLexer.LexException {
    List<Token> ts = SqlLexer.tokens(sql);
    int from = 0;
    int to = ts.size();
    while (to - from >= 2 && ts.get(from).isPunct("(") && Tokens.close(ts, from) == to - 1) {
      from++;
      to--;
    }
    List<String> out = new ArrayList<>();
    int depth = 0;
    int pendingBetween = 0;
    int start = from;
    for (int k = from; k < to; k++) {
      Token t = ts.get(k);
      depth += t.isPunct("(") ? 1 : t.isPunct(")") ? -1 : 0;
      if (depth != 0) {
        continue;
      }
      if (t.is("BETWEEN")) {
        pendingBetween++;
      } else if (t.is("AND")) {
        if (pendingBetween > 0) {
          pendingBetween--;
        } else {
          out.add(Tokens.text(sql, ts, start, k));
          start = k + 1;
        }
      } else if (t.is("OR")) {
        // an OR at the top level: the whole condition is one part
        return List.of(Tokens.text(sql, ts, from, to));
      }
    }
    out.add(Tokens.text(sql, ts, start, to));
    return out;
  }

  /** Applies one part; returns why it cannot be applied, or null. */
  private static String part(DdlTable table, Expression e) {
    if (e instanceof IsNullExpression n && n.isNot()) {
      DdlColumn c = column(table, n.getLeftExpression());
      if (c == null) {
        return "is not about one column of the table";
      }
      c.notNull = true;
      return null;
    }
    if (e instanceof InExpression in) {
      if (in.isNot()) {
        return "excludes values (NOT IN), which a plan cannot state";
      }
      DdlColumn c = column(table, in.getLeftExpression());
      if (c == null || !(in.getRightExpression() instanceof ExpressionList<?> list)) {
        return "is not a list of values of one column";
      }
      List<Object> vs = new ArrayList<>();
      for (Expression item : list) {
        Object v = literal(item);
        if (v == null) {
          return "has an item that is not a literal: " + item;
        }
        vs.add(v);
      }
      return values(c, vs);
    }
    if (e instanceof OrExpression) {
      List<Expression> alternatives = new ArrayList<>();
      flattenOr(e, alternatives);
      DdlColumn col = null;
      List<Object> vs = new ArrayList<>();
      for (Expression a : alternatives) {
        a = unwrap(a);
        if (a instanceof EqualsTo eq) {
          Object[] cv = columnAndLiteral(table, eq);
          if (cv == null || col != null && col != cv[0]) {
            return "is an OR that is not a list of values of one column";
          }
          col = (DdlColumn) cv[0];
          vs.add(cv[1]);
        } else if (a instanceof InExpression in && !in.isNot() && in.getRightExpression() instanceof ExpressionList<?> l
            && column(table, in.getLeftExpression()) != null && (col == null || col == column(table,
            in.getLeftExpression()))) {
          col = column(table, in.getLeftExpression());
          for (Expression item : l) {
            Object v = literal(item);
            if (v == null) {
              return "has an item that is not a literal: " + item;
            }
            vs.add(v);
          }
        } else {
          return "is an OR that is not a list of values of one column";
        }
      }
      return values(col, vs);
    }
    if (e instanceof EqualsTo eq && anyArray(eq.getRightExpression()) != null) {
      // pg_dump writes IN lists as (status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])
      DdlColumn c = column(table, eq.getLeftExpression());
      if (c == null) {
        return "is not a list of values of one column";
      }
      List<Object> vs = new ArrayList<>();
      for (Expression item : anyArray(eq.getRightExpression()).getExpressions()) {
        Object v = literal(item);
        if (v == null) {
          return "has an item that is not a literal: " + item;
        }
        vs.add(v);
      }
      return values(c, vs);
    }
    if (e instanceof EqualsTo eq) {
      Object[] cv = columnAndLiteral(table, eq);
      if (cv == null) {
        return "compares something other than one column with a literal";
      }
      return values((DdlColumn) cv[0], List.of(cv[1]));
    }
    if (e instanceof Between b) {
      if (b.isNot()) {
        return "excludes a range (NOT BETWEEN), which a plan cannot state";
      }
      DdlColumn c = column(table, b.getLeftExpression());
      Object lo = literal(b.getBetweenExpressionStart());
      Object hi = literal(b.getBetweenExpressionEnd());
      if (c == null || lo == null || hi == null) {
        return "is not a range of one column between two literals";
      }
      bound(c, lo, false, true);
      return bound(c, hi, false, false);
    }
    if (e instanceof GreaterThan || e instanceof GreaterThanEquals || e instanceof MinorThan
        || e instanceof MinorThanEquals) {
      ComparisonOperator op = (ComparisonOperator) e;
      boolean strict = e instanceof GreaterThan || e instanceof MinorThan;
      boolean greater = e instanceof GreaterThan || e instanceof GreaterThanEquals;
      Expression l = unwrap(op.getLeftExpression());
      Expression r = unwrap(op.getRightExpression());
      if (l instanceof Function f && isLength(f) && literal(r) instanceof BigDecimal n && !greater) {
        DdlColumn c = f.getParameters() != null && f.getParameters().size() == 1
            ? column(table, (Expression) f.getParameters().get(0)) : null;
        if (c == null) {
          return "is a length of something other than one column";
        }
        int max = strict ? n.intValue() - 1 : n.intValue();
        c.checkMaxLength = c.checkMaxLength == null ? max : Math.min(c.checkMaxLength, max);
        return null;
      }
      DdlColumn c = column(table, l);
      Object v = literal(r);
      if (c == null || v == null) {
        c = column(table, r);
        v = literal(l);
        greater = !greater;
      }
      if (c == null || v == null) {
        return "compares something other than one column with a literal";
      }
      return bound(c, v, strict, greater);
    }
    return "is not a list of values, a range or a length";
  }

  /** The array of {@code ANY (ARRAY[...])}, casts and parentheses read through, or null. */
  private static ArrayConstructor anyArray(Expression e) {
    e = unwrapLiteral(e);
    if (e instanceof Function f && f.getName() != null && f.getName().equalsIgnoreCase("ANY")
        && f.getParameters() != null && f.getParameters().size() == 1
        && unwrapLiteral((Expression) f.getParameters().get(0)) instanceof ArrayConstructor a
        && a.getExpressions() != null) {
      return a;
    }
    return null;
  }

  private static boolean isLength(Function f) {
    String n = f.getName().toLowerCase(Locale.ROOT);
    return n.equals("length") || n.equals("char_length") || n.equals("character_length") || n.equals("len");
  }

  private static void flattenOr(Expression e, List<Expression> out) {
    e = unwrap(e);
    if (e instanceof OrExpression o) {
      flattenOr(o.getLeftExpression(), out);
      flattenOr(o.getRightExpression(), out);
    } else {
      out.add(e);
    }
  }

  private static Object[] columnAndLiteral(DdlTable table, EqualsTo eq) {
    DdlColumn c = column(table, eq.getLeftExpression());
    Object v = literal(eq.getRightExpression());
    if (c == null || v == null) {
      c = column(table, eq.getRightExpression());
      v = literal(eq.getLeftExpression());
    }
    return c == null || v == null ? null : new Object[] {c, v};
  }

  private static String values(DdlColumn c, List<Object> vs) {
    Set<Object> set = new LinkedHashSet<>(vs);
    if (c.checkValues == null) {
      c.checkValues = new ArrayList<>(set);
    } else {
      c.checkValues.retainAll(set);
      if (c.checkValues.isEmpty()) {
        return "leaves " + c.name + " no value its other CHECKs allow";
      }
    }
    return null;
  }

  private static String bound(DdlColumn c, Object v, boolean strict, boolean lower) {
    DdlColumn.Bound b = new DdlColumn.Bound(v, strict);
    if (lower) {
      c.checkLo = c.checkLo == null || b.tighterLower(c.checkLo) ? b : c.checkLo;
    } else {
      c.checkHi = c.checkHi == null || b.tighterUpper(c.checkHi) ? b : c.checkHi;
    }
    return null;
  }

  static Expression unwrap(Expression e) {
    while (true) {
      if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
        e = p.get(0);
      } else if (e instanceof CastExpression c && unwrap(c.getLeftExpression()) instanceof Column col) {
        return col; // PostgreSQL writes (status)::text
      } else {
        return e;
      }
    }
  }

  private static DdlColumn column(DdlTable table, Expression e) {
    e = unwrap(e);
    return e instanceof Column c ? table.column(Tokens.planName(Tokens.lastPart(c.getColumnName()))) : null;
  }

  /** A literal: a number as BigDecimal, anything quoted as String; null when {@code e} is not a literal. */
  static Object literal(Expression e) {
    e = unwrapLiteral(e);
    if (e instanceof LongValue l) {
      return new BigDecimal(l.getStringValue());
    }
    if (e instanceof DoubleValue d) {
      return new BigDecimal(d.toString());
    }
    if (e instanceof StringValue s) {
      return s.getValue().replace("''", "'");
    }
    if (e instanceof DateTimeLiteralExpression d) {
      String v = d.getValue();
      return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : v;
    }
    if (e instanceof SignedExpression s && literal(s.getExpression()) instanceof BigDecimal n) {
      return s.getSign() == '-' ? n.negate() : n;
    }
    return null;
  }

  private static Expression unwrapLiteral(Expression e) {
    while (true) {
      if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
        e = p.get(0);
      } else if (e instanceof CastExpression c) {
        e = c.getLeftExpression(); // 'a'::character varying
      } else {
        return e;
      }
    }
  }
}
