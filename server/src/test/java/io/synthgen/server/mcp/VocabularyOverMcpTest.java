package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.JSON;
import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.server.config.CallBudget;
import io.synthgen.vocab.Topic;
import io.synthgen.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * describe_vocabulary and the vocabulary resources as a client sees them, through the MCP Java SDK's client over
 * Streamable HTTP: the tool is listed with a valid schema, every topic answers, every example the answers give is
 * accepted by propose_plan and generates a sample (those that need a per_parent table, which propose_plan's own
 * tables do not take, are resolved with the whole example plan instead), and the resources list and read.
 */
class VocabularyOverMcpTest {

  @TempDir
  Path dir;

  private HttpServer server() throws Exception {
    return InProcess.http(InProcess.services(dir, CallBudget.DEFAULT), InProcess::standard);
  }

  @Test
  void theToolIsListedReadOnlyWithAValidInputSchema() throws Exception {
    try (HttpServer server = server(); McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), null)) {
      McpSchema.Tool tool = c.listTools().tools().stream().filter(t -> t.name().equals("describe_vocabulary"))
          .findFirst().orElseThrow(() -> new AssertionError("describe_vocabulary is not listed"));
      assertEquals(Boolean.TRUE, tool.annotations().readOnlyHint());
      assertEquals(Boolean.FALSE, tool.annotations().destructiveHint());
      @SuppressWarnings("unchecked")
      Map<String, Object> schema = JSON.convertValue(tool.inputSchema(), Map.class);
      JsonSchemaValidator v = new DefaultJsonSchemaValidator();
      assertTrue(v.validateSchema(schema).valid(), v.validateSchema(schema).errorMessage());
      JsonNode topics = JSON.valueToTree(tool.inputSchema()).path("properties").path("topic").path("examples");
      List<String> ids = new ArrayList<>();
      topics.forEach(t -> ids.add(t.asText()));
      assertEquals(Topic.ids(), ids, "the schema's topics are the catalog's");
      assertTrue(v.validate(schema, Map.of("topic", "functions", "name", "round")).valid());
      // an unknown topic reaches the tool, which answers with the topics and a did-you-mean, as an error object
      for (String bad : List.of("{\"topic\": \"function\"}", "{\"topic\": \"bogus\"}",
          "{\"topic\": \"strategies\", \"name\": \"\"}")) {
        McpSchema.CallToolResult r = Clients.call(c, "describe_vocabulary", bad, null);
        assertEquals(Boolean.TRUE, r.isError(), bad);
        JsonNode error = JSON.valueToTree(r.structuredContent()).path("error");
        assertEquals("invalid_argument", error.path("code").asText(), bad + ": " + Clients.text(r));
        assertTrue(error.path("next_step").isTextual(), bad + ": " + error);
      }
      McpSchema.CallToolResult near = Clients.call(c, "describe_vocabulary", "{\"topic\": \"function\"}", null);
      assertTrue(Clients.text(near).contains("did you mean 'functions'?"), Clients.text(near));
    }
  }

  @Test
  void everyTopicsExamplesAreAcceptedByProposePlanAndMakeASample() throws Exception {
    try (HttpServer server = server(); McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), null)) {
      JsonNode overview = ok(c, "describe_vocabulary", "{}");
      assertEquals(Topic.ids().size(), overview.path("topics").size());
      for (Topic t : Topic.values()) {
        JsonNode answer = ok(c, "describe_vocabulary", "{\"topic\": \"" + t.id() + "\"}");
        List<String> names = new ArrayList<>();
        answer.path("entries").forEach(e -> names.add(e.path("name").asText()));
        assertEquals(Vocabulary.standard().names(t), names, t.id());
        for (JsonNode e : answer.path("entries")) {
          assertFalse(e.path("description").asText().isBlank(), t.id() + " " + e);
          assertTrue(e.has("example") || e.has("examples"), t.id() + " " + e);
        }
        if (t == Topic.SERIES) {
          // plan parts rather than columns: each goes where its entry says; VocabularyExamplesTest puts them all
          // into the example plan and generates every batch
          for (JsonNode e : answer.path("entries")) {
            assertFalse(e.path("goes_in").asText().isBlank(), t.id() + " " + e);
          }
          continue;
        }
        if (t == Topic.TEMPLATES) {
          for (String name : names) {
            ok(c, "propose_plan", "{\"template\": \"" + name + "\", \"rows\": 100}");
          }
          continue;
        }
        // every entry's example column, from its detail, in the table it names of the context the topic gave
        // (a per_parent table and aggregates over it included): one proposal of the person's own tables
        ObjectNode own = JSON.createObjectNode();
        own.set("tables", answer.path("context").path("tables").deepCopy());
        for (String name : names) {
          JsonNode entry = ok(c, "describe_vocabulary", "{\"topic\": \"" + t.id() + "\", \"name\": \"" + name
              + "\"}").path("entry");
          JsonNode column = entry.has("example_column") ? entry.get("example_column") : entry.get("example");
          put(own, entry.path("table").asText(), column);
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("name", "vocabulary_" + t.id());
        request.set("tables", own.get("tables"));
        JsonNode plan = ok(c, "propose_plan", JSON.writeValueAsString(request));
        JsonNode sample = ok(c, "generate_sample", "{\"plan_id\": \"" + plan.path("plan_id").asText() + "\"}");
        assertEquals(own.get("tables").size(), sample.path("tables").size(), t.id() + ": " + sample);
        for (JsonNode table : own.get("tables")) {
          assertTrue(sample.path("tables").findValuesAsText("name").contains(table.path("name").asText()),
              t.id() + ": " + table.path("name") + " in " + sample);
        }
      }
    }
  }

  @Test
  void oneEntryInDetailAndMistakesThatSayWhatToDo() throws Exception {
    try (HttpServer server = server(); McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), null)) {
      JsonNode city = ok(c, "describe_vocabulary", "{\"topic\": \"dictionaries\", \"name\": \"city\"}");
      assertTrue(city.path("entry").path("examples").size() > 4, city.toString());
      JsonNode fk = ok(c, "describe_vocabulary", "{\"topic\": \"strategies\", \"name\": \"foreign_key\"}");
      assertEquals("references", fk.path("entry").path("fields").get(0).path("name").asText());
      assertTrue(fk.path("entry").path("fields").get(0).path("required").asBoolean());

      McpSchema.CallToolResult unknown = Clients.call(c, "describe_vocabulary",
          "{\"topic\": \"dictionaries\", \"name\": \"first_names\"}", null);
      assertEquals(Boolean.TRUE, unknown.isError());
      assertTrue(Clients.text(unknown).contains("did you mean 'first_name'?"), Clients.text(unknown));
      McpSchema.CallToolResult noTopic = Clients.call(c, "describe_vocabulary", "{\"name\": \"uniform\"}", null);
      assertEquals(Boolean.TRUE, noTopic.isError());
      assertTrue(Clients.text(noTopic).contains("strategies, distributions"), Clients.text(noTopic));
    }
  }

  @Test
  void anUnknownDictionaryInAProposalPointsAtTheTool() throws Exception {
    try (HttpServer server = server(); McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), null)) {
      McpSchema.CallToolResult r = Clients.call(c, "propose_plan", "{\"tables\": [{\"name\": \"people\", "
          + "\"rows\": 10, \"columns\": [{\"name\": \"who\", \"type\": \"string\", \"strategy\": \"dictionary\", "
          + "\"dictionary\": \"first_names\"}]}]}", null);
      assertEquals(Boolean.TRUE, r.isError());
      String text = Clients.text(r);
      assertTrue(text.contains("did you mean 'first_name'?"), text);
      assertTrue(text.contains("see describe_vocabulary {topic: \"dictionaries\"}"), text);
    }
  }

  @Test
  void theVocabularyResourcesAreListedAndRead() throws Exception {
    try (HttpServer server = server(); McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), null)) {
      List<String> uris = c.listResources().resources().stream().map(McpSchema.Resource::uri).toList();
      assertTrue(uris.contains("synthgen://vocabulary"), uris.toString());
      JsonNode whole = read(c, "synthgen://vocabulary");
      assertEquals(Vocabulary.FORMAT, whole.path("format").asText());
      for (Topic t : Topic.values()) {
        String uri = "synthgen://vocabulary/" + t.id();
        assertTrue(uris.contains(uri), uri);
        JsonNode topic = read(c, uri);
        JsonNode tool = ok(c, "describe_vocabulary", "{\"topic\": \"" + t.id() + "\"}").deepCopy();
        ((ObjectNode) tool).remove("next_step");
        assertEquals(tool, topic, uri + " is the tool's answer");
        assertEquals(topic.path("entries"), whole.path("topics").path(t.id()).path("entries"), uri);
      }
    }
  }

  private static JsonNode read(McpSyncClient c, String uri) throws Exception {
    McpSchema.ReadResourceResult r = c.readResource(McpSchema.ReadResourceRequest.builder(uri).build());
    McpSchema.TextResourceContents text = (McpSchema.TextResourceContents) r.contents().get(0);
    assertEquals("application/json", text.mimeType());
    return JSON.readTree(text.text());
  }

  /** Puts {@code column} into {@code table}, replacing the column of the same name. */
  private static void put(ObjectNode doc, String table, JsonNode column) {
    for (JsonNode t : doc.get("tables")) {
      if (t.path("name").asText().equals(table)) {
        ArrayNode cols = (ArrayNode) t.get("columns");
        for (int i = 0; i < cols.size(); i++) {
          if (cols.get(i).path("name").asText().equals(column.path("name").asText())) {
            cols.set(i, column.deepCopy());
            return;
          }
        }
        cols.add(column.deepCopy());
        return;
      }
    }
    throw new AssertionError("no table " + table + " in the context");
  }
}
