package io.synthgen.server.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.expr.CompiledExpr;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.server.compile.ExprSqlCases.Case;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every operator, conversion and function of the expression language, evaluated by the local engine and by its
 * compiled Spark SQL on real Spark over the same rows, compared cell for cell (NULLs, the sign of zero and NaN
 * included) and type for type, with ANSI mode on and off and the session time zone UTC and America/Los_Angeles.
 */
class ExprSqlTest {

  private static final ExprSqlFixture FIXTURE = new ExprSqlFixture(240);
  /** Expressions per SELECT; a failing SELECT is retried expression by expression to name the culprit. */
  private static final int GROUP = 24;

  @ParameterizedTest(name = "ansi={0}, timeZone={1}")
  @CsvSource({"true, UTC", "false, UTC", "true, America/Los_Angeles", "false, America/Los_Angeles"})
  void everyExpressionEqualsItsSparkSql(boolean ansi, String timeZone) {
    SparkSession spark = FIXTURE.session(ansi, timeZone);
    List<String> problems = compare(spark, ExprSqlCases.all());
    assertTrue(problems.isEmpty(), problems.size() + " expressions differ (ansi=" + ansi + ", " + timeZone + "):\n"
        + String.join("\n", problems));
  }

  @Test
  void sampledRandomFunctionsEqualTheirSparkSql() {
    try {
      ExprSqlFixture.scope();
      FIXTURE.compile(ExprSqlCases.SAMPLED.get(0), null).sql(ExprSqlFixture.scope());
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the distribution samplers have no SQL yet: " + e.getMessage());
    }
    SparkSession spark = FIXTURE.session(true, "UTC");
    List<String> problems = compare(spark, ExprSqlCases.sampled());
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /**
   * The transcendental functions over many more values than the edge rows: the local engine uses the function
   * Spark uses for each (StrictMath for exp, ln, log10, pow; Math for sin, cos, tan, atan), so every bit agrees.
   */
  @Test
  void mathFunctionsAgreeBitForBitOnManyValues() {
    ExprSqlFixture many = new ExprSqlFixture(12_000);
    SparkSession spark = many.session(true, "UTC");
    List<Case> math = new ArrayList<>();
    for (String e : List.of("sin(d)", "cos(d)", "tan(d)", "atan(d)", "exp(d / 100)", "ln(abs(d))", "log10(abs(d))",
        "pow(abs(d), 0.37)", "sqrt(abs(d))", "tan(d / 1000)", "atan(d / 1000)", "sin(l)", "tan(l)")) {
      math.add(new Case(e, null));
    }
    List<String> problems = compare(many, spark, math);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** A function of the registry without a case here fails this test, so a new function cannot miss its SQL test. */
  @Test
  void everyFunctionHasACase() {
    Set<String> text = new LinkedHashSet<>();
    for (Case c : ExprSqlCases.all()) {
      text.add(c.expr().toLowerCase(Locale.ROOT));
    }
    text.addAll(ExprSqlCases.SAMPLED);
    List<String> missing = new ArrayList<>();
    for (String f : ExprCompiler.functionNames()) {
      Pattern call = Pattern.compile("(^|[^a-z_])" + Pattern.quote(f) + "\\s*\\(");
      if (text.stream().noneMatch(t -> call.matcher(t).find())) {
        missing.add(f);
      }
    }
    assertEquals(List.of(), missing, "functions without a SQL equality case in ExprSqlCases");
  }

  /** The same expression gives the same SQL text every time (no counters, no hash order). */
  @Test
  void sqlTextIsDeterministic() {
    for (Case c : ExprSqlCases.all()) {
      String a = FIXTURE.compile(c.expr(), c.target()).sql(ExprSqlFixture.scope());
      String b = FIXTURE.compile(c.expr(), c.target()).sql(ExprSqlFixture.scope());
      assertEquals(a, b, c.toString());
    }
  }

  private static List<String> compare(SparkSession spark, List<Case> cases) {
    return compare(FIXTURE, spark, cases);
  }

  private static List<String> compare(ExprSqlFixture fixture, SparkSession spark, List<Case> cases) {
    List<String> problems = new ArrayList<>();
    List<Case> compiling = new ArrayList<>();
    for (Case c : cases) {
      try {
        fixture.compile(c.expr(), c.target()).sql(ExprSqlFixture.scope());
        compiling.add(c);
      } catch (AssertionError | RuntimeException e) {
        problems.add(c + ": " + e.getMessage());
      }
    }
    cases = compiling;
    for (int from = 0; from < cases.size(); from += GROUP) {
      List<Case> group = cases.subList(from, Math.min(cases.size(), from + GROUP));
      try {
        problems.addAll(compareGroup(fixture, spark, group));
      } catch (RuntimeException e) {
        for (Case c : group) {
          try {
            problems.addAll(compareGroup(fixture, spark, List.of(c)));
          } catch (RuntimeException one) {
            String why = one.getMessage() == null ? one.toString() : one.getMessage().split("\n")[0];
            problems.add(c + ": Spark failed: " + why + "\n    SQL: " + sql(c));
          }
        }
      }
    }
    return problems;
  }

  private static String sql(Case c) {
    return FIXTURE.compile(c.expr(), c.target()).sql(ExprSqlFixture.scope());
  }

  private static List<String> compareGroup(ExprSqlFixture fixture, SparkSession spark, List<Case> group) {
    List<CompiledExpr> compiled = new ArrayList<>();
    StringBuilder select = new StringBuilder("SELECT r");
    for (int k = 0; k < group.size(); k++) {
      CompiledExpr e = fixture.compile(group.get(k).expr(), group.get(k).target());
      compiled.add(e);
      select.append(",\n  ").append(e.sql(ExprSqlFixture.scope())).append(" AS c").append(k);
    }
    select.append("\nFROM ").append(ExprSqlFixture.VIEW).append(" ORDER BY r");
    Dataset<Row> df = spark.sql(select.toString());
    List<Row> rows = df.collectAsList();
    List<String> problems = new ArrayList<>();
    for (int k = 0; k < group.size(); k++) {
      Case c = group.get(k);
      CompiledExpr e = compiled.get(k);
      org.apache.spark.sql.types.DataType sparkType = df.schema().fields()[k + 1].dataType();
      if (!sparkType.equals(ExprSqlFixture.sparkType(e.type()))) {
        problems.add(c + ": Spark type " + sparkType.sql() + ", expected " + e.type());
        continue;
      }
      List<Object> local = fixture.local(e);
      List<String> diffs = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        Object spark0 = rows.get(r).get(k + 1);
        Object mine = local.get(r);
        if (!same(mine, spark0)) {
          diffs.add("row " + r + ": local " + show(mine) + ", Spark " + show(spark0));
        }
      }
      if (!diffs.isEmpty()) {
        problems.add(c + ": " + diffs.size() + " cells differ, e.g. " + String.join("; ", diffs.subList(0,
            Math.min(4, diffs.size()))) + "\n    SQL: " + e.sql(ExprSqlFixture.scope()));
      }
    }
    return problems;
  }

  private static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(b); // Double.equals tells -0.0 from 0.0 and NaN equals NaN; BigDecimal.equals checks the scale
  }

  private static String show(Object v) {
    if (v == null) {
      return "NULL";
    }
    return v instanceof String s ? "'" + s + "'" : v + " (" + v.getClass().getSimpleName() + ")";
  }
}
