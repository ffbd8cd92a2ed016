package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** Asks the person something through the client (MCP elicitation). Present only when the client supports it. */
@FunctionalInterface
public interface Elicitor {

  /** The person's answers, or empty when they declined or cancelled. {@code schema} is a flat object schema. */
  Optional<Map<String, Object>> ask(String message, ObjectNode schema);
}
