package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** Yes/no questions to the person through the client (MCP elicitation), when the client supports it. */
public final class Confirmations {

  private Confirmations() {
  }

  /**
   * Asks a yes/no question. Returns true only when the client asked the person and they said yes; false when they
   * declined or the client cannot ask (then the tool's error tells the assistant to ask).
   */
  public static boolean ask(ToolCall call, String question, String field, String title) {
    if (call.elicitation().isEmpty()) {
      return false;
    }
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    schema.putObject("properties").putObject(field).put("type", "boolean").put("title", title)
        .put("description", question);
    schema.putArray("required").add(field);
    Optional<Map<String, Object>> answer = call.elicitation().get().ask(question, schema);
    return answer.isPresent() && Boolean.TRUE.equals(answer.get().get(field));
  }
}
