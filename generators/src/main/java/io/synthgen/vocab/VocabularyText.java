package io.synthgen.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The vocabulary as compact text: one line per entry, or one line per field of an entry's detail. */
final class VocabularyText {

  private VocabularyText() {
  }

  static String line(Topic t, JsonNode s) {
    StringBuilder b = new StringBuilder("- ");
    switch (t) {
      case FUNCTIONS -> b.append(s.path("signature").asText());
      case OPERATORS -> b.append(s.path("syntax").asText());
      case DICTIONARIES -> b.append(s.path("name").asText()).append(" (").append(s.path("kind").asText())
          .append(')');
      case STRATEGIES -> b.append(s.path("name").asText()).append(" [required: ").append(join(s.path("required")))
          .append("; optional: ").append(join(s.path("optional"))).append(']');
      case DISTRIBUTIONS -> b.append(s.path("name").asText()).append(" (").append(join(fieldNames(s.path("parameters"))))
          .append(')');
      case TYPES -> b.append(s.path("spelling").asText());
      case TIME_PROFILES, TEMPLATES -> b.append(s.path("name").asText());
      case SERIES -> b.append(s.path("name").asText()).append(" (in ").append(s.path("goes_in").asText()).append(')');
    }
    b.append(": ").append(s.path("description").asText());
    JsonNode ex = s.get("examples") != null ? s.get("examples") : s.get("example");
    if (ex != null) {
      b.append(" — e.g. ").append(t == Topic.DICTIONARIES ? join(ex) : value(ex));
    }
    return b.toString();
  }

  static String detail(Topic t, JsonNode d, JsonNode context) {
    List<String> lines = new ArrayList<>();
    lines.add(t.id() + " " + d.path("name").asText() + ":");
    for (Map.Entry<String, JsonNode> f : d.properties()) {
      if (f.getKey().equals("name")) {
        continue;
      }
      if (f.getKey().equals("fields")) {
        for (JsonNode field : f.getValue()) {
          String req = !field.has("required") ? ": " : field.path("required").asBoolean() ? " (required): "
              : " (optional): ";
          lines.add("  field " + field.path("name").asText() + req + field.path("description").asText());
        }
        continue;
      }
      lines.add("  " + f.getKey() + ": " + value(f.getValue()));
    }
    if (context != null) {
      lines.add(context(context));
    }
    return String.join("\n", lines);
  }

  /**
   * The example plan in one line: its note, then each table with its key, parent and typed columns (the full
   * tables are the structured content's {@code context}).
   */
  static String context(JsonNode context) {
    StringBuilder b = new StringBuilder("Example plan: ").append(context.path("note").asText()).append(" Tables:");
    for (JsonNode t : context.path("tables")) {
      b.append(' ').append(t.path("name").asText()).append(" (").append(t.path("rows").asLong()).append(" rows");
      if (t.has("per_parent")) {
        b.append(", per ").append(t.path("per_parent").path("table").asText());
      }
      b.append("): ");
      List<String> cols = new ArrayList<>();
      for (JsonNode c : t.path("columns")) {
        String name = c.path("name").asText();
        String extra = name.equals(t.path("primary_key").asText()) ? " key"
            : c.has("references") ? " -> " + c.path("references").asText() : "";
        cols.add(name + " " + c.path("type").asText() + extra);
      }
      b.append(String.join(", ", cols)).append(';');
    }
    return b.toString();
  }

  private static String value(JsonNode n) {
    return n.isTextual() ? n.asText() : Vocabulary.compact(n);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String join(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  private static String join(List<String> xs) {
    return String.join(", ", xs);
  }
}
