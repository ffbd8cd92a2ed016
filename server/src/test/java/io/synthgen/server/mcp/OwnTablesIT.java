package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.testing.Duck;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The person's own tables end to end through a real MCP client over stdio: customers, orders and line items in one
 * propose_plan call (validated by the client against the tool's input schema first), approved, generated, read
 * back by DuckDB; then tables and columns renamed with revise_plan and generated again, every reference intact.
 */
class OwnTablesIT {

  @TempDir
  Path dir;

  /** The line-items request: the arguments of one propose_plan call. */
  static ObjectNode request() throws Exception {
    try (InputStream in = OwnTablesIT.class.getResourceAsStream("/draft/line-items.json")) {
      return (ObjectNode) Clients.JSON.readTree(in);
    }
  }

  @Test
  void lineItemsFromOwnTablesInOneCallThenRenamed() throws Exception {
    Path out = dir.resolve("out");
    try (McpSyncClient c = Clients.stdio(dir.resolve("state"), out, null)) {
      McpSchema.Tool propose = c.listTools().tools().stream().filter(t -> t.name().equals("propose_plan"))
          .findFirst().orElseThrow();
      JsonSchemaValidator validator = new DefaultJsonSchemaValidator();
      @SuppressWarnings("unchecked")
      Map<String, Object> schema = Clients.JSON.convertValue(propose.inputSchema(), Map.class);
      ObjectNode args = request();
      assertTrue(validator.validate(schema, Clients.JSON.convertValue(args, Map.class)).valid(),
          "the client can check the call against the tool's schema before making it");
      ObjectNode typo = args.deepCopy();
      ((ObjectNode) typo.get("tables").get(2)).put("per_parnet", true);
      assertTrue(!validator.validate(schema, Clients.JSON.convertValue(typo, Map.class)).valid(),
          "and its mistakes");

      JsonNode v1 = ok(c, "propose_plan", args.toString());
      String id = v1.path("plan_id").asText();
      ok(c, "approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}");
      run(c, id);
      Path shop = out.resolve("shop");
      try (java.util.stream.Stream<Path> files = Files.list(shop)) {
        assertEquals(List.of("customers.parquet", "line_items.parquet", "orders.parquet"), files
            .map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".parquet")).sorted().toList(),
            "the tables as the person named them");
      }
      try (Duck duck = new Duck()) {
        duck.parquetViews(shop, "customers", "orders", "line_items");
        totalsAreSums(duck, "orders", "order_id", "quantity");
        assertEquals(0, duck.count("SELECT count(*) FROM orders o ANTI JOIN customers c USING (customer_id)"));
        assertEquals(0, duck.count("SELECT count(*) FROM line_items l ANTI JOIN orders o USING (order_id)"));
        List<List<String>> per = duck.rows("SELECT membership, count(o.order_id) / count(DISTINCT c.customer_id) "
            + "FROM customers c LEFT JOIN orders o USING (customer_id) GROUP BY membership ORDER BY 2");
        assertEquals(List.of("Free", "Pro", "Enterprise"), per.stream().map(r -> r.get(0)).toList(),
            "orders per customer rise with membership: " + per);
      }

      JsonNode v2 = ok(c, "revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": ["
          + "{\"op\": \"rename_table\", \"table\": \"orders\", \"to\": \"purchases\"},"
          + "{\"op\": \"rename_column\", \"table\": \"line_items\", \"column\": \"quantity\", \"to\": \"qty\"},"
          + "{\"op\": \"rename_column\", \"table\": \"customers\", \"column\": \"customer_id\", \"to\": \"client_id\"},"
          + "{\"op\": \"rename_column\", \"table\": \"purchases\", \"column\": \"order_id\", \"to\": \"purchase_id\"}"
          + "]}");
      assertEquals(2, v2.path("version").asInt());
      List<String> diff = new ArrayList<>();
      v2.path("diff").forEach(d -> diff.add(d.asText()));
      assertTrue(diff.contains("~ table orders renamed to purchases"),
          diff.toString());
      ok(c, "approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 2}");
      run(c, id);
      try (Duck duck = new Duck()) {
        duck.parquetViews(shop, "customers", "purchases", "line_items");
        totalsAreSums(duck, "purchases", "purchase_id", "qty");
        assertEquals(0, duck.count("SELECT count(*) FROM purchases p ANTI JOIN customers c "
            + "ON p.customer_id = c.client_id"), "no orphan purchases");
        assertEquals(0, duck.count("SELECT count(*) FROM line_items l ANTI JOIN purchases p "
            + "ON l.order_id = p.purchase_id"), "no orphan lines");
      }
      assertTrue(Files.isRegularFile(shop.resolve("purchases.parquet")));

      // five independent mistakes in one revision: five violations in one answer
      McpSchema.CallToolResult bad = Clients.call(c, "revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 2, "
          + "\"operations\": ["
          + "{\"op\": \"set_rows\", \"table\": \"custmers\", \"rows\": 10},"
          + "{\"op\": \"rename_table\", \"table\": \"purchases\", \"to\": \"Customers\"},"
          + "{\"op\": \"set_null_rate\", \"table\": \"customers\", \"column\": \"email\", \"null_rate\": 1.5},"
          + "{\"op\": \"set_weights\", \"table\": \"customers\", \"column\": \"membership\", \"weights\": [1, 2]},"
          + "{\"op\": \"update_column\", \"table\": \"line_items\", \"column\": \"line_total\","
          + " \"set\": {\"expr\": \"qty * unit_prize\"}}]}", null);
      assertTrue(Boolean.TRUE.equals(bad.isError()), Clients.text(bad));
      JsonNode violations = Clients.JSON.valueToTree(bad.structuredContent()).path("error").path("violations");
      assertEquals(5, violations.size(), violations.toString());
    }
  }

  private static void run(McpSyncClient c, String id) {
    McpSchema.CallToolResult full = Clients.call(c, "generate_full", "{\"plan_id\": \"" + id + "\", "
        + "\"wait_seconds\": 60}", null);
    JsonNode r = Clients.JSON.valueToTree(full.structuredContent());
    assertEquals("succeeded", r.path("status").asText(), Clients.text(full));
    assertTrue(r.path("result").path("validation").path("passed").asBoolean(), r.toString());
  }

  /** Every order's total equals the sum of its lines' quantity x unit price (lines keep their order_id name). */
  private static void totalsAreSums(Duck duck, String orders, String key, String qty) throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM " + orders + " o LEFT JOIN (SELECT order_id, sum(" + qty
        + " * unit_price) s FROM line_items GROUP BY order_id) l ON o." + key + " = l.order_id "
        + "WHERE l.s IS NULL OR o.total_amount <> l.s"), "every total is the sum of its lines' quantity x price");
  }
}
