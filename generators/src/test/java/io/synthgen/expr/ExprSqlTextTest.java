package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The text of expressions' Spark SQL: deterministic, free of anything that reads the session (time zone, clock),
 * linear in the expression's size however deeply guards nest, and naming its inputs only through the scope. Its
 * values are compared with real Spark in the server module's ExprSqlTest.
 */
class ExprSqlTextTest {

  /** A scope whose names show where each part came from. */
  private static final SqlScope SCOPE = new SqlScope() {
    @Override
    public String row() {
      return "__row";
    }

    @Override
    public String rowHash() {
      return "xxhash64(__row)";
    }

    @Override
    public String column(String name) {
      return "col_" + name;
    }

    @Override
    public String parentRow(String fkColumn) {
      return "prow_" + fkColumn;
    }

    @Override
    public String parentColumn(String fkColumn, String parentColumn) {
      return "pcol_" + fkColumn + "_" + parentColumn;
    }

    @Override
    public String batch() {
      return "__batch";
    }

    @Override
    public String perParentParentRow() {
      throw new IllegalStateException();
    }

    @Override
    public String perParentOrdinal() {
      throw new IllegalStateException();
    }

    @Override
    public String childAggregate(String childTable, String function, String column) {
      throw new IllegalStateException();
    }

    @Override
    public String constantArray(String hint, String sqlArray) {
      return "const_" + hint;
    }
  };

  private static Fixture fixture() {
    return new Fixture().rows(1)
        .longs("n", DataType.BIGINT, 1L).doubles("x", 1.0).strings("s", "a")
        .longs("m", DataType.decimal(10, 2), 100L).longs("k", DataType.decimal(12, 2), 100L)
        .longs("d", DataType.DATE, 0L).longs("t", DataType.TIMESTAMP, 0L)
        .dictionary("colors", "red", "green");
  }

  private static String sql(String expr) {
    Fixture f = fixture();
    return f.compile(expr, ExprCompilerAccess.resultType(expr, f)).sql(SCOPE);
  }

  @Test
  void sameExpressionSameText() {
    for (String e : List.of("CAST(s AS TIMESTAMP)", "rand_weighted('a', 1, 'b', 2) || us_state()",
        "least(x, 0e0, x * 2)", "initcap(s)", "lpad(s, 5, '😀')", "round(x, 3)")) {
      assertEquals(sql(e), sql(e), e);
    }
  }

  @Test
  void inputsComeFromTheScope() {
    assertEquals("col_n", sql("n"));
    assertTrue(sql("rand()").contains("xxhash64(__row, "), sql("rand()"));
    assertTrue(sql("batch()").contains("__batch"));
    assertTrue(sql("dict('colors')").contains("const_dict_colors"), sql("dict('colors')"));
    assertTrue(sql("us_state_name(s)").contains("const_us_state_abbrs"));
  }

  /** Draw keys are literals computed here: the call site's stream, as the local engine draws from. */
  @Test
  void randomCallsDrawFromTheirCallSiteStreams() {
    Fixture f = fixture();
    long first = f.stream().child("call:0").key();
    long second = f.stream().child("call:1").key();
    String s = f.compile("rand() + rand()", DataType.DOUBLE).sql(SCOPE);
    assertTrue(s.contains(SqlText.bits(SCOPE, first)), s);
    assertTrue(s.contains(SqlText.bits(SCOPE, second)), s);
  }

  @Test
  void dateAndTimeSqlNeverReadsTheSessionTimeZone() {
    Pattern sessionDependent = Pattern.compile("(?i)\\b(hour|minute|second|to_date|to_timestamp|date_format|"
        + "from_unixtime|unix_timestamp|from_utc_timestamp|to_utc_timestamp|current_\\w+|now)\\s*\\(|AS TIMESTAMP\\)"
        + "|TIMESTAMP '");
    for (String e : List.of("hour(t)", "minute(t)", "second(t)", "to_date(t)", "CAST(t AS DATE)", "CAST(d AS TIMESTAMP)",
        "CAST(s AS TIMESTAMP)", "CAST(t AS STRING)", "CAST(n AS TIMESTAMP)", "CAST(x AS TIMESTAMP)", "year(t)",
        "date_trunc('week', t)", "date_trunc('hour', t)", "timestamp_add_seconds(t, x)", "TIMESTAMP '2024-01-01 10:00:00'",
        "CAST(t AS BIGINT)", "dayofweek(t)", "t > '2024-01-01 00:00:00'")) {
      String s = sql(e);
      Matcher m = sessionDependent.matcher(s.replace("CAST(NULL AS TIMESTAMP)", ""));
      assertFalse(m.find(), e + " reads the session time zone through '" + (m.find(0) ? m.group() : "") + "': " + s);
    }
  }

