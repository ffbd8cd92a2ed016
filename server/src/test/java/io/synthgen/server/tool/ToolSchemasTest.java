package io.synthgen.server.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every tool definition is complete and its schemas are valid JSON Schema 2020-12 (the server skips this check at
 * start-up to answer initialize sooner).
 */
class ToolSchemasTest {

  @Test
  void definitionsAreCompleteAndSchemasValid() {
    JsonSchemaValidator v = new DefaultJsonSchemaValidator();
    ObjectMapper json = new ObjectMapper();
    for (String name : ToolRegistry.NAMES) {
      ToolDefinition d = ToolDefinition.load(name);
      assertEquals(name, d.name());
      assertTrue(d.description().length() > 100, name + " has a description that tells the workflow");
      assertTrue(!d.title().isEmpty(), name);
      assertTrue(!(d.readOnly() && d.destructive()), name + " is not both read-only and destructive");
      for (var schema : new Object[] {d.inputSchema(), d.outputSchema()}) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = json.convertValue(schema, Map.class);
        JsonSchemaValidator.ValidationResponse r = v.validateSchema(m);
        assertTrue(r.valid(), name + ": " + r.errorMessage());
        assertEquals("object", m.get("type"), name);
      }
    }
  }
}
