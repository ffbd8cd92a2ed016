package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.DraftSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A tool's contract as clients see it, read from {@code tools/<name>.json} in the jar: name, title, the
 * description that tells the assistant the workflow, annotations and the input and output JSON Schemas.
 * docs/tools.md is generated from these files (a test keeps it in step).
 */
public record ToolDefinition(String name, String title, String description, boolean readOnly, boolean destructive,
    boolean idempotent, boolean openWorld, ObjectNode inputSchema, ObjectNode outputSchema) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ToolDefinition load(String name) {
    String resource = "tools/" + name + ".json";
    try (InputStream in = ToolDefinition.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no tool definition " + resource + " in the jar");
      }
      JsonNode d = JSON.readTree(in);
      JsonNode a = d.path("annotations");
      return new ToolDefinition(d.path("name").asText(), d.path("title").asText(), d.path("description").asText(),
          a.path("readOnlyHint").asBoolean(), a.path("destructiveHint").asBoolean(),
          a.path("idempotentHint").asBoolean(), a.path("openWorldHint").asBoolean(),
          // the plan and draft schemas' definitions that the input schema refers to (#/$defs/...) go with it
          DraftSchema.embed((ObjectNode) d.get("inputSchema")), (ObjectNode) d.get("outputSchema"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
