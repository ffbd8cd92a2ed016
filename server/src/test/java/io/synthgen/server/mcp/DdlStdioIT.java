package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.synthgen.testing.Duck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * propose_plan {ddl} through the packaged jar over stdio, as a desktop client starts it: four tables with foreign
 * keys and CHECK constraints, approved and generated, read back by DuckDB.
 */
class DdlStdioIT {

  static final String DDL = """
      CREATE TABLE customers (
        customer_id BIGINT PRIMARY KEY,
        email VARCHAR(80) NOT NULL UNIQUE,
        tier VARCHAR(10) NOT NULL DEFAULT 'free' CHECK (tier IN ('free', 'pro', 'enterprise'))
      );
      CREATE TABLE products (
        product_id INT PRIMARY KEY,
        title VARCHAR(60) NOT NULL,
        price NUMERIC(8,2) NOT NULL CHECK (price > 0 AND price <= 900)
      );
      CREATE TABLE orders (
        order_id BIGINT PRIMARY KEY,
        customer_id BIGINT NOT NULL REFERENCES customers (customer_id),
        status VARCHAR(9) NOT NULL CHECK (status IN ('placed', 'shipped', 'returned'))
      );
      CREATE TABLE order_lines (
        line_id BIGINT PRIMARY KEY,
        order_id BIGINT NOT NULL REFERENCES orders (order_id),
        product_id INT NOT NULL REFERENCES products (product_id),
        quantity SMALLINT NOT NULL CHECK (quantity BETWEEN 1 AND 6)
      );
      """;

  @TempDir
  Path dir;

  @Test
  void aPlanFromDdlOverStdioGeneratesRowsTheDdlAllows() throws Exception {
    Path out = dir.resolve("out");
    try (McpSyncClient c = Clients.stdio(dir.resolve("state"), out, null)) {
      JsonNode plan = ok(c, "propose_plan", Clients.JSON.createObjectNode().put("ddl", DDL).put("name", "shop")
          .put("rows", 400).toString());
      String id = plan.path("plan_id").asText();
      ok(c, "approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}");
      JsonNode run = ok(c, "generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}");
      assertEquals("succeeded", run.path("status").asText(), run.toString());
    }
    Path files = out.resolve("shop");
    try (Duck duck = new Duck()) {
      duck.parquetViews(files, "customers", "products", "orders", "order_lines");
      assertEquals(400, duck.count("SELECT count(*) FROM customers"));
      assertEquals(0, duck.count("SELECT count(*) FROM orders WHERE customer_id NOT IN (SELECT customer_id FROM "
          + "customers)"));
      assertEquals(0, duck.count("SELECT count(*) FROM order_lines WHERE order_id NOT IN (SELECT order_id FROM orders)"
          + " OR product_id NOT IN (SELECT product_id FROM products)"));
      assertEquals(0, duck.count("SELECT count(*) FROM customers WHERE email IS NULL OR length(email) > 80 "
          + "OR tier NOT IN ('free', 'pro', 'enterprise')"));
      assertEquals(duck.count("SELECT count(*) FROM customers"), duck.count("SELECT count(DISTINCT email) FROM "
          + "customers"));
      assertEquals(0, duck.count("SELECT count(*) FROM products WHERE price <= 0 OR price > 900 OR title IS NULL "
          + "OR length(title) > 60"));
      assertEquals(0, duck.count("SELECT count(*) FROM orders WHERE status NOT IN ('placed', 'shipped', 'returned')"));
      assertEquals(0, duck.count("SELECT count(*) FROM order_lines WHERE quantity NOT BETWEEN 1 AND 6 "
          + "OR quantity IS NULL"));
      assertTrue(duck.count("SELECT count(*) FROM order_lines") > 0);
    }
  }
}
