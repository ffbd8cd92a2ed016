package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.synthgen.server.tool.ToolDefinition;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** propose_plan, revise_plan and get_plan say what the plan will make: structured, within the schema, and as text. */
class PlanPredictionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHOP = """
      {"name": "shop", "tables": [
        {"name": "customers", "rows": 5000, "primary_key": "customer_id", "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence"},
          {"name": "tier", "values": ["Free", "Pro", "Enterprise"], "weights": [60, 30, 10]}]},
        {"name": "orders", "rows": 15000, "primary_key": "order_id", "columns": [
          {"name": "order_id", "type": "bigint", "strategy": "sequence"},
          {"name": "customer_id", "references": "customers",
           "weighted_by": {"column": "tier", "weights": {"Enterprise": 5, "Pro": 2, "Free": 1}}}]}]}
      """;

  @TempDir
  Path dir;

  private static JsonNode category(ToolResult r, String value) {
    for (JsonNode k : r.structured().path("predictions").path("foreign_keys")) {
      for (JsonNode c : k.path("by_category")) {
        if (value.equals(c.path("value").asText())) {
          return c;
        }
      }
    }
    throw new AssertionError("no prediction for " + value + ": " + r.structured().path("predictions"));
  }

  @SuppressWarnings("unchecked")
  private static void withinSchema(String tool, ToolResult r) {
    JsonSchemaValidator v = new DefaultJsonSchemaValidator();
    Map<String, Object> schema = JSON.convertValue(ToolDefinition.load(tool).outputSchema(), Map.class);
    JsonSchemaValidator.ValidationResponse res = v.validate(schema, JSON.convertValue(r.structured(), Map.class));
    assertTrue(res.valid(), tool + ": " + res.errorMessage());
  }

  @Test
  void thePlanToolsReturnWhatThePlanWillMake() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult proposed = f.call("propose_plan", SHOP);
      assertFalse(proposed.isError(), proposed.text());
      withinSchema("propose_plan", proposed);
      JsonNode enterprise = category(proposed, "Enterprise");
      // 15,000 orders over 5,000 customers weighted 1/2/5 by tiers 60/30/10: 15000 * 5 / (5000 * 1.7) = 8.8
      assertEquals(8.8, enterprise.path("children_per_parent").asDouble(), 0.8, enterprise.toString());
      JsonNode key = proposed.structured().path("predictions").path("foreign_keys").get(0);
      assertEquals("exact", key.path("method").asText());
      assertEquals("tier", key.path("category").asText());
      assertTrue(proposed.text().contains("### What it will make (predicted)"), proposed.text());
      assertTrue(proposed.text().contains("Enterprise customers: "), proposed.text());

      String id = proposed.structured().path("plan_id").asText();
      ToolResult revised = f.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": ["
          + "{\"op\": \"set_relationship\", \"table\": \"orders\", \"column\": \"customer_id\", \"references\": "
          + "\"customers\", \"weighted_by\": {\"column\": \"tier\", \"shares\": {\"Free\": 40, \"Pro\": 35, "
          + "\"Enterprise\": 25}}}]}");
      assertFalse(revised.isError(), revised.text());
      withinSchema("revise_plan", revised);
      // solved for this plan's own 5,000 customers, and predicted exactly over them
      assertEquals(0.40, category(revised, "Free").path("child_share").asDouble(), 1e-4);
      assertEquals(0.35, category(revised, "Pro").path("child_share").asDouble(), 1e-4);
      assertEquals(0.25, category(revised, "Enterprise").path("child_share").asDouble(), 1e-4);

      ToolResult got = f.call("get_plan", "{\"plan_id\": \"" + id + "\"}");
      assertFalse(got.isError(), got.text());
      withinSchema("get_plan", got);
      assertEquals(revised.structured().path("predictions"), got.structured().path("predictions"));
      assertTrue(got.text().contains("### What it will make (predicted)"), got.text());
    }
  }

  @Test
  void sharesThatCannotBeMetAreViolationsOfTheProposal() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult r = f.call("propose_plan", SHOP.replace("\"weights\": {\"Enterprise\": 5, \"Pro\": 2, \"Free\": 1}",
          "\"shares\": {\"Enterprise\": 50, \"Pro\": 30}"));
      assertTrue(r.isError(), r.text());
      assertTrue(r.text().contains("no share for Free") && r.text().contains("sum to 80, not 100"), r.text());
    }
  }

  @Test
  void sharesAreSolvedOnThePlanTheCallStoresAfterItsRowsAndChanges() throws Exception {
    String sales = """
        {"name": "sh", TAIL "tables": [
         {"name": "products", "rows": 40, "columns": ["product_id", {"name": "category",
           "values": ["Electronics", "Clothing", "Home", "Sports", "Toys"], "weights": [10, 30, 30, 20, 10]}]},
         {"name": "sales", "rows": 20000, "columns": ["sale_id", {"name": "product_id", "references": "products",
           "weighted_by": {"column": "category", "shares": {"Electronics": 35, "Clothing": 25, "Home": 20,
           "Sports": 12, "Toys": 8}}}]}]}
        """;
    Map<String, Double> targets = Map.of("Electronics", 0.35, "Clothing", 0.25, "Home", 0.20, "Sports", 0.12,
        "Toys", 0.08);
    try (ToolFixture f = new ToolFixture(dir)) {
      for (String tail : new String[] {"\"rows\": 80,", "\"changes\": [{\"op\": \"set_rows\", \"table\": "
          + "\"products\", \"rows\": 400}],", "\"seed\": 7,"}) {
        ToolResult r = f.call("propose_plan", sales.replace("TAIL", tail));
        assertFalse(r.isError(), tail + r.text());
        for (Map.Entry<String, Double> e : targets.entrySet()) {
          assertEquals(e.getValue(), category(r, e.getKey()).path("child_share").asDouble(), 1e-4, tail + e);
        }
      }
      ToolResult four = f.call("propose_plan", sales.replace("TAIL", "\"rows\": 4,"));
      assertTrue(four.isError(), four.text());
      assertTrue(four.text().contains("none of this plan's 4 products has category"), four.text());
    }
  }
}
