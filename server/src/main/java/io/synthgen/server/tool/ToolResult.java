package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Violation;
import java.util.List;

/**
 * What a tool returns: structured content (matching the tool's output schema unless it is an error), a compact
 * text for the person, and whether it is an error the assistant can act on. Error results carry
 * {@code {error: {code, message, next_step, violations: [{path, value, rule, fix}]}}}.
 */
public record ToolResult(ObjectNode structured, String text, boolean isError) {

  public static ToolResult ok(ObjectNode structured, String text) {
    return new ToolResult(structured, text, false);
  }

  public static ToolResult error(String code, String message, String nextStep) {
    return error(code, message, nextStep, List.of());
  }

  public static ToolResult error(String code, String message, String nextStep, List<Violation> violations) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", code);
    e.put("message", message);
    e.put("next_step", nextStep);
    StringBuilder text = new StringBuilder("Error (").append(code).append("): ").append(message);
    if (!violations.isEmpty()) {
      ArrayNode vs = e.putArray("violations");
      for (Violation v : violations) {
        ObjectNode o = vs.addObject();
        o.put("path", v.path());
        if (v.value() != null) {
          o.put("value", v.value());
        }
        o.put("rule", v.rule());
        if (v.fix() != null) {
          o.put("fix", v.fix());
        }
        text.append("\n- ").append(v);
      }
    }
    text.append("\nNext: ").append(nextStep);
    return new ToolResult(root, text.toString(), true);
  }
}
