package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * propose_plan {source: {path}}: a Parquet file DuckDB writes under the output root is profiled and planned, the
 * plan runs through approve_plan and generate_full, and DuckDB compares the output with the source.
 */
class ProposeFromSourceTest {

  @TempDir
  Path dir;

  private static long one(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static double num(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getDouble(1);
    }
  }

  @Test
  void aParquetFileBecomesAPlanThatRunsWithoutItsRareValues() throws Exception {
    try (ToolFixture f = new ToolFixture(dir);
        Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      Path src = Files.createDirectories(f.out.resolve("exports"));
      s.execute("SET threads = 1");
      s.execute("SELECT setseed(0.3)");
      s.execute("COPY (SELECT i AS member_id, "
          + "CASE WHEN i IN (77, 4077) THEN 'Diamond' WHEN random() < 0.75 THEN 'Basic' ELSE 'Plus' END AS plan, "
          + "round(-ln(1 - random()) * 40, 2) AS monthly_spend, "
          + "DATE '2022-01-01' + CAST(floor(random() * 700) AS INTEGER) AS joined "
          + "FROM range(1, 8001) t(i)) TO '" + src.resolve("members.parquet") + "' (FORMAT parquet)");

      ToolResult proposed = f.call("propose_plan", "{\"source\": {\"path\": \"exports/members.parquet\"}}");
      assertFalse(proposed.isError(), proposed.text());
      JsonNode plan = proposed.structured().path("plan");
      assertEquals(8000, plan.path("tables").get(0).path("rows").asLong());
      JsonNode cols = plan.path("tables").get(0).path("columns");
      assertEquals("exponential", cols.get(2).path("distribution").path("type").asText(), cols.toString());
      assertFalse(proposed.text().contains("Diamond"), proposed.text());
      assertFalse(plan.toString().contains("Diamond"), plan.toString());
      assertTrue(plan.toString().contains("left out"), "the note says a value was left out: " + plan);

      String id = proposed.structured().path("plan_id").asText();
      assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}").isError());
      ToolResult run = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}");
      assertEquals("succeeded", run.structured().path("status").asText(), run.text());
      String out = f.out.resolve(plan.path("destination").path("path").asText()).resolve("members.parquet")
          .toString();
      String in = src.resolve("members.parquet").toString();
      assertEquals(0, one(s, "SELECT count(*) FROM '" + out + "' WHERE plan = 'Diamond'"));
      assertEquals(num(s, "SELECT avg(monthly_spend) FROM '" + in + "'"),
          num(s, "SELECT avg(monthly_spend) FROM '" + out + "'"), 2.0);
      assertEquals(0, one(s, "SELECT count(*) FROM (SELECT plan, monthly_spend, joined FROM '" + in
          + "' INTERSECT SELECT plan, monthly_spend, joined FROM '" + out + "')"), "a source row reproduced");
    }
  }

  @Test
  void mistakesComeBackAsViolationsAndPathsOutsideTheRootAreRefused() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult bad = f.call("propose_plan", "{\"source\": {\"min_count\": 0}, \"skews\": []}");
      assertTrue(bad.isError(), bad.text());
      JsonNode v = bad.structured().path("error").path("violations");
      assertEquals(3, v.size(), bad.text());
      ToolResult outside = f.call("propose_plan", "{\"source\": {\"path\": \"../state\"}}");
      assertTrue(outside.isError(), outside.text());
      assertTrue(outside.text().contains("outside the output root"), outside.text());
      ToolResult both = f.call("propose_plan", "{\"template\": \"retail\", \"source\": {\"path\": \"x\"}}");
      assertTrue(both.isError(), both.text());
      assertTrue(both.text().contains("not several"), both.text());
    }
  }
}
