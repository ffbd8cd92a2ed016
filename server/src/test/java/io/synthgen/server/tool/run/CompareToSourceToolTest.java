package io.synthgen.server.tool.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.source.PlanSources;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * propose_plan from files DuckDB wrote under the output root, a full run, then compare_to_source on the job and on
 * the plan: distances, correlations and the row check, and a source row planted into the source afterwards.
 */
class CompareToSourceToolTest {

  @TempDir
  Path dir;
  ToolFixture f;

  @BeforeEach
  void open() {
    f = new ToolFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private void duck(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private Path source() throws Exception {
    Path data = f.out.resolve("data");
    Files.createDirectories(data);
    duck("COPY (SELECT i + 1 AS order_id, i % 300 + 1 AS customer_id, "
        + "CASE WHEN i % 10 < 6 THEN 'Free' WHEN i % 10 < 9 THEN 'Pro' ELSE 'Enterprise' END AS tier, "
        + "round((hash(i) % 100000) / 1000.0, 2)::DOUBLE AS amount, DATE '2024-01-01' + (i % 365)::INT AS placed_on "
        + "FROM range(4000) t(i)) TO '" + data.resolve("orders.parquet") + "' (FORMAT parquet)");
    return data;
  }

  private static String id(ToolResult r, String field) {
    assertFalse(r.isError(), r.text());
    return r.structured().path(field).asText();
  }

  @Test
  void aRunOfAPlanFromFilesIsComparedWithThem() throws Exception {
    Path data = source();
    String plan = id(f.call("propose_plan", "{\"source\": {\"path\": \"data\"}}"), "plan_id");
    PlanSources.PlanSource recorded = PlanSources.read(f.state, plan).orElseThrow();
    assertEquals(new PlanSources.PlanSource("files", "data", java.util.List.of(), 10), recorded);
    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + plan + "\", \"version\": 1}").isError());
    String job = id(f.call("generate_full", "{\"plan_id\": \"" + plan + "\", \"wait_seconds\": 60}"), "job_id");

    ToolResult r = f.call("compare_to_source", "{\"job_id\": \"" + job + "\"}");
    assertFalse(r.isError(), r.text());
    JsonNode s = r.structured();
    assertEquals("data", s.path("source").asText());
    assertEquals(plan, s.path("plan_id").asText());
    assertEquals(1, s.path("version").asInt());
    assertTrue(s.path("row_checks_passed").asBoolean(), r.text());
    assertFalse(s.path("source_row_reproduced").asBoolean());
    JsonNode orders = s.path("tables").get(0);
    assertEquals("orders", orders.path("table").asText());
    assertEquals(4000, orders.path("source_rows").asLong());
    for (JsonNode c : orders.path("columns")) {
      String name = c.path("column").asText();
      if (name.equals("tier")) {
        assertTrue(c.path("value").asDouble() < 0.05, "weights as in the source: " + c);
      }
      if (name.equals("amount") || name.equals("placed_on")) {
        assertTrue(c.path("value").asDouble() < 0.1, "the fitted range: " + c);
      }
    }
    assertTrue(r.text().contains("no synthetic row reproduces a source row"), r.text());

    // the same run found from the plan; then a synthetic row planted into the source is caught
    ToolResult byPlan = f.call("compare_to_source", "{\"plan_id\": \"" + plan + "\"}");
    assertFalse(byPlan.isError(), byPlan.text());
    assertEquals(orders.path("columns"), byPlan.structured().path("tables").get(0).path("columns"));
    Path run = f.out.resolve(s.path("run").asText());
    Path planted = data.resolve("planted.parquet");
    duck("COPY (SELECT * FROM '" + data.resolve("orders.parquet") + "' UNION ALL SELECT * FROM '"
        + run.resolve("orders.parquet") + "' WHERE order_id = 7) TO '" + planted + "' (FORMAT parquet)");
    Files.move(planted, data.resolve("orders.parquet"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ToolResult caught = f.call("compare_to_source", "{\"plan_id\": \"" + plan + "\"}");
    assertTrue(caught.structured().path("source_row_reproduced").asBoolean(), caught.text());
    JsonNode check = caught.structured().path("tables").get(0).path("row_check");
    assertEquals(1, check.path("reproduced_rows").asLong());
    assertEquals(6, check.path("example_synthetic_rows").get(0).asLong());
    assertTrue(caught.structured().path("next_step").asText().contains("revise the plan"));

    // a run of version 2 replaces the folder: the first job's run is gone, the plan's latest run is compared
    assertFalse(f.call("revise_plan", "{\"plan_id\": \"" + plan + "\", \"version\": 1, \"operations\": ["
        + "{\"op\": \"set_seed\", \"seed\": 5}]}").isError());
    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + plan + "\", \"version\": 2}").isError());
    assertFalse(f.call("generate_full", "{\"plan_id\": \"" + plan + "\", \"wait_seconds\": 60, "
        + "\"overwrite\": true}").isError());
    ToolResult replaced = f.call("compare_to_source", "{\"job_id\": \"" + job + "\"}");
    assertEquals("run_replaced", replaced.structured().path("error").path("code").asText(), replaced.text());
    ToolResult latest = f.call("compare_to_source", "{\"plan_id\": \"" + plan + "\"}");
    assertEquals(2, latest.structured().path("version").asInt(), latest.text());
  }

  @Test
  void mistakesSayWhatToDo() throws Exception {
    String plan = id(f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 1000}"), "plan_id");
    ToolResult none = f.call("compare_to_source", "{\"plan_id\": \"" + plan + "\"}");
    assertTrue(none.isError());
    assertEquals("no_run", none.structured().path("error").path("code").asText(), none.text());
    ToolResult both = f.call("compare_to_source", "{\"plan_id\": \"" + plan + "\", \"job_id\": \"job_x\"}");
    assertEquals("job_or_plan", both.structured().path("error").path("code").asText());
    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + plan + "\", \"version\": 1}").isError());
    String job = id(f.call("generate_full", "{\"plan_id\": \"" + plan + "\", \"wait_seconds\": 60}"), "job_id");
    ToolResult template = f.call("compare_to_source", "{\"job_id\": \"" + job + "\"}");
    assertEquals("no_source", template.structured().path("error").path("code").asText(), template.text());
    ToolResult unknown = f.call("compare_to_source", "{\"job_id\": \"job_aaaaaaaaaaaaaaaaaaaaaaaaaa\"}");
    assertEquals("unknown_job", unknown.structured().path("error").path("code").asText());
  }

  @Test
  void aUnityCatalogSourceIsCheckedBeforeTheWorkspaceIsOpened() throws Exception {
    ToolResult bad = f.call("propose_plan", "{\"source\": {\"table\": \"main.sales\", \"tables\": [\"a b\"], "
        + "\"min_count\": 0, \"path\": \"x\"}}");
    assertTrue(bad.isError());
    JsonNode v = bad.structured().path("error").path("violations");
    assertEquals(4, v.size(), bad.text());
    ToolResult noWorkspace = f.call("propose_plan", "{\"source\": {\"table\": \"main.sales.orders\"}}");
    assertEquals("databricks_configuration", noWorkspace.structured().path("error").path("code").asText(),
        noWorkspace.text());
  }
}
