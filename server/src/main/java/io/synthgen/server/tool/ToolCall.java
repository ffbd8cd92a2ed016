package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * One call of a tool: its arguments, the owner key of the caller's session (see {@code PlanStore}), and what the
 * client offers: progress reporting and elicitation, each absent when the client did not ask for or support it.
 */
public record ToolCall(JsonNode args, String owner, ProgressSink progress, Elicitor elicitor) {

  public ToolCall {
    args = args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args;
  }

  public static ToolCall of(JsonNode args, String owner) {
    return new ToolCall(args, owner, null, null);
  }

  public Optional<ProgressSink> progressSink() {
    return Optional.ofNullable(progress);
  }

  public Optional<Elicitor> elicitation() {
    return Optional.ofNullable(elicitor);
  }

  public String string(String field) {
    JsonNode v = args.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  public int integer(String field, int dflt) {
    JsonNode v = args.get(field);
    return v == null || v.isNull() ? dflt : v.asInt();
  }

  public double number(String field, double dflt) {
    JsonNode v = args.get(field);
    return v == null || v.isNull() ? dflt : v.asDouble();
  }

  public boolean bool(String field) {
    return args.path(field).asBoolean(false);
  }

  /** A required string argument; the input schema already requires it, this guards direct callers. */
  public String require(String field) throws ToolError {
    String v = string(field);
    if (v == null || v.isEmpty()) {
      throw new ToolError("missing_argument", "the argument " + field + " is required", "call again with " + field);
    }
    return v;
  }
}
