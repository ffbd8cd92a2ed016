package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary through the packaged jar over stdio, as a desktop client starts it: the tool answers, its
 * dictionary examples make a plan propose_plan accepts and samples, and the whole catalog reads as a resource.
 */
class VocabularyStdioIT {

  @TempDir
  Path dir;

  @Test
  void describeVocabularyAndItsResourcesOverStdio() throws Exception {
    try (McpSyncClient c = Clients.stdio(dir.resolve("state"), dir.resolve("out"), null)) {
      JsonNode dictionaries = ok(c, "describe_vocabulary", "{\"topic\": \"dictionaries\"}");
      ObjectNode request = Clients.JSON.createObjectNode().put("name", "people");
      ArrayNode columns = request.putArray("tables").addObject().put("name", "people").put("rows", 50)
          .putArray("columns");
      columns.addObject().put("name", "person_id").put("type", "bigint").put("strategy", "sequence");
      for (JsonNode e : dictionaries.path("entries")) {
        columns.addObject().put("name", e.path("name").asText()).put("type", "string").put("strategy", "dictionary")
            .put("dictionary", e.path("name").asText());
      }
      JsonNode plan = ok(c, "propose_plan", Clients.JSON.writeValueAsString(request));
      JsonNode sample = ok(c, "generate_sample", "{\"plan_id\": \"" + plan.path("plan_id").asText() + "\"}");
      assertEquals(1, sample.path("tables").size(), sample.toString());

      McpSchema.ReadResourceResult r = c.readResource(McpSchema.ReadResourceRequest.builder("synthgen://vocabulary")
          .build());
      JsonNode catalog = Clients.JSON.readTree(((McpSchema.TextResourceContents) r.contents().get(0)).text());
      assertEquals(dictionaries.path("entries"), catalog.path("topics").path("dictionaries").path("entries"));
      assertTrue(catalog.path("topics").path("functions").path("entries").size() > 50, catalog.toString());
    }
  }
}
