package io.synthgen.server.compile;

import static io.synthgen.server.compile.ValueSqlTestSupport.N;
import static io.synthgen.server.compile.ValueSqlTestSupport.STARTS;
import static io.synthgen.server.compile.ValueSqlTestSupport.col;
import static io.synthgen.server.compile.ValueSqlTestSupport.compareAll;
import static io.synthgen.server.compile.ValueSqlTestSupport.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.server.catalog.databricks.SharedSpark;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The value strategies other than distributions, equal cell for cell on the local engine and in their Spark SQL on
 * real Spark: uniform (with and without step), values (with and without weights, every type), every dictionary,
 * patterns, UUIDs, booleans, date ranges with every time profile field, in a UTC and a Los Angeles session.
 */
class ValueSqlStrategiesTest {

  private static long check(List<String> columns) {
    long cells = compareAll(plan(columns));
    assertEquals((long) columns.size() * N * STARTS.length, cells);
    return cells;
  }

  @Test
  void uniformWithAndWithoutStepOnEveryNumericType() {
    List<String> c = new ArrayList<>();
    c.add(col("int", "int", "\"strategy\": \"uniform\", \"min\": -50, \"max\": 50"));
    c.add(col("int_step", "int", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 1000, \"step\": 25"));
    c.add(col("bigint", "bigint", "\"strategy\": \"uniform\", \"min\": 1000000, \"max\": 1099999"));
    c.add(col("bigint_wide", "bigint", "\"strategy\": \"uniform\", \"min\": -4000000000000000000, "
        + "\"max\": 4000000000000000000"));
    c.add(col("decimal", "decimal(10,2)", "\"strategy\": \"uniform\", \"min\": 0.5, \"max\": 999.99"));
    c.add(col("decimal_step", "decimal(8,3)", "\"strategy\": \"uniform\", \"min\": -2.5, \"max\": 2.5, "
        + "\"step\": 0.125"));
    c.add(col("double", "double", "\"strategy\": \"uniform\", \"min\": -1.5, \"max\": 1e6"));
    c.add(col("double_step", "double", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 1, \"step\": 0.1"));
    c.add(col("double_one", "double", "\"strategy\": \"uniform\", \"min\": 3, \"max\": 3"));
    check(c);
  }

  @Test
  void valuesWithAndWithoutWeightsOnEveryType() {
    List<String> c = new ArrayList<>();
    String w4 = ", \"weights\": [50, 30, 15, 5]";
    c.add(col("s", "string", "\"strategy\": \"values\", \"values\": [\"NY\", \"CA\", \"IL\", \"TX\", \"it's\"]"));
    c.add(col("s_w", "string", "\"strategy\": \"values\", \"values\": [\"Bronze\", \"Silver\", \"Gold\", "
        + "\"Platinum\"]" + w4));
    c.add(col("s_one", "string", "\"strategy\": \"values\", \"values\": [\"only\"]"));
    c.add(col("s_skew", "string", "\"strategy\": \"values\", \"values\": [\"a\", \"b\", \"c\"], "
        + "\"weights\": [0.001, 1000, 3]"));
    c.add(col("i", "int", "\"strategy\": \"values\", \"values\": [1, 2, 3, -7]" + w4));
    c.add(col("l", "bigint", "\"strategy\": \"values\", \"values\": [10000000000, -1, 0]"));
    c.add(col("d", "double", "\"strategy\": \"values\", \"values\": [0.1, -2.5, 1e300, 0]" + w4));
    c.add(col("dec", "decimal(7,2)", "\"strategy\": \"values\", \"values\": [0.99, 4.5, 10000, -3.01]" + w4));
    c.add(col("b", "boolean", "\"strategy\": \"values\", \"values\": [true, false], \"weights\": [9, 1]"));
    c.add(col("dt", "date", "\"strategy\": \"values\", \"values\": [\"2024-01-31\", \"1969-12-31\", "
        + "\"2000-02-29\"]"));
    c.add(col("ts", "timestamp", "\"strategy\": \"values\", \"values\": [\"2024-01-31 13:45:00\", "
        + "\"1960-06-01T00:00:01\", \"2024-03-10 02:30:00\", \"2030-01-01\"]" + w4));
    check(c);
  }

  @Test
  void everyDictionary() {
    List<String> c = new ArrayList<>();
    Set<Dictionary.Kind> kinds = EnumSet.noneOf(Dictionary.Kind.class);
    for (String name : Dictionaries.standard().names()) {
      kinds.add(Dictionaries.standard().get(name).kind());
      c.add(col(name, "string", "\"strategy\": \"dictionary\", \"dictionary\": \"" + name + "\""));
    }
    assertEquals(EnumSet.allOf(Dictionary.Kind.class), kinds, "lists, pools and composites");
    check(c);
  }

