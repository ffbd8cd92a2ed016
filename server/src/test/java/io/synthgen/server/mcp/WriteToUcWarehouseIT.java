package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.error;
import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.plan.Column;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.server.catalog.databricks.StandInFaults;
import io.synthgen.server.catalog.databricks.WorkspaceStandIn;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * write_to_uc with the warehouse engine end to end, as an assistant drives it: the packaged server over stdio against
 * the Spark-backed stand-in. A Tier 2 plan is approved, the dry run names the warehouse and changes nothing, serverless
 * use must be acknowledged, then every table is made by its compiled {@code CREATE OR REPLACE TABLE … AS SELECT} with
 * nothing generated or uploaded here. The tables are read back with Spark: row counts, types, comments, properties,
 * no orphans, and every row of generate_sample's sample is a row of the tables. A failing statement leaves that table
 * as it was and fails the job with a clear error; cancel stops the running statement.
 */
class WriteToUcWarehouseIT {

  private static WorkspaceStandIn ws;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    ws = WorkspaceStandIn.start().addCatalog("demo").addWarehouse("wh-s", "Starter", "RUNNING", true)
        .addWarehouse("wh-classic", "Classic", "STOPPED", false);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void aTierTwoPlanIsGeneratedInTheWarehouseAndItsTablesHoldTheSampleRows() throws Exception {
    Path out = dir.resolve("out");
    try (McpSyncClient c = Clients.stdio(dir.resolve("state"), out, null, ws.environment())) {
      // into Unity Catalog at Tier 2, the plan shown names the warehouse, and approving it needs the acknowledgement
      JsonNode uc = ok(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 1500, \"tier\": 2, \"destination\": "
          + "{\"kind\": \"unity_catalog\", \"catalog\": \"demo\", \"schema\": \"wh\"}}");
      assertTrue(uc.path("tier").path("compute").asText().startsWith("Databricks SQL warehouse (chosen at write "
          + "time), serverless: generates "), uc.path("tier").toString());
      assertEquals("serverless_not_acknowledged", error(c, "approve_plan", "{\"plan_id\": \""
          + uc.path("plan_id").asText() + "\", \"version\": 1}"));

      // the same plan with its destination named at write time: write_to_uc asks for the acknowledgement itself
      JsonNode v1 = ok(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 1500, \"tier\": 2}");
      String id = v1.path("plan_id").asText();
      ok(c, "approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}");
      String at = "{\"plan_id\": \"" + id + "\", \"catalog\": \"demo\", \"schema\": \"wh\"";
      Plan plan = PlanCodec.read(Clients.JSON.writeValueAsString(ok(c, "get_plan", "{\"plan_id\": \"" + id + "\"}")
          .path("plan")));
      Map<String, Long> rows = new HashMap<>();
      ok(c, "get_plan", "{\"plan_id\": \"" + id + "\"}").path("tables")
          .forEach(t -> rows.put(t.path("name").asText(), t.path("rows").asLong()));

      int before = ws.requests().size();
      JsonNode dry = ok(c, "write_to_uc", at + ", \"dry_run\": true}");
      assertEquals("warehouse", dry.path("engine").asText(), dry.toString());
      assertEquals("wh-s", dry.path("warehouse").path("id").asText());
      assertTrue(dry.path("compute").asText().startsWith("Databricks SQL warehouse 'Starter', serverless"));
      assertEquals(5, dry.path("tables").size());
      assertTrue(ws.requests().subList(before, ws.requests().size()).stream()
          .allMatch(r -> r.method().equals("GET") || r.method().equals("HEAD")), "a dry run only reads");

      assertEquals("serverless_not_acknowledged", error(c, "write_to_uc", at + "}"));
      assertEquals(0, ws.requests().subList(before, ws.requests().size()).stream()
          .filter(r -> r.method().equals("POST")).count(), "nothing ran before the acknowledgement");

      JsonNode job = finish(c, ok(c, "write_to_uc", at + ", \"acknowledge_serverless\": true, "
          + "\"wait_seconds\": 60}"));
      assertEquals("succeeded", job.path("status").asText(), job.toString());
      assertEquals("warehouse", job.path("result").path("engine").asText());
      for (JsonNode t : job.path("result").path("tables")) {
        assertEquals((long) rows.get(t.path("name").asText()), t.path("rows_verified").asLong(), t.toString());
      }
      assertTrue(ws.requests().stream().noneMatch(r -> r.path().startsWith("/api/2.0/fs/")), "nothing uploaded");
      assertFalse(Files.exists(out) && hasManifest(out), "nothing generated on this machine");

      SparkSession spark = ws.spark();
      for (Table t : plan.tables()) {
        assertEquals((long) rows.get(t.name()), ws.sparkTable("demo", "wh", t.name()).count(), t.name());
        List<Column> cols = t.columns().stream().filter(col -> !col.omit()).toList();
        StructField[] fields = ws.sparkTable("demo", "wh", t.name()).schema().fields();
        assertEquals(cols.size(), fields.length, t.name());
        for (int i = 0; i < fields.length; i++) {
          assertEquals(cols.get(i).name(), fields[i].name());
          assertEquals(cols.get(i).type().toString().toLowerCase(Locale.ROOT), fields[i].dataType().simpleString(),
              t.name() + "." + fields[i].name());
          if (cols.get(i).note() != null) {
            assertEquals(cols.get(i).note(), fields[i].getComment().getOrElse(() -> null), fields[i].name());
          }
        }
        Map<String, String> props = properties(spark, ws.sparkName("demo", "wh", t.name()));
        assertEquals("true", props.get("synthgen.synthetic"));
        assertEquals(id, props.get("synthgen.plan_id"));
        assertEquals("1", props.get("synthgen.plan_version"));
        assertEquals("42", props.get("synthgen.seed"));
      }
      assertEquals(0, orphans(spark, "transactions", "customer_id", "customers"));
      assertEquals(0, orphans(spark, "line_items", "txn_id", "transactions"));
      assertEquals(0, orphans(spark, "line_items", "product_id", "products"));

      // the sample is a true preview: each of its rows is a row of the tables the warehouse made
      JsonNode sample = ok(c, "generate_sample", "{\"plan_id\": \"" + id + "\"}");
      for (JsonNode st : sample.path("tables")) {
        Table t = plan.tables().stream().filter(x -> x.name().equals(st.path("name").asText())).findFirst()
            .orElseThrow();
        McpSchema.ReadResourceResult r = c.readResource(McpSchema.ReadResourceRequest.builder(
            st.path("resource").asText()).build());
        List<String> lines = ((McpSchema.TextResourceContents) r.contents().get(0)).text().lines().toList();
        assertFalse(lines.isEmpty(), t.name());
        Set<String> table = new HashSet<>();
        for (Row row : ws.sparkTable("demo", "wh", t.name()).collectAsList()) {
          table.add(canonical(t, row));
        }
        for (String line : lines) {
          String s = canonical(t, Clients.JSON.readTree(line));
          assertTrue(table.contains(s), t.name() + ": the sample row " + line + " is not in the table");
        }
      }

      // a statement that fails: the job fails saying so, that table keeps its earlier version
      long history = history(spark, "transactions");
      StandInFaults.Fault broken = ws.faults().failStatements(sql -> sql.startsWith(
          "CREATE OR REPLACE TABLE `demo`.`wh`.`transactions`"), "INTERNAL_ERROR", "Injected failure");
      try {
        JsonNode failed = finish(c, ok(c, "write_to_uc", at + ", \"acknowledge_serverless\": "
            + "true, \"confirm\": true, \"wait_seconds\": 60}"));
        assertEquals("failed", failed.path("status").asText(), failed.toString());
        String e = failed.path("error").asText();
        assertTrue(e.contains("generating demo.wh.transactions failed") && e.contains("Injected failure")
            && e.contains("demo.wh.transactions keeps its earlier data"), e);
        assertTrue(e.contains("already loaded: demo.wh.customers, demo.wh.products"), e);
      } finally {
        broken.clear();
      }
      assertEquals(history, history(spark, "transactions"), "the failed table was not changed");
      assertEquals((long) rows.get("transactions"), ws.sparkTable("demo", "wh", "transactions").count());

      // cancel while a table's statement runs: the statement is cancelled, the table keeps its data
      long customers = history(spark, "customers");
      StandInFaults.Fault slow = ws.faults().delayStatements(sql -> sql.startsWith(
          "CREATE OR REPLACE TABLE `demo`.`wh`.`customers`"), Duration.ofMinutes(3));
      try {
        JsonNode running = ok(c, "write_to_uc", at + ", \"acknowledge_serverless\": true, "
            + "\"confirm\": true, \"wait_seconds\": 3}");
        String jobId = running.path("job_id").asText();
        assertEquals("running", running.path("status").asText(), running.toString());
        assertEquals("generating demo.wh.customers", running.path("progress").path("table").asText(),
            running.toString());
        ok(c, "cancel_job", "{\"job_id\": \"" + jobId + "\"}");
        JsonNode cancelled = finish(c, ok(c, "get_job", "{\"job_id\": \"" + jobId + "\", \"wait_seconds\": 30}"));
        assertEquals("cancelled", cancelled.path("status").asText(), cancelled.toString());
        assertTrue(ws.requests().stream().anyMatch(r -> r.is("POST", "/api/2.0/sql/statements/")
            && r.path().endsWith("/cancel")), "the running statement was cancelled on the warehouse");
      } finally {
        slow.clear();
      }
      assertEquals(customers, history(spark, "customers"), "the cancelled table was not changed");
    }
  }

