package io.synthgen.expr;

import io.synthgen.plan.DataType;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;

/** LIKE / ILIKE / RLIKE, and the names the language refuses on purpose with the reason why. */
final class Predicates {

  private static final Set<String> CURRENT_TIME = Set.of("now", "current_date", "current_timestamp", "curdate",
      "curtime", "current_time", "sysdate", "getdate", "localtimestamp", "localtime", "today", "unix_timestamp",
      "current_timezone", "sysdatetime");
  private static final Set<String> AGGREGATES = Set.of("sum", "avg", "count", "min", "max", "stddev", "stddev_pop",
      "stddev_samp", "variance", "var_pop", "var_samp", "collect_list", "collect_set", "first", "last",
      "first_value", "last_value", "median", "percentile", "percentile_approx", "approx_count_distinct",
      "any_value", "mean", "array_agg", "string_agg", "listagg", "group_concat", "row_number", "rank",
      "dense_rank", "lag", "lead", "ntile");

  private Predicates() {
  }

  static String noCurrentTime(String what) {
    return "'" + what + "' is not available: generated data must not depend on when it is generated; use "
        + "reference_date(), the plan's reference date (e.g. date_sub(reference_date(), 30))";
  }

  /** Why a function name is refused, or null when it is not one of the refused names. */
  static String forbidden(String name) {
    if (CURRENT_TIME.contains(name)) {
      return noCurrentTime(name);
    }
    if (AGGREGATES.contains(name)) {
      String alt = name.equals("min") ? "; for the smaller of values use least(a, b)"
          : name.equals("max") ? "; for the larger of values use greatest(a, b)" : "";
      return "aggregate or window function '" + name + "' is not supported: an expression computes one row from that "
          + "row's values and its parent's" + alt;
    }
    return null;
  }

  static Node like(Translator t, LikeExpression l) {
    Node x = t.visit(l.getLeftExpression());
    Node p = t.visit(l.getRightExpression());
    String kw = l.getLikeKeyWord().name();
    if (!List.of("LIKE", "ILIKE", "RLIKE", "REGEXP").contains(kw)) {
      return t.problem(kw.replace('_', ' ') + " is not supported; use LIKE, ILIKE or RLIKE");
    }
    if (x.failed() || p.failed()) {
      return Node.failure();
    }
    if (x.isNullType() || p.isNullType()) {
      return Const.nullOf(DataType.BOOLEAN);
    }
    if (p.type.kind() != DataType.Kind.STRING || !p.isConstant()) {
      return t.problem(kw + " needs a constant string pattern, got '" + l.getRightExpression() + "'");
    }
    Character escape = null;
    Expression esc = l.getEscape();
    if (esc != null) {
      if (!(esc instanceof StringValue s) || s.getValue().length() != 1) {
        return t.problem("ESCAPE takes one character in quotes, got " + esc);
      }
      escape = s.getValue().charAt(0);
    }
    String pattern = Const.fold(p).stringValue();
    Node s = CastNode.of(x, DataType.STRING);
    Predicate<String> test;
    MapNodes.Sql1 sql;
    if (kw.equals("LIKE") || kw.equals("ILIKE")) {
      LikeMatcher m = new LikeMatcher(pattern, escape, kw.equals("ILIKE"));
      test = m::matches;
      sql = m::sql;
    } else {
      Pattern compiled;
      try {
        compiled = Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        return t.problem("'" + pattern + "' is not a valid Java regular expression: " + e.getDescription());
      }
      String shape = Regexes.shapeProblem(pattern);
      if (shape != null) {
        return t.problem(shape);
      }
      test = v -> Regexes.find(compiled, v);
      sql = v -> "(" + v + " RLIKE " + io.synthgen.sql.SqlText.lit(pattern) + ")";
    }
    Node result = Operators.fold(new StrPredicate(s, test, sql));
    return l.isNot() ? t.operators().logic(Logic.Op.NOT, "NOT LIKE", List.of(result)) : result;
  }
}
