package io.synthgen.column;

import static io.synthgen.testing.Plans.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.sql.SqlScope;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Spark SQL text of the value strategies and samplers: a pure function of the plan, free of anything that reads
 * the clock, the session time zone or Spark's own randomness, and passing large constant arrays through the scope.
 * Equality of the values with the local engine is proven on Spark in the server module ({@code ValueSqlTest}).
 */
class ValueSqlTextTest {

  /** Functions whose result depends on the session (time zone, clock) or on Spark's own randomness. */
  private static final List<String> SESSION_DEPENDENT = List.of("rand(", "randn(", "uuid(", "current_", "now(",
      "from_utc_timestamp", "to_utc_timestamp", "from_unixtime", "unix_timestamp", "to_timestamp", "date_format",
      "hour(", "dayofweek(", "make_timestamp", "monotonically_increasing_id", "spark_partition_id");

  private static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  private static List<String> everyValueStrategy() {
    List<String> c = new ArrayList<>();
    String[] dists = {"{\"type\": \"normal\", \"mean\": 1, \"stddev\": 2}", "{\"type\": \"lognormal\", \"mu\": 1, "
        + "\"sigma\": 0.5}", "{\"type\": \"exponential\", \"rate\": 2}", "{\"type\": \"gamma\", \"shape\": 2.5, "
        + "\"scale\": 1}", "{\"type\": \"gamma\", \"shape\": 3, \"scale\": 1}", "{\"type\": \"beta\", \"alpha\": 2, "
        + "\"beta\": 0.5}", "{\"type\": \"pareto\", \"alpha\": 2, \"xm\": 1}", "{\"type\": \"zipf\", \"n\": 100, "
        + "\"exponent\": 1.1}", "{\"type\": \"poisson\", \"lambda\": 7}", "{\"type\": \"poisson\", \"lambda\": 700}",
        "{\"type\": \"uniform\", \"min\": 0, \"max\": 1}"};
    for (int i = 0; i < dists.length; i++) {
      c.add(col("dist" + i, "double", "\"strategy\": \"distribution\", \"distribution\": " + dists[i]
          + ", \"rounding\": \"ceil\", \"min\": 0"));
      c.add(col("dec" + i, "decimal(12,2)", "\"strategy\": \"distribution\", \"distribution\": " + dists[i]
          + ", \"max\": 1000"));
    }
    c.add(col("uni", "decimal(8,2)", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 10, \"step\": 0.5"));
    c.add(col("vals", "date", "\"strategy\": \"values\", \"values\": [\"2024-01-01\", \"2024-02-01\"], "
        + "\"weights\": [1, 3]"));
    c.add(col("ts", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", \"end\": \"2024-03-01\", "
        + "\"interval\": \"1 minute\", \"profile\": {\"weekday_factors\": [1, 1, 1, 1, 1, 2, 2], \"us_holidays\": 0.5, "
        + "\"hour_weights\": [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1, 1]}"));
    c.add(col("sku", "string", "\"strategy\": \"pattern\", \"pattern\": \"SKU-#####-??\""));
    c.add(col("id", "string", "\"strategy\": \"uuid\""));
    c.add(col("flag", "boolean", "\"strategy\": \"boolean\", \"probability\": 0.25"));
    for (String name : Dictionaries.standard().names()) {
      c.add(col("dict_" + name, "string", "\"strategy\": \"dictionary\", \"dictionary\": \"" + name + "\""));
    }
    return c;
  }

  /** A scope that names the row {@code r} and records the constant arrays it is handed. */
  private static final class Recording implements SqlScope {
    final List<String> arrays = new ArrayList<>();

    @Override
    public String row() {
      return "r";
    }

    @Override
    public String rowHash() {
      return "xxhash64(r)";
    }

    @Override
    public String column(String name) {
      throw new AssertionError("a value strategy reads no column");
    }

    @Override
    public String parentRow(String fkColumn) {
      throw new AssertionError("a value strategy has no parent");
    }

    @Override
    public String parentColumn(String fkColumn, String parentColumn) {
      throw new AssertionError("a value strategy has no parent");
    }

    @Override
    public String batch() {
      throw new AssertionError("a value strategy does not read the batch");
    }

    @Override
    public String perParentParentRow() {
      throw new AssertionError("not per parent");
    }

    @Override
    public String perParentOrdinal() {
      throw new AssertionError("not per parent");
    }

    @Override
    public String childAggregate(String childTable, String function, String column) {
      throw new AssertionError("a value strategy aggregates nothing");
    }

    @Override
    public String constantArray(String hint, String sqlArray) {
      arrays.add(sqlArray);
      return "__array" + (arrays.size() - 1);
    }
  }

