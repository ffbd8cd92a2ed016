package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Violation;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code weighted_by} skews a revision's operations (or a description's {@code skews}) wrote and that are not
 * resolved yet ({@link Skews}), with the path each was written at: their problems are reported there ({@code
 * operations[2].weighted_by.shares}, {@code skews[0].by}), not at the plan path of the column it landed on. Used by
 * one revision or draft, on one thread.
 */
final class PendingSkews {

  private static final Pattern AT = Pattern.compile("^tables\\[(\\d+)]\\.columns\\[(\\d+)]\\.weighted_by(.*)$");

  /** "table\0column" to the path of its weighted_by in the operations. */
  private final Map<String, String> written = new HashMap<>();

  /** Notes the skews an applied operation left on the plan. */
  void record(ObjectNode tree, JsonNode op, String path) {
    for (JsonNode t : tree.withArray("tables")) {
      ArrayNode cols = ((ObjectNode) t).withArray("columns");
      for (int j = 0; j < cols.size(); j++) {
        JsonNode c = cols.get(j);
        String key = t.path("name").asText() + "\0" + c.path("name").asText();
        if (c.has("weighted_by") && !written.containsKey(key)) {
          written.put(key, pathIn(op, path, c.path("name").asText()));
        }
      }
    }
  }

  private static String pathIn(JsonNode op, String path, String column) {
    switch (op.path("op").asText()) {
      case "add_table": {
        JsonNode cols = op.path("table").path("columns");
        for (int j = 0; j < cols.size(); j++) {
          JsonNode c = cols.get(j);
          if (column.equals(c.isTextual() ? c.asText() : c.path("name").asText())) {
            return path + ".table.columns[" + j + "].weighted_by";
          }
        }
        return path + ".table";
      }
      case "add_column":
        return path + ".column.weighted_by";
      case "update_column":
        return path + ".set.weighted_by";
      default:
        return path + ".weighted_by";
    }
  }

  /** Notes a skew written by a request-level {@code skews[i]} hint (its {@code column} is the hint's {@code by}). */
  void recordHint(String table, String column, String path) {
    written.put(table + "\0" + column, path);
  }

  /** Resolves every skew on the plan; the problems of those written by operations are reported there. */
  void resolve(ObjectNode tree, Problems problems) {
    Problems local = new Problems();
    Skews.resolveWeightedBy(tree, local);
    for (Violation v : local.list()) {
      problems.add(opPath(tree, v.path()), v.value(), v.rule(), v.fix());
    }
    written.clear();
  }

  private String opPath(ObjectNode tree, String path) {
    Matcher m = AT.matcher(path);
    if (!m.matches()) {
      return path;
    }
    JsonNode t = tree.withArray("tables").path(Integer.parseInt(m.group(1)));
    JsonNode c = t.path("columns").path(Integer.parseInt(m.group(2)));
    String at = written.get(t.path("name").asText() + "\0" + c.path("name").asText());
    if (at == null) {
      return path;
    }
    String rest = m.group(3);
    if (at.startsWith("skews[") && (rest.equals(".column") || rest.startsWith(".column."))) {
      rest = ".by" + rest.substring(".column".length());
    }
    return at + rest;
  }
}
