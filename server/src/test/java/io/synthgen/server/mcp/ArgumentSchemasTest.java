package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.server.tool.ToolDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server checks a call's own arguments against the tool's schema and leaves the plan content under $defs to
 * the tool, which reports every problem of it at once.
 */
class ArgumentSchemasTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @SuppressWarnings("unchecked")
  static Map<String, Object> schema(String tool) {
    return JSON.convertValue(ToolDefinition.load(tool).inputSchema(), Map.class);
  }

  @Test
  void definitionsAreLeftToTheToolAndArgumentsAreChecked() {
    ArgumentSchemas a = new ArgumentSchemas();
    LazySchemaValidator v = new LazySchemaValidator();
    Map<String, Object> propose = schema("propose_plan");
    Map<String, Object> shallow = a.of(propose);
    assertFalse(JSON.valueToTree(shallow).toString().contains("#/$defs/"));
    assertSame(shallow, a.of(propose), "made once per schema");
    Map<String, Object> getPlan = schema("get_plan");
    assertSame(getPlan, a.of(getPlan), "a schema without definitions is checked as it is");
    // a table the tool will refuse with its own violations passes; an argument out of range does not
    Map<String, Object> badTable = Map.of("tables", java.util.List.of(Map.of("name", "t", "rowz", 1)));
    assertTrue(v.validate(propose, badTable).valid());
    assertFalse(v.validate(propose, Map.of("template", "retail", "rows", 0)).valid());
    assertFalse(v.validate(propose, Map.of("template", "retail", "tabels", 1)).valid());
    assertEquals(Boolean.FALSE, ((Map<?, ?>) shallow).get("additionalProperties"));
  }
}