  /** A row as text, one canonical spelling per value whichever side it comes from. */
  private static String canonical(Table t, Row row) {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (Column c : t.columns()) {
      if (c.omit()) {
        continue;
      }
      Object v = row.get(i++);
      out.add(v == null ? "∅" : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
          : v.toString());
    }
    return String.join("|", out);
  }

  private static String canonical(Table t, JsonNode row) {
    List<String> out = new ArrayList<>();
    for (Column c : t.columns()) {
      if (c.omit()) {
        continue;
      }
      JsonNode v = row.get(c.name());
      out.add(v == null || v.isNull() ? "∅" : value(c.type(), v));
    }
    return String.join("|", out);
  }

  private static String value(DataType type, JsonNode v) {
    switch (type.kind()) {
      case BIGINT: return Long.toString(v.asLong());
      case INT: return Integer.toString(v.asInt());
      case DOUBLE: return Double.toString(v.asDouble());
      case DECIMAL: return v.decimalValue().stripTrailingZeros().toPlainString();
      case STRING: return v.asText();
      case BOOLEAN: return Boolean.toString(v.asBoolean());
      case DATE: return v.asText();
      case TIMESTAMP: return LocalDateTime.parse(v.asText().replace(' ', 'T')).toInstant(ZoneOffset.UTC).toString();
    }
    throw new IllegalStateException(type.toString());
  }