  @Test
  void sqlIsAPureFunctionOfThePlanAndReadsNoSession() {
    List<String> columns = everyValueStrategy();
    ResolvedPlan a = single(1000, columns.toArray(new String[0]));
    ResolvedPlan b = single(1000, columns.toArray(new String[0]));
    for (ResolvedColumn c : a.table("t").columns()) {
      Recording scope = new Recording();
      String sql = c.generator().sql(scope);
      assertEquals(sql, b.table("t").column(c.name()).generator().sql(new Recording()), c.name());
      assertTrue(sql.contains("xxhash64(r, "), c.name() + " draws from the row: " + sql);
      assertBalanced(sql, c.name());
      for (String array : scope.arrays) {
        assertBalanced(array, c.name());
        assertFalse(array.contains("xxhash64"), c.name() + ": constant arrays are constants");
      }
      for (String f : SESSION_DEPENDENT) {
        assertFalse(sql.toLowerCase(java.util.Locale.ROOT).contains(f), c.name() + " uses " + f + ": " + sql);
      }
    }
  }

  @Test
  void dictionariesAndWeightTablesGoThroughTheScopesConstantArrays() {
    ResolvedPlan p = single(1000, col("n", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"last_name\""),
        col("w", "string", "\"strategy\": \"values\", \"values\": [\"a\", \"b\", \"c\"], \"weights\": [1, 2, 3]"));
    Recording names = new Recording();
    String sql = p.table("t").column("n").generator().sql(names);
    assertEquals(1, names.arrays.size());
    assertEquals(io.synthgen.sql.SqlText.array(ValueSql.strings(Dictionaries.standard().get("last_name").values(null)
        .values())), names.arrays.get(0), "every last name, once, in the dictionary's order");
    assertFalse(sql.contains("'"), "no word is repeated in the column's own SQL: " + sql);
    Recording weights = new Recording();
    p.table("t").column("w").generator().sql(weights);
    assertEquals(3, weights.arrays.size(), "probabilities, aliases and values");
  }

  /**
   * The probe {@code (a + a * ULP_PROBE) - a} that stands for Math.ulp in SQL, over every binade from 2^-969 (below,
   * a * ULP_PROBE is subnormal, and 4 ulp cannot move floor(a + 0.5) anyway) and the mantissa's edges.
   */
  @Test
  void ulpProbeIsExactlyMathUlp() {
    SplittableRandom r = new SplittableRandom(11);
    for (int e = -969; e <= 1000; e++) {
      double p = Math.scalb(1.0, e);
      for (double a : new double[] {p, Math.nextUp(p), Math.nextDown(2 * p), p * 1.5, p * (1 + r.nextDouble())}) {
        assertEquals(Math.ulp(a), (a + a * ValueSql.ULP_PROBE) - a, "a = " + a);
      }
    }
    for (int i = 0; i < 100_000; i++) {
      double a = r.nextDouble() * Math.pow(10, r.nextInt(19));
      if (a >= Double.MIN_NORMAL * 0x1p53) {
        assertEquals(Math.ulp(a), (a + a * ValueSql.ULP_PROBE) - a, "a = " + a);
      }
    }
  }

  @Test
  void exactFloorAndCeilKeepSignedZerosInTheirJavaForm() {
    assertEquals("(rint(x) - IF(rint(x) > x, 1.0D, 0.0D))", io.synthgen.distribution.SqlForms.floor("x"));
    assertEquals("(-(rint((-x)) - IF(rint((-x)) > (-x), 1.0D, 0.0D)))", io.synthgen.distribution.SqlForms.ceil("x"));
    for (double x : new double[] {-0.0, 0.0, -0.3, 0.3, -0.7, 0.7, -1.5, 1.5, -2.5, 2.5, 1e17, -1e17, 0.5, -0.5}) {
      assertEquals(Double.doubleToRawLongBits(Math.floor(x)), Double.doubleToRawLongBits(floorLikeSql(x)), "floor "
          + x);
      assertEquals(Double.doubleToRawLongBits(Math.ceil(x)), Double.doubleToRawLongBits(-floorLikeSql(-x)), "ceil "
          + x);
    }
  }

  /** The arithmetic of {@code SqlForms.floor}, in Java: rint(x) less one where it rounded up. */
  private static double floorLikeSql(double x) {
    double r = Math.rint(x);
    return r - (r > x ? 1.0 : 0.0);
  }

  private static void assertBalanced(String sql, String what) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (ch == '\\' && quoted) {
        i++;
      } else if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
        assertTrue(depth >= 0, what + ": unbalanced at " + i);
      }
    }
    assertFalse(quoted, what + ": unterminated literal");
    assertEquals(0, depth, what + ": unbalanced parentheses");
  }
}
