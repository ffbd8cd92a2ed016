package io.synthgen.server.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.server.catalog.databricks.SharedSpark;
import io.synthgen.server.compile.SqlDiff.LocalTable;
import io.synthgen.server.compile.SqlDiff.Outcome;
import io.synthgen.server.compile.SqlDiff.SqlTable;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The equality harness itself, against SELECTs written here by hand for a small plan whose SQL is known: it finds
 * them equal to our Parquet, and it finds (and explains, cell by cell with the local row index) every kind of
 * difference the compiled SQL could have — a wrong cell, -0.0 for 0.0, a missing row, a wrong type, a failing
 * statement — also for a slice beyond row 2^31 and in a session whose time zone is not UTC.
 */
class SqlEqualityHarnessIT {

  static final long ROWS = 3_000;

  static final String PLAN = Plans.document(5, Plans.table("t", ROWS,
      """
      {"name": "id", "type": "bigint", "strategy": "sequence"}""",
      """
      {"name": "code", "type": "bigint", "strategy": "sequence", "start": 100, "step": 3, "null_rate": 0.2}""",
      """
      {"name": "small", "type": "int", "strategy": "constant", "value": -7}""",
      """
      {"name": "ratio", "type": "double", "strategy": "constant", "value": 0.0}""",
      """
      {"name": "label", "type": "string", "strategy": "constant", "value": "it's"}""",
      """
      {"name": "day", "type": "date", "strategy": "constant", "value": "2024-02-29"}""",
      """
      {"name": "at", "type": "timestamp", "strategy": "constant", "value": "2024-03-10T10:30:00"}""",
      """
      {"name": "flag", "type": "boolean", "strategy": "constant", "value": true}""",
      """
      {"name": "amount", "type": "decimal(10,2)", "strategy": "constant", "value": 12.5}"""));

  private static SparkSession spark;
  private static ResolvedPlan plan;
  private static ResolvedTable table;

  @BeforeAll
  static void start() {
    spark = SharedSpark.get().newSession();
    plan = Plans.resolve(PLAN);
    table = plan.table("t");
  }

  /** The table's SQL over rows [first, end) with {@code codeSql} for column code (r is the row). */
  static SqlTable sql(long first, long end, String codeSql, String ratioSql, String idType) {
    String cols = "CAST(r + 1L AS " + idType + ") AS `id`, " + codeSql + " AS `code`, (-7) AS `small`, "
        + ratioSql + " AS `ratio`, " + SqlText.lit("it's") + " AS `label`, DATE'2024-02-29' AS `day`, "
        // 2024-03-10T10:30:00Z as an instant: no literal that the session time zone would read
        + "timestamp_micros(1710066600000000L) AS `at`, true AS `flag`, CAST(12.5 AS DECIMAL(10,2)) AS `amount`";
    String from = " FROM (SELECT id AS r FROM range(" + SqlText.lit(first) + ", " + SqlText.lit(end) + "))";
    return new SqlTable("t", "SELECT " + cols + from, "SELECT r AS __row, " + cols + from);
  }

  /** Column code as the local engine makes it: start + step * row, NULL where its null stream is below the rate. */
  static String code() {
    SqlScope row = scope();
    long key = table.column("code").nullStream().key();
    return "CASE WHEN " + SqlText.uniform(row, key) + " < 0.2D THEN CAST(NULL AS BIGINT) ELSE 100L + 3L * r END";
  }

  static SqlTable right(long first, long end) {
    return sql(first, end, code(), "0.0D", "BIGINT");
  }

  @Test
  void theHandWrittenSelectEqualsOurParquetAndTheSampleIsContainedInIt(@TempDir Path dir) throws Exception {
    SqlDiff diff = new SqlDiff(spark, dir.resolve("sql"));
    Map<String, LocalTable> local = SqlDiff.run(plan, null, dir.resolve("run"));
    Outcome o = diff.compare("harness", table, local.get("t"), right(0, ROWS));
    assertTrue(o.equal(), o.toString());
    assertEquals(ROWS, o.localRows());
    assertEquals(ROWS, o.sqlRows());
    Map<String, LocalTable> sample = SqlDiff.sample(plan, 100, dir.resolve("sample"));
    Outcome s = diff.contained("harness sample", table, sample.get("t"), right(0, ROWS));
    assertTrue(s.equal(), s.toString());
    assertEquals(100, s.localRows());
  }

  @Test
  void aWrongCellIsFoundAndShownWithItsRowIndex(@TempDir Path dir) throws Exception {
    SqlDiff diff = new SqlDiff(spark, dir.resolve("sql"));
    LocalTable local = SqlDiff.run(plan, null, dir).get("t");
    String wrong = "CASE WHEN r = 1234L THEN 7L ELSE " + code() + " END";
    Outcome o = diff.compare("harness", table, local, sql(0, ROWS, wrong, "0.0D", "BIGINT"));
    assertFalse(o.equal());
    assertEquals(1, o.localOnly(), o.toString());
    assertEquals(1, o.sqlOnly(), o.toString());
    assertTrue(o.detail().contains("column code (sequence, bigint, null_rate 0.2): 1 rows differ"), o.toString());
    String local1234 = (plan.table("t").column("code").nullStream().uniformAt(1234) < 0.2) ? "NULL" : "3802";
    assertTrue(o.detail().contains("row 1234: local " + local1234 + ", spark 7"), o.toString());
    assertTrue(o.detail().contains("SQL: ") && o.detail().contains("AS `code`"), o.toString());
  }