  private static long history(SparkSession spark, String table) {
    return spark.sql("DESCRIBE HISTORY " + ws.sparkName("demo", "wh", table)).count();
  }

  private static boolean hasManifest(Path out) throws Exception {
    try (Stream<Path> s = Files.walk(out)) {
      return s.anyMatch(p -> p.getFileName().toString().equals("manifest.json"));
    }
  }

  /** Polls get_job until the job is final. */
  private static JsonNode finish(McpSyncClient c, JsonNode job) {
    for (int i = 0; i < 20 && !isFinal(job.path("status").asText()); i++) {
      job = ok(c, "get_job", "{\"job_id\": \"" + job.path("job_id").asText() + "\", \"wait_seconds\": 30}");
    }
    return job;
  }

  private static boolean isFinal(String s) {
    return !s.equals("queued") && !s.equals("running");
  }

  private static Map<String, String> properties(SparkSession spark, String table) {
    Map<String, String> m = new HashMap<>();
    for (Row r : spark.sql("SHOW TBLPROPERTIES " + table).collectAsList()) {
      m.put(r.getString(0), r.getString(1));
    }
    return m;
  }

  private static long orphans(SparkSession spark, String child, String fk, String parent) {
    String c = ws.sparkName("demo", "wh", child);
    String p = ws.sparkName("demo", "wh", parent);
    return spark.sql("SELECT count(*) FROM " + c + " x LEFT ANTI JOIN " + p + " y ON x.`" + fk + "` = y.`" + fk
        + "` WHERE x.`" + fk + "` IS NOT NULL").first().getLong(0);
  }
}