  @Test
  void patternsUuidsAndBooleans() {
    List<String> c = new ArrayList<>();
    c.add(col("sku", "string", "\"strategy\": \"pattern\", \"pattern\": \"SKU-#####\""));
    c.add(col("zip", "string", "\"strategy\": \"pattern\", \"pattern\": \"!####\""));
    c.add(col("mixed", "string", "\"strategy\": \"pattern\", \"pattern\": \"??-***-##-!\""));
    c.add(col("long", "string", "\"strategy\": \"pattern\", \"pattern\": \"#################### "
        + "************************ ??????????????\""));
    c.add(col("escaped", "string", "\"strategy\": \"pattern\", \"pattern\": \"A\\\\#B-#\\\\\\\\?\""));
    c.add(col("unicode", "string", "\"strategy\": \"pattern\", \"pattern\": \"Ünïcødé-###-€\""));
    c.add(col("literal", "string", "\"strategy\": \"pattern\", \"pattern\": \"CONST\""));
    c.add(col("uuid", "string", "\"strategy\": \"uuid\""));
    c.add(col("flag", "boolean", "\"strategy\": \"boolean\", \"probability\": 0.3"));
    c.add(col("always", "boolean", "\"strategy\": \"boolean\", \"probability\": 1"));
    check(c);
  }

  /** Date ranges with and without every profile field, in the default (UTC) session. */
  @Test
  void dateRangesWithEveryProfileField() {
    check(dateRanges());
  }

  /** The same columns in a session whose time zone is America/Los_Angeles: the SQL reads no time zone. */
  @Test
  void dateRangesDoNotDependOnTheSessionTimeZone() {
    SparkSession la = SharedSpark.get().newSession();
    la.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    List<String> c = dateRanges();
    ResolvedPlan p = plan(c);
    assertTrue(ValueSqlTestSupport.compareAll(p, la) == (long) c.size() * N * STARTS.length);
  }

  private static List<String> dateRanges() {
    String profile = "{\"weekday_factors\": [1, 1, 1, 1, 1.1, 1.4, 1.3], "
        + "\"month_factors\": [0.8, 0.8, 0.9, 1, 1, 1, 1, 1, 1, 1.1, 1.3, 1.6], "
        + "\"hour_weights\": [1, 1, 1, 1, 1, 2, 3, 5, 8, 9, 9, 10, 10, 9, 9, 9, 10, 11, 12, 10, 8, 5, 3, 2], "
        + "\"holidays\": [{\"date\": \"2024-12-25\", \"factor\": 0.3, \"name\": \"Christmas\"}], "
        + "\"us_holidays\": 0.5, "
        + "\"incidents\": [{\"start\": \"ref-31d\", \"end\": \"ref-21d\", \"multiplier\": 3.0, \"name\": \"outage\"}]}";
    List<String> c = new ArrayList<>();
    c.add(col("d", "date", "\"strategy\": \"date_range\", \"start\": \"2020-01-01\", \"end\": \"2024-12-31\""));
    c.add(col("d_week", "date", "\"strategy\": \"date_range\", \"start\": \"1965-03-01\", \"end\": \"2031-12-31\", "
        + "\"interval\": \"1 week\""));
    c.add(col("ts", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01 00:00:00\", "
        + "\"end\": \"2024-12-31 23:59:59\", \"interval\": \"1 second\""));
    c.add(col("ts_ref", "timestamp", "\"strategy\": \"date_range\", \"start\": \"ref-180d\", \"end\": \"ref+6h\", "
        + "\"interval\": \"15 minutes\""));
    c.add(col("d_profile", "date", "\"strategy\": \"date_range\", \"start\": \"2023-01-01\", "
        + "\"end\": \"2024-12-31\", \"profile\": " + profile.replaceAll("\"hour_weights\": \\[[^]]*\\], ", "")));
    c.add(col("ts_profile", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-06-01\", "
        + "\"end\": \"2024-12-31 23:59:59\", \"interval\": \"1 minute\", \"profile\": " + profile));
    c.add(col("ts_hourly", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01 06:00\", "
        + "\"end\": \"2024-12-31\", \"interval\": \"1 hour\", \"profile\": " + profile));
    c.add(col("ts_2h", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01 06:30\", "
        + "\"end\": \"2024-03-31\", \"interval\": \"2 hours\", \"profile\": {\"weekday_factors\": "
        + "[1, 1, 1, 1, 1, 3, 3]}"));
    c.add(col("ts_20m", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01 00:10\", "
        + "\"end\": \"2024-01-31 23:50\", \"interval\": \"20 minutes\", \"profile\": {\"hour_weights\": "
        + "[0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 0, 0]}"));
    c.add(col("d_us", "date", "\"strategy\": \"date_range\", \"start\": \"2019-01-01\", \"end\": \"2026-12-31\", "
        + "\"profile\": {\"us_holidays\": 0.1, \"month_factors\": [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3]}"));
    return c;
  }
}
