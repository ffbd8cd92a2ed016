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
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.server.catalog.databricks.StandInFaults;
import io.synthgen.server.catalog.databricks.WorkspaceStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * write_to_uc end to end, as an assistant drives it: the packaged server over stdio, signed in through the
 * environment to a stand-in workspace whose SQL runs on Spark with Delta. Plan, approval, dry run, publish, then
 * the Delta tables are read back with Spark: row counts, column types, comments, properties and foreign keys.
 */
class WriteToUcIT {

  private static WorkspaceStandIn ws;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    ws = WorkspaceStandIn.start().addCatalog("demo").addWarehouse("wh-small", "Starter", "RUNNING", true)
        .addWarehouse("wh-classic", "Classic", "STOPPED", false);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void planApproveDryRunPublishAndReadBack() throws Exception {
    Path out = dir.resolve("out");
    try (McpSyncClient c = Clients.stdio(dir.resolve("state"), out, null, env())) {
      JsonNode v1 = ok(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 1500, \"destination\": "
          + "{\"kind\": \"unity_catalog\", \"catalog\": \"demo\", \"schema\": \"retail\"}}");
      String id = v1.path("plan_id").asText();
      assertEquals("not_approved", error(c, "write_to_uc", "{\"plan_id\": \"" + id + "\"}"));
      JsonNode approved = ok(c, "approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, "
          + "\"acknowledge_serverless\": true}");
      assertTrue(approved.path("next_step").asText().contains("write_to_uc"), approved.toString());

      // the dry run changes nothing and shows every statement
      int before = ws.requests().size();
      JsonNode dry = ok(c, "write_to_uc", "{\"plan_id\": \"" + id + "\", \"dry_run\": true}");
      assertTrue(dry.path("dry_run").asBoolean());
      assertEquals("wh-small", dry.path("warehouse").path("id").asText(), "the running serverless warehouse");
      assertEquals(2, dry.path("creates").size(), dry.toString());
      assertEquals(5, dry.path("tables").size());
      assertTrue(dry.path("tables").get(0).path("statements").get(0).asText().startsWith(
          "CREATE OR REPLACE TABLE `demo`.`retail`.`customers` USING DELTA"));
      assertTrue(ws.requests().subList(before, ws.requests().size()).stream()
          .allMatch(r -> r.method().equals("GET") || r.method().equals("HEAD")), "a dry run only reads");

      JsonNode job = ok(c, "write_to_uc", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}");
      job = finish(c, job);
      assertEquals("succeeded", job.path("status").asText(), job.toString());
      assertEquals("write_to_uc", job.path("kind").asText());
      Plan plan = PlanCodec.read(Files.readString(onlyRun(out).resolve("plan.json")));
      JsonNode manifest = Clients.JSON.readTree(onlyRun(out).resolve("manifest.json").toFile());
      Map<String, Long> rows = new HashMap<>();
      manifest.path("tables").forEach(t -> rows.put(t.path("name").asText(), t.path("rows").asLong()));
      for (JsonNode t : job.path("result").path("tables")) {
        assertEquals((long) rows.get(t.path("name").asText()), t.path("rows_verified").asLong(), t.toString());
      }

      SparkSession spark = ws.spark();
      for (Table t : plan.tables()) {
        assertEquals((long) rows.get(t.name()), ws.sparkTable("demo", "retail", t.name()).count(), t.name());
        List<Column> cols = t.columns().stream().filter(col -> !col.omit()).toList();
        StructField[] fields = ws.sparkTable("demo", "retail", t.name()).schema().fields();
        assertEquals(cols.size(), fields.length, t.name());
        for (int i = 0; i < fields.length; i++) {
          assertEquals(cols.get(i).name(), fields[i].name());
          assertEquals(cols.get(i).type().toString().toLowerCase(Locale.ROOT),
              fields[i].dataType().simpleString(), t.name() + "." + fields[i].name());
          if (cols.get(i).note() != null) {
            assertEquals(cols.get(i).note(), fields[i].getComment().getOrElse(() -> null), fields[i].name());
          }
        }
        Map<String, String> props = properties(spark, ws.sparkName("demo", "retail", t.name()));
        assertEquals("true", props.get("synthgen.synthetic"));
        assertEquals(id, props.get("synthgen.plan_id"));
        assertEquals("1", props.get("synthgen.plan_version"));
        assertEquals(manifest.path("plan").path("hash").asText(), props.get("synthgen.plan_hash"));
        assertEquals("42", props.get("synthgen.seed"));
        String comment = spark.sql("DESCRIBE TABLE EXTENDED " + ws.sparkName("demo", "retail", t.name()))
            .filter("col_name = 'Comment'").first().getString(1);
        assertTrue(comment.startsWith(t.description().substring(0, 20)) && comment.contains("synthgen"), comment);
      }
      assertEquals(0, orphans(spark, "transactions", "customer_id", "customers"));
      assertEquals(0, orphans(spark, "line_items", "txn_id", "transactions"));
      assertEquals(0, orphans(spark, "line_items", "product_id", "products"));
      try (Stream<Path> staged = Files.walk(ws.localPath("/Volumes/demo/retail/synthgen_staging"))) {
        assertEquals(List.of(), staged.filter(Files::isRegularFile).toList(), "staging files removed");
      }

      // again: the tables exist, so replacing them needs the person's confirmation (the client asks; they agree)
      JsonNode again = finish(c, ok(c, "write_to_uc", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}"));
      assertEquals("succeeded", again.path("status").asText(), again.toString());
      assertEquals("replace", again.path("result").path("tables").get(0).path("action").asText());
      assertEquals(0, again.path("result").path("files_skipped").asInt());

      // an expired token: an error the assistant can act on, nothing changed
      long customers = ws.sparkTable("demo", "retail", "customers").count();
      StandInFaults.Fault expired = ws.faults().expireToken();
      try {
        McpSchema.CallToolResult r = Clients.call(c, "write_to_uc", "{\"plan_id\": \"" + id + "\", \"confirm\": true}",
            null);
        assertTrue(Boolean.TRUE.equals(r.isError()), Clients.text(r));
        JsonNode e = Clients.JSON.valueToTree(r.structuredContent()).path("error");
        assertEquals("databricks_authentication", e.path("code").asText(), e.toString());
        assertTrue(e.path("next_step").asText().contains("databricks auth login"), e.toString());
        assertFalse(Clients.text(r).contains(ws.token()), "the token is never shown");
      } finally {
        expired.clear();
      }
      assertEquals(customers, ws.sparkTable("demo", "retail", "customers").count());
    }
  }

  private Map<String, String> env() {
    return ws.environment();
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

  private static Path onlyRun(Path out) throws Exception {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(p -> p.getFileName().toString().equals("manifest.json")).findFirst().orElseThrow().getParent();
    }
  }

  private static Map<String, String> properties(SparkSession spark, String table) {
    Map<String, String> m = new HashMap<>();
    for (Row r : spark.sql("SHOW TBLPROPERTIES " + table).collectAsList()) {
      m.put(r.getString(0), r.getString(1));
    }
    return m;
  }

  private static long orphans(SparkSession spark, String child, String fk, String parent) {
    String c = ws.sparkName("demo", "retail", child);
    String p = ws.sparkName("demo", "retail", parent);
    return spark.sql("SELECT count(*) FROM " + c + " x LEFT ANTI JOIN " + p + " y ON x.`" + fk + "` = y.`" + fk
        + "` WHERE x.`" + fk + "` IS NOT NULL").first().getLong(0);
  }
}