  @Test
  void negativeZeroIsNotZero(@TempDir Path dir) throws Exception {
    SqlDiff diff = new SqlDiff(spark, dir.resolve("sql"));
    LocalTable local = SqlDiff.run(plan, null, dir).get("t");
    Outcome o = diff.compare("harness", table, local, sql(0, ROWS, code(),
        // not (-0.0D) as a branch literal: Spark's optimizer folds CASE branches -0.0 and 0.0 into one literal
        "CASE WHEN r = 0L THEN -CAST(r AS DOUBLE) ELSE 0.0D END", "BIGINT"));
    assertFalse(o.equal(), "EXCEPT ALL on doubles alone would call -0.0 equal to 0.0");
    assertTrue(o.detail().contains("row 0: local 0.0, spark -0.0"), o.toString());
  }

  @Test
  void aMissingRowAWrongTypeAndAFailingSelectAreReported(@TempDir Path dir) throws Exception {
    SqlDiff diff = new SqlDiff(spark, dir.resolve("sql"));
    LocalTable local = SqlDiff.run(plan, null, dir).get("t");
    Outcome missing = diff.compare("harness", table, local, right(0, ROWS - 1));
    assertFalse(missing.equal());
    assertEquals(ROWS - 1, missing.sqlRows());
    assertTrue(missing.detail().contains("1 row indices on one side only, first: 2999 (only local)"),
        missing.toString());

    Outcome typed = diff.compare("harness", table, local, sql(0, ROWS, code(), "0.0D", "INT"));
    assertFalse(typed.equal());
    assertTrue(typed.problems().contains("the SELECT: column id is INT, the plan's type bigint is BIGINT in Spark"),
        typed.toString());

    Outcome failing = diff.compare("harness", table, local, new SqlTable("t", "SELECT no_such_column FROM range(3)",
        "SELECT 1"));
    assertFalse(failing.equal());
    assertTrue(failing.problems().get(0).startsWith("the SELECT fails on Spark"), failing.toString());
  }

  @Test
  void aSliceBeyondRow2To31IsNumberedFromItsFirstRow(@TempDir Path dir) throws Exception {
    SqlDiff diff = new SqlDiff(spark, dir.resolve("sql"));
    long first = (1L << 31) - 1_000;
    LocalTable local = SqlDiff.slice(plan, table, first, 2_000, dir);
    Outcome o = diff.compare("harness slice", table, local, right(first, first + 2_000));
    assertTrue(o.equal(), o.toString());
    String wrong = "CASE WHEN r = 2147483648L THEN 7L ELSE " + code() + " END";
    Outcome w = diff.compare("harness slice", table, local, sql(first, first + 2_000, wrong, "0.0D", "BIGINT"));
    assertTrue(w.detail().contains("row 2147483648: local "), w.toString());
  }

  @Test
  void theComparisonDoesNotDependOnTheSessionTimeZone(@TempDir Path dir) throws Exception {
    SparkSession la = SharedSpark.get().newSession();
    la.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    SqlDiff inLa = new SqlDiff(la, dir.resolve("la"));
    LocalTable local = SqlDiff.run(plan, null, dir).get("t");
    Outcome o = inLa.compare("harness LA", table, local, right(0, ROWS));
    assertTrue(o.equal(), o.toString());
    // a timestamp written as local wall-clock text is read in the session's zone, and the harness sees it
    SqlTable wall = right(0, ROWS);
    SqlTable zoned = new SqlTable("t", wall.select().replace("timestamp_micros(1710066600000000L)",
        "TIMESTAMP'2024-03-10 10:30:00'"), wall.selectWithRow().replace("timestamp_micros(1710066600000000L)",
        "TIMESTAMP'2024-03-10 10:30:00'"));
    Outcome z = inLa.compare("harness LA", table, local, zoned);
    assertFalse(z.equal(), z.toString());
    assertTrue(z.detail().contains("column at (constant, timestamp): 3000 rows differ"), z.toString());
    assertTrue(z.detail().contains("(1710066600000000 us), spark "), z.toString());
  }

  private static SqlScope scope() {
    return new SqlScope() {
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
        throw new UnsupportedOperationException(name);
      }

      @Override
      public String parentRow(String fkColumn) {
        throw new UnsupportedOperationException(fkColumn);
      }

      @Override
      public String parentColumn(String fkColumn, String parentColumn) {
        throw new UnsupportedOperationException(fkColumn);
      }

      @Override
      public String batch() {
        return "0L";
      }

      @Override
      public String perParentParentRow() {
        throw new IllegalStateException("t is not generated per parent");
      }

      @Override
      public String perParentOrdinal() {
        throw new IllegalStateException("t is not generated per parent");
      }

      @Override
      public String childAggregate(String childTable, String function, String column) {
        throw new UnsupportedOperationException(childTable);
      }

      @Override
      public String constantArray(String hint, String sqlArray) {
        return sqlArray;
      }
    };
  }
}
