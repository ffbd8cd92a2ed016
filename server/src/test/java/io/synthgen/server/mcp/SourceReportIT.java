package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MCP client against the packaged server over stdio: a plan from Parquet files DuckDB wrote (customers and
 * orders with a foreign key), approved and run, then compare_to_source on the job; DuckDB checks the run too.
 */
class SourceReportIT {

  @TempDir
  Path dir;

  @Test
  void aPlanFromFilesIsRunAndComparedWithThem() throws Exception {
    Path state = dir.resolve("state");
    Path out = dir.resolve("out");
    Path data = out.resolve("shop");
    Files.createDirectories(data);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT i + 1 AS customer_id, CASE WHEN i % 10 < 6 THEN 'Free' WHEN i % 10 < 9 THEN 'Pro' "
          + "ELSE 'Enterprise' END AS tier FROM range(1000) t(i)) TO '" + data.resolve("customers.parquet")
          + "' (FORMAT parquet)");
      s.execute("COPY (SELECT i + 1 AS order_id, (i * 7) % 1000 + 1 AS customer_id, "
          + "round(10 + (hash(i) % 9000) / 100.0, 2)::DOUBLE AS amount FROM range(6000) t(i)) TO '"
          + data.resolve("orders.parquet") + "' (FORMAT parquet)");
    }
    try (McpSyncClient c = Clients.stdio(state, out, new ArrayList<>())) {
      JsonNode plan = ok(c, "propose_plan", "{\"source\": {\"path\": \"shop\"}}");
      String planId = plan.path("plan_id").asText();
      ok(c, "approve_plan", "{\"plan_id\": \"" + planId + "\", \"version\": 1}");
      JsonNode run = ok(c, "generate_full", "{\"plan_id\": \"" + planId + "\", \"wait_seconds\": 60}");
      assertEquals("succeeded", run.path("status").asText(), run.toString());
      JsonNode report = ok(c, "compare_to_source", "{\"job_id\": \"" + run.path("job_id").asText() + "\"}");
      assertEquals("shop", report.path("source").asText());
      assertTrue(report.path("row_checks_passed").asBoolean(), report.toString());
      assertFalse(report.path("source_row_reproduced").asBoolean());
      assertEquals(2, report.path("tables").size(), report.toString());
      for (JsonNode t : report.path("tables")) {
        assertEquals(t.path("source_rows").asLong(), t.path("synthetic_rows").asLong(), "the source's row counts");
        for (JsonNode col : t.path("columns")) {
          if (col.path("column").asText().equals("tier") || col.path("column").asText().equals("amount")) {
            assertTrue(col.path("value").asDouble() < 0.1, col.toString());
          }
        }
      }
      Path runDir = out.resolve(report.path("run").asText());
      try (Connection c2 = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c2.createStatement();
          var r = s.executeQuery("SELECT count(*) FROM '" + runDir.resolve("orders.parquet") + "' o ANTI JOIN '"
              + runDir.resolve("customers.parquet") + "' c USING (customer_id)")) {
        r.next();
        assertEquals(0, r.getLong(1), "no orphan orders");
      }
    }
  }
}
