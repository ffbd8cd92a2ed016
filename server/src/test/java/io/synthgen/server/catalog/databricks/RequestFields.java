package io.synthgen.server.catalog.databricks;

import com.fasterxml.jackson.databind.JsonNode;

/** Fields of a JSON request body, as the stand-in's endpoints read them. */
final class RequestFields {

  private RequestFields() {
  }

  /** A field that must be present and non-empty; otherwise a 400 INVALID_PARAMETER_VALUE. */
  static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null || value.isEmpty()) {
      throw ApiError.invalid(field + " is required");
    }
    return value;
  }

  /** A field's text, or null when absent or null. */
  static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
