package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** propose_plan {ddl}: a plan drafted from CREATE TABLE statements, through the tool, run and read back by DuckDB. */
class ProposeDdlTest {

  static final String DDL = """
      CREATE TABLE customers (
        customer_id BIGINT PRIMARY KEY,
        name VARCHAR(40) NOT NULL,
        tier VARCHAR(10) NOT NULL CHECK (tier IN ('free', 'pro', 'enterprise'))
      );
      CREATE TABLE orders (
        order_id BIGINT PRIMARY KEY,
        customer_id BIGINT NOT NULL REFERENCES customers (customer_id),
        quantity INT NOT NULL CHECK (quantity BETWEEN 1 AND 9),
        status VARCHAR(10) DEFAULT 'open' CHECK (status IN ('open', 'closed'))
      );
      """;

  @TempDir
  Path dir;

  @Test
  void aPlanFromDdlIsProposedApprovedAndGeneratedThroughTheTools() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      String args = new ObjectMapper().createObjectNode().put("ddl", DDL).put("name", "shop_ddl").toString();
      ToolResult proposed = f.call("propose_plan", args);
      assertFalse(proposed.isError(), proposed.text());
      assertTrue(proposed.text().contains("orders"), proposed.text());
      String id = proposed.structured().path("plan_id").asText();
      assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}").isError());
      ToolResult run = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}");
      assertEquals("succeeded", run.structured().path("status").asText(), run.text());
      Path out = f.out.resolve("shop_ddl");
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
        String o = out.resolve("orders.parquet").toString().replace("'", "''");
        String cu = out.resolve("customers.parquet").toString().replace("'", "''");
        ResultSet r = s.executeQuery("SELECT count(*) FILTER (WHERE customer_id NOT IN (SELECT customer_id FROM '" + cu
            + "')), count(*) FILTER (WHERE quantity NOT BETWEEN 1 AND 9 OR quantity IS NULL), "
            + "count(*) FILTER (WHERE status NOT IN ('open', 'closed')) FROM '" + o + "'");
        r.next();
        assertEquals(0, r.getLong(1), "orphans");
        assertEquals(0, r.getLong(2), "CHECK (quantity BETWEEN 1 AND 9), NOT NULL");
        assertEquals(0, r.getLong(3), "CHECK (status IN ...)");
      }
    }
  }

  @Test
  void theDdlsProblemsComeBackAsViolationsWithLines() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      String args = new ObjectMapper().createObjectNode().put("ddl", "CREATE TABLE t (\n  id BIGINT PRIMARY KEY,\n"
          + "  blob BYTEA,\n  j JSONB\n);\nINSERT INTO t VALUES (1);").toString();
      ToolResult r = f.call("propose_plan", args);
      assertTrue(r.isError(), r.text());
      JsonNode vs = r.structured().path("error").path("violations");
      assertEquals(3, vs.size(), r.text());
      assertEquals("ddl line 3", vs.get(0).path("path").asText(), r.text());
      assertEquals("ddl line 4", vs.get(1).path("path").asText(), r.text());
      assertEquals("ddl line 6", vs.get(2).path("path").asText(), r.text());
    }
  }

  /** Skews weigh the DDL's foreign keys as they do own tables': Enterprise customers order more. */
  @Test
  void skewsApplyToTheTablesOfTheDdl() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      var args = new ObjectMapper().createObjectNode().put("ddl", DDL);
      args.putArray("skews").addObject().put("table", "orders").put("column", "customer_id").put("by", "tier")
          .putObject("weights").put("enterprise", 8).put("pro", 2).put("free", 1);
      ToolResult proposed = f.call("propose_plan", args.toString());
      assertFalse(proposed.isError(), proposed.text());
      String id = proposed.structured().path("plan_id").asText();
      assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}").isError());
      ToolResult run = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}");
      assertEquals("succeeded", run.structured().path("status").asText(), run.text());
      Path out = f.out.resolve("from_ddl");
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
        ResultSet r = s.executeQuery("SELECT tier, count(o.order_id) * 1.0 / count(DISTINCT cu.customer_id) FROM '"
            + out.resolve("customers.parquet") + "' cu LEFT JOIN '" + out.resolve("orders.parquet")
            + "' o USING (customer_id) GROUP BY tier ORDER BY 2");
        java.util.List<String> order = new java.util.ArrayList<>();
        while (r.next()) {
          order.add(r.getString(1));
        }
        assertEquals(java.util.List.of("free", "pro", "enterprise"), order, "orders per customer rise with tier");
      }
      ToolResult cut = f.call("propose_plan", new ObjectMapper().createObjectNode().put("ddl", DDL)
          .set("only_tables", new ObjectMapper().createArrayNode().add("orders")).toString());
      assertTrue(cut.isError(), cut.text());
    }
  }

  @Test
  void ddlTogetherWithTablesIsRefused() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult r = f.call("propose_plan", "{\"ddl\": \"CREATE TABLE t (id INT)\", \"template\": \"retail\"}");
      assertTrue(r.isError(), r.text());
      assertEquals("template_or_tables", r.structured().path("error").path("code").asText(), r.text());
    }
  }
}
