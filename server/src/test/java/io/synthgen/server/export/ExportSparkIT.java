package io.synthgen.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Column;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.JobRunsSql;
import io.synthgen.server.catalog.PublishSource;
import io.synthgen.server.catalog.UcNames;
import io.synthgen.server.catalog.databricks.NotebookCells;
import io.synthgen.server.catalog.databricks.SharedSpark;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported files run on real Spark with Delta: the SQL file statement by statement and the notebook cell by cell make
 * tables equal to the local engine's files (EXCEPT ALL both ways after casting to the plan types), with the table and
 * column comments and the synthetic-data properties, and a row-count check that fails on a wrong count.
 */
class ExportSparkIT {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Structural strategies, with notes and a description holding quotes, backslashes and comment closers. */
  static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "exported", "seed": 11, "reference_date": "2025-01-01", "tier": 1,
       "destination": {"kind": "local", "path": "out", "format": "parquet"},
       "tables": [
        {"name": "regions", "rows": 12, "primary_key": "region_id",
         "description": "Regions */ with \\"quotes\\", 'apostrophes' and \\\\ backslashes \\"\\"\\"",
         "columns": [
          {"name": "region_id", "type": "int", "strategy": "sequence", "start": 10, "step": 5,
           "note": "key */ -- not a comment 'x' \\"\\"\\" \\\\"},
          {"name": "weight", "type": "bigint", "strategy": "sequence", "start": 1, "step": 3},
          {"name": "label", "type": "string", "strategy": "constant", "value": "it's \\"north\\" */ # COMMAND ----------"}]},
        {"name": "customers", "rows": 300, "primary_key": "customer_id", "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1000, "step": 1},
          {"name": "region_id", "type": "int", "strategy": "foreign_key", "references": "regions.region_id",
           "null_rate": 0.1},
          {"name": "region_w", "type": "int", "strategy": "foreign_key", "references": "regions.region_id",
           "distribution": {"type": "weighted", "by": "weight"}},
          {"name": "region_label", "type": "string", "strategy": "lookup", "via": "region_w", "column": "label"},
          {"name": "price", "type": "decimal(10,2)", "strategy": "constant", "value": 12.5},
          {"name": "since", "type": "date", "strategy": "constant", "value": "2024-02-29"},
          {"name": "at", "type": "timestamp", "strategy": "constant", "value": "2024-02-29 10:11:12"},
          {"name": "flag", "type": "boolean", "strategy": "constant", "value": true, "null_rate": 0.5}]},
        {"name": "orders", "rows": 1500, "columns": [
          {"name": "order_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "customer_id", "type": "bigint", "strategy": "foreign_key", "references": "customers.customer_id",
           "null_rate": 0.02},
          {"name": "cust_since", "type": "date", "strategy": "lookup", "via": "customer_id", "column": "since"},
          {"name": "amount", "type": "double", "strategy": "constant", "value": -0.125}]}
       ]}
      """;

  @TempDir
  Path dir;

  @Test
  void theSqlFileRunStatementByStatementMakesTheLocalEnginesTables() throws Exception {
    ResolvedPlan plan = Resolver.resolve(PlanCodec.read(PLAN));
    ExportScript script = Exports.script(plan, null, 0, new Exports.Request(ExportFormat.SQL, null, null, null),
        "test");
    List<String> statements = SqlScript.statements(Exports.text(ExportFormat.SQL, script));
    assertEquals(script.statements(), statements, "the file splits into exactly the script's statements");
    SparkSession s = session("UTC");
    for (String st : statements) {
      s.sql(st).collect();
    }
    assertEqualToLocal(s, plan);
    Map<String, String> props = s.sql("SHOW TBLPROPERTIES `regions`").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
    Plan exact = plan.withExactRows();
    assertEquals("true", props.get("synthgen.synthetic"));
    assertEquals(Runs.planHash(exact), props.get("synthgen.plan_hash"));
    assertEquals("11", props.get("synthgen.seed"));
    String comment = s.sql("DESCRIBE TABLE EXTENDED `regions`").collectAsList().stream()
        .filter(r -> "Comment".equals(r.getString(0))).map(r -> r.getString(1)).findFirst().orElseThrow();
    assertTrue(comment.startsWith("Regions */ with \"quotes\", 'apostrophes' and \\ backslashes \"\"\". Synthetic "
        + "data generated by synthgen from plan exported, seed 11."), comment);
    String note = s.sql("DESCRIBE TABLE `regions`").collectAsList().stream()
        .filter(r -> "region_id".equals(r.getString(0))).map(r -> r.getString(2)).findFirst().orElseThrow();
    assertEquals("key */ -- not a comment 'x' \"\"\" \\", note);

    PublishSource src = new PublishSource(exact, Runs.planHash(exact), null, 0, null);
    Exception wrong = assertThrows(Exception.class,
        () -> s.sql(new JobRunsSql(null, null, src).check("orders", 1501)).collect());
    assertTrue(String.valueOf(wrong.getMessage()).contains("orders has 1500 rows, the plan has 1501"),
        wrong.getMessage());
  }

  @Test
  void theNotebooksCellsRunInATimeZoneOtherThanUtcAndMakeTheSameTables() throws Exception {
    ResolvedPlan plan = Resolver.resolve(PlanCodec.read(PLAN));
    String notebook = Exports.export(plan, "pln_x", 2, new Exports.Request(ExportFormat.NOTEBOOK, null, null, null),
        "test");
    List<List<String>> cells = NotebookCells.parse(notebook);
    assertEquals(2 + plan.tables().size(), cells.size());
    SparkSession s = session("America/Los_Angeles");
    for (List<String> cell : cells) {
      for (String st : cell) {
        s.sql(st).collect();
      }
    }
    assertEqualToLocal(s, plan);
  }

  @Test
  void aTemplateAtSmallSizeEqualsTheLocalEngine() throws Exception {
    ResolvedPlan plan = Resolver.resolve(Scaling.scale(Templates.load("retail"), 2000));
    String sql = Exports.export(plan, null, 0, new Exports.Request(ExportFormat.SQL, null, null, null), "test");
    SparkSession s = session("UTC");
    for (String st : SqlScript.statements(sql)) {
      s.sql(st).collect();
    }
    assertEqualToLocal(s, plan);
  }

  /** A session of its own with a fresh current database and the given session time zone. */
  private static SparkSession session(String zone) {
    SparkSession s = SharedSpark.get().newSession();
    s.conf().set("spark.sql.session.timeZone", zone);
    String db = "export_it_" + DATABASES.incrementAndGet();
    s.sql("CREATE DATABASE " + db);
    s.catalog().setCurrentDatabase(db);
    return s;
  }

  /** Every table equals the local engine's Parquet, both ways, after casting both to the plan types. */
  private void assertEqualToLocal(SparkSession s, ResolvedPlan plan) throws Exception {
    // the tables hold instants whatever zone made them; the local files hold UTC wall-clock timestamps (Parquet
    // isAdjustedToUTC=false), which read as instants only in UTC
    s.conf().set("spark.sql.session.timeZone", "UTC");
    Path run = Files.createTempDirectory(dir, "run");
    Runs.generate(plan, run, WriterOptions.of(plan.plan().destination(), null, null, 0), new Engine(2,
        Engine.DEFAULT_CHUNK_ROWS), Progress.NONE, new Cancellation());
    RunManifest m = RunManifest.read(run).orElseThrow();
    for (var t : plan.plan().tables()) {
      StringJoiner cols = new StringJoiner(", ");
      for (Column c : t.columns()) {
        if (!c.omit()) {
          cols.add("CAST(" + UcNames.quote(c.name()) + " AS " + sqlType(c) + ") AS " + UcNames.quote(c.name()));
        }
      }
      String file = run.resolve(m.table(t.name()).orElseThrow().files().get(0).path()).toString();
      s.read().parquet(file).createOrReplaceTempView("local_" + t.name());
      String local = "SELECT " + cols + " FROM local_" + t.name();
      String spark = "SELECT " + cols + " FROM " + UcNames.quote(t.name());
      long rows = plan.table(t.name()).rows();
      assertEquals(rows, s.sql(spark).count(), t.name() + " rows");
      List<Row> onlySpark = s.sql(spark + " EXCEPT ALL " + local).limit(3).collectAsList();
      List<Row> onlyLocal = s.sql(local + " EXCEPT ALL " + spark).limit(3).collectAsList();
      assertEquals(List.of(), onlySpark, t.name() + ": rows only in the exported table");
      assertEquals(List.of(), onlyLocal, t.name() + ": rows only in the local engine's file");
    }
  }

  private static String sqlType(Column c) {
    var t = c.type();
    return switch (t.kind()) {
      case DECIMAL -> String.format(Locale.ROOT, "DECIMAL(%d,%d)", t.precision(), t.scale());
      default -> t.kind().name();
    };
  }
}
