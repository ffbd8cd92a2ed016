package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.testing.Duck;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through a real MCP client over stdio: a plan of own tables whose orders should go 40/35/25 to the customer tiers
 * says so before it is run, and the run, read back by DuckDB, does what was predicted.
 */
class PredictionsIT {

  @TempDir
  Path dir;

  @Test
  void targetSharesArePredictedAndTheRunMeetsThem() throws Exception {
    Path out = dir.resolve("out");
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    try (McpSyncClient c = Clients.stdio(dir.resolve("state"), out, progress)) {
      JsonNode v1 = ok(c, "propose_plan", """
          {"name": "shop", "tables": [
            {"name": "customers", "rows": 5000, "primary_key": "customer_id", "columns": [
              {"name": "customer_id", "type": "bigint", "strategy": "sequence"},
              {"name": "tier", "values": ["Free", "Pro", "Enterprise"], "weights": [60, 30, 10]}]},
            {"name": "orders", "rows": 30000, "primary_key": "order_id", "columns": [
              {"name": "order_id", "type": "bigint", "strategy": "sequence"},
              {"name": "customer_id", "references": "customers"}]}],
           "skews": [{"table": "orders", "column": "customer_id", "by": "tier",
                      "shares": {"Free": 40, "Pro": 35, "Enterprise": 25}}]}
          """);
      String id = v1.path("plan_id").asText();
      JsonNode key = v1.path("predictions").path("foreign_keys").get(0);
      assertEquals("exact", key.path("method").asText(), key.toString());
      ok(c, "approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}");
      McpSchema.CallToolResult full = Clients.call(c, "generate_full", "{\"plan_id\": \"" + id
          + "\", \"wait_seconds\": 60}", "run-1");
      JsonNode fr = Clients.JSON.valueToTree(full.structuredContent());
      assertEquals("succeeded", fr.path("status").asText(), Clients.text(full));
      try (Duck duck = new Duck()) {
        duck.parquetViews(out.resolve("shop"), "customers", "orders");
        double[] targets = {0.40, 0.35, 0.25};
        for (int i = 0; i < 3; i++) {
          JsonNode cat = key.path("by_category").get(i);
          String tier = cat.path("value").asText();
          double orders = duck.number("SELECT count(*) FROM orders JOIN customers USING (customer_id) WHERE tier = '"
              + tier + "'");
          double customers = duck.number("SELECT count(*) FROM customers WHERE tier = '" + tier + "'");
          assertEquals(customers, cat.path("parents").asDouble(), 1e-6, tier);
          assertEquals(orders / 30000, cat.path("child_share").asDouble(), 0.015, tier + " share, predicted");
          assertEquals(targets[i], cat.path("child_share").asDouble(), 1e-4, tier + " share, predicted = asked for");
          assertEquals(targets[i], orders / 30000, 0.01, tier + " share, asked for");
          assertEquals(orders / customers, cat.path("children_per_parent").asDouble(),
              0.06 * orders / customers, tier + " orders per customer");
        }
      }
      assertTrue(Clients.text(full).length() > 0);
    }
  }
}
