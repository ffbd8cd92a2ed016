package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.synthgen.draft.Revisions;
import io.synthgen.server.tool.ToolDefinition;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * propose_plan's tables and changes and revise_plan's operations are declared as JSON Schema over the plan
 * schema's definitions, complete in the tool definition a client lists, so the client can check a call before
 * making it (schemas/draft.schema.json and its test pin the fields against the code).
 */
class PlanToolSchemasTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final JsonSchemaValidator validator = new DefaultJsonSchemaValidator();

  static Map<String, Object> map(Object o) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = JSON.convertValue(o, Map.class);
    return m;
  }

  static ObjectNode lineItems() throws Exception {
    try (InputStream in = PlanToolSchemasTest.class.getResourceAsStream("/draft/line-items.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  boolean valid(String tool, Object args) {
    return validator.validate(map(ToolDefinition.load(tool).inputSchema()), map(args)).valid();
  }

  @Test
  void everyReferenceIsDefinedInTheToolsOwnSchema() {
    for (String tool : List.of("propose_plan", "revise_plan")) {
      ObjectNode schema = ToolDefinition.load(tool).inputSchema();
      JsonSchemaValidator.ValidationResponse r = validator.validateSchema(map(schema));
      assertTrue(r.valid(), tool + ": " + r.errorMessage());
      List<String> refs = new ArrayList<>();
      collect(schema, refs);
      assertFalse(refs.isEmpty(), tool);
      for (String ref : refs) {
        assertTrue(ref.startsWith("#/$defs/") && schema.path("$defs").has(ref.substring(8)), tool + ": " + ref);
      }
    }
    JsonNode defs = ToolDefinition.load("propose_plan").inputSchema().path("$defs");
    for (String d : List.of("described_table", "per_parent", "draft_column_child_aggregate", "distribution",
        "operation")) {
      assertTrue(defs.has(d), d);
    }
  }

  @Test
  void theLineItemsRequestValidatesAndItsMistakesDoNot() throws Exception {
    ObjectNode args = lineItems();
    assertTrue(valid("propose_plan", args));
    ObjectNode typo = args.deepCopy();
    ((ObjectNode) typo.get("tables").get(2).get("per_parent")).put("tabel", "orders");
    assertFalse(valid("propose_plan", typo));
    ObjectNode badStrategy = args.deepCopy();
    ((ObjectNode) badStrategy.get("tables").get(1).get("columns").get(3)).put("function", "median");
    assertFalse(valid("propose_plan", badStrategy));
  }

  @Test
  void eachOperationHasItsSchema() throws Exception {
    String plan = "{\"plan_id\": \"pln_x\", \"version\": 1, \"operations\": [%s]}";
    assertTrue(valid("revise_plan", JSON.readTree(String.format(plan,
        "{\"op\": \"rename_table\", \"table\": \"orders\", \"to\": \"purchases\"},"
            + "{\"op\": \"rename_column\", \"table\": \"line_items\", \"column\": \"quantity\", \"to\": \"qty\"},"
            + "{\"op\": \"add_table\", \"table\": {\"name\": \"shipments\", \"per_parent\": {\"table\": \"orders\", "
            + "\"count\": {\"distribution\": {\"type\": \"poisson\", \"lambda\": 1}}}, \"columns\": [\"shipment_id\", "
            + "\"order_id\"]}}"))));
    for (String bad : List.of("{\"op\": \"rename_table\", \"table\": \"orders\"}",
        "{\"op\": \"rename_column\", \"table\": \"t\", \"column\": \"c\", \"to\": \"new name\"}",
        "{\"op\": \"set_rows\", \"table\": \"t\", \"rows\": 5, \"column\": \"c\"}",
        "{\"op\": \"renumber\"}")) {
      assertFalse(valid("revise_plan", JSON.readTree(String.format(plan, bad))), bad);
    }
    JsonNode ops = ToolDefinition.load("revise_plan").inputSchema().path("properties").path("operations");
    assertEquals(Revisions.MAX_OPERATIONS, ops.path("maxItems").asInt());
    JsonNode changes = ToolDefinition.load("propose_plan").inputSchema().path("properties").path("changes");
    assertEquals(Revisions.MAX_OPERATIONS, changes.path("maxItems").asInt());
  }

  private static void collect(JsonNode n, List<String> refs) {
    if (n.isObject() && n.has("$ref")) {
      refs.add(n.get("$ref").asText());
    }
    n.forEach(c -> collect(c, refs));
  }
}