  /** Guards that need an operand twice bind it once, so deeply nested guards do not double the text per level. */
  @Test
  void nestedGuardsGrowLinearly() {
    String inner = "s";
    String deep = null;
    for (int level = 1; level <= 12; level++) {
      inner = "CAST(CAST(" + inner + " AS DOUBLE) AS STRING)";
      if (level == 6) {
        deep = sql(inner);
      }
    }
    int six = deep.length();
    int twelve = sql(inner).length();
    assertTrue(twelve < 2.5 * six, "6 levels: " + six + " characters, 12 levels: " + twelve);
    String dates = "d";
    for (int level = 0; level < 30; level++) {
      dates = "date_add(" + dates + ", n)";
    }
    assertTrue(sql(dates).length() < 30 * 300, sql(dates).length() + " characters");
  }

  /**
   * Decimal operands keep their own digits, so Spark types each intermediate within 18 digits (a long, not a
   * BigDecimal): only the result is widened to the engine's DECIMAL(18, s).
   */
  @Test
  void decimalChainsStayWithinEighteenDigits() {
    String tax = sql("round((k - coalesce(m, 0)) * 0.08, 2)");
    String product = tax.substring(tax.indexOf("round(") + 6, tax.lastIndexOf(", 2)"));
    assertTrue(product.startsWith("CAST(") && product.endsWith(" AS DECIMAL(18,4))"), tax);
    String inner = product.substring(5, product.length() - " AS DECIMAL(18,4))".length());
    assertFalse(inner.contains("DECIMAL(18"), tax);
    assertTrue(inner.contains("CAST(0.08BD AS DECIMAL(2,2))"), tax);
    String total = sql("k - coalesce(m, 0) + m");
    assertEquals(1, total.split("DECIMAL\\(18", -1).length - 1, total);
  }

  /** Where the operands' digits can exceed 18 in the result, the 18-digit overflow check (NULL) stays. */
  @Test
  void decimalOverflowGuardStaysWhereDigitsCanExceedEighteen() {
    String cube = sql("m * m * m");
    assertTrue(cube.startsWith("try_cast(") && cube.endsWith(" AS DECIMAL(18,6))"), cube);
    assertTrue(cube.contains("AS DECIMAL(18,4))"), cube);
    assertTrue(sql("n * m").startsWith("try_cast("), sql("n * m"));
  }

  @Test
  void lambdaVariablesAreFreshInNestedBindings() {
    String s = sql("least(least(least(x * 3.5, x / 7.25, x - 1e300), x + 1e-300, x * x * x), x - 2e-300)");
    Matcher m = Pattern.compile("transform\\(array\\(").matcher(s);
    int lambdas = 0;
    while (m.find()) {
      lambdas++;
    }
    assertTrue(lambdas >= 2, s);
    assertTrue(s.contains("sgv1") && s.contains("sgv2"), s);
  }

  @Test
  void dollarBraceInLiteralsSurvivesVariableSubstitution() {
    String s = sql("concat(s, '${name} costs $5')");
    assertFalse(s.contains("${"), s);
    assertTrue(s.contains("\\u0024{name} costs $5"), s);
  }

  @Test
  void aParentReferenceNeedsItsForeignKey() {
    Fixture f = fixture().parent("customers", "tier", DataType.STRING, io.synthgen.vec.StrVec.plain(new String[1], 1));
    CompiledExpr e = f.compile("upper(customers.tier)", DataType.STRING);
    IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.sql(SCOPE));
    assertTrue(x.getMessage().contains("foreignKeyTo"), x.getMessage());
  }

  /** The untyped entry point the tests use: the expression's own type. */
  private static final class ExprCompilerAccess {
    static DataType resultType(String expr, ExprScope scope) {
      try {
        DataType t = ExprCompiler.resultType(expr, scope);
        return t == null ? DataType.STRING : t;
      } catch (ExprException e) {
        throw new AssertionError(e.problems().toString(), e);
      }
    }
  }
}
