package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Enterprise customers order more": a foreign key whose parents are chosen in proportion to a weight derived from
 * a parent column. {@code weighted_by: {column: tier, weights: {Enterprise: 5, Pro: 2, Free: 1}}} on a foreign key
 * adds a hidden {@code tier_weight} column to the parent ({@code CASE tier WHEN 'Enterprise' THEN 5 ... ELSE 1
 * END}) and makes the key {@code {type: weighted, by: tier_weight}}. Without weights the parent column itself must
 * be numeric and is used as the weight.
 */
final class Skews {

  private Skews() {
  }

  /** The column object of a plan JSON tree, or null. */
  static ObjectNode column(ObjectNode plan, String table, String column) {
    ObjectNode t = table(plan, table);
    if (t == null) {
      return null;
    }
    for (JsonNode c : t.withArray("columns")) {
      if (column.equals(c.path("name").asText())) {
        return (ObjectNode) c;
      }
    }
    return null;
  }

  static ObjectNode table(ObjectNode plan, String table) {
    for (JsonNode t : plan.withArray("tables")) {
      if (table.equals(t.path("name").asText())) {
        return (ObjectNode) t;
      }
    }
    return null;
  }

  /** Replaces every {@code weighted_by} in the plan tree by a hidden weight column and a weighted key. */
  static void resolveWeightedBy(ObjectNode plan, Problems problems) {
    ArrayNode tables = plan.withArray("tables");
    for (int i = 0; i < tables.size(); i++) {
      ArrayNode cols = ((ObjectNode) tables.get(i)).withArray("columns");
      for (int j = 0; j < cols.size(); j++) {
        ObjectNode col = (ObjectNode) cols.get(j);
        JsonNode wb = col.remove("weighted_by");
        if (wb != null) {
          apply(plan, col, wb, "tables[" + i + "].columns[" + j + "].weighted_by", problems);
        }
      }
    }
  }

  private static void apply(ObjectNode plan, ObjectNode fk, JsonNode wb, String path, Problems problems) {
    String ref = fk.path("references").asText("");
    String parentName = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    ObjectNode parent = table(plan, parentName);
    String by = wb.isTextual() ? wb.asText() : wb.path("column").asText("");
    if (parent == null) {
      return; // the unknown reference is reported where it is written
    }
    ObjectNode byCol = column(plan, parentName, by);
    if (byCol == null) {
      problems.add(path + ".column", by, "no column '" + by + "' in " + parentName,
          "name a column of " + parentName + ", e.g. its tier or segment");
      return;
    }
    JsonNode weights = wb.path("weights");
    ObjectNode dist = fk.putObject("distribution");
    dist.put("type", "weighted");
    if (weights.isMissingNode() || weights.isNull()) {
      dist.put("by", by);
      return;
    }
    String helper = by + "_weight";
    StringBuilder expr = new StringBuilder("CASE ").append(by);
    DataType t = DataType.parse(byCol.path("type").asText("string"));
    boolean quote = t == null || !t.isNumeric();
    if (weights.isObject()) {
      List<String> known = new ArrayList<>();
      byCol.path("values").forEach(v -> known.add(v.asText()));
      for (Map.Entry<String, JsonNode> e : weights.properties()) {
        if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
          problems.add(path + ".weights." + e.getKey(), e.getValue(), "a weight is a number, 0 or more",
              "give e.g. {\"Enterprise\": 5, \"Pro\": 2, \"Free\": 1}");
          continue;
        }
        if (!known.isEmpty() && !known.contains(e.getKey())) {
          // a key that matches no value would weigh nothing: the skew the person asked for would not happen
          String near = known.stream().filter(k -> k.equalsIgnoreCase(e.getKey())).findFirst().orElse(null);
          problems.add(path + ".weights." + e.getKey(), e.getKey(), "'" + e.getKey() + "' is not a value of "
              + parentName + "." + by + " (its values are: " + String.join(", ", known) + ")",
              near != null ? "did you mean '" + near + "'?" : "give weights for values of " + by);
          continue;
        }
        expr.append(" WHEN ").append(literal(e.getKey(), quote)).append(" THEN ").append(number(e.getValue()));
      }
    } else if (weights.isArray() && byCol.path("values").isArray()
        && byCol.path("values").size() == weights.size()) {
      JsonNode values = byCol.get("values");
      for (int k = 0; k < weights.size(); k++) {
        expr.append(" WHEN ").append(literal(values.get(k).asText(), quote)).append(" THEN ")
            .append(number(weights.get(k)));
      }
    } else {
      problems.add(path + ".weights", weights, "weights are an object from " + by + " value to weight",
          "give e.g. {\"Enterprise\": 5, \"Pro\": 2, \"Free\": 1}");
      return;
    }
    expr.append(" ELSE 1.0 END");
    if (column(plan, parentName, helper) == null) {
      ObjectNode h = parent.withArray("columns").addObject();
      h.put("name", helper);
      h.put("type", "double");
      h.put("strategy", "expression");
      h.put("expr", expr.toString());
      h.put("omit", true);
      h.put("note", "hidden: how likely a " + Drafter.singular(parentName) + " is picked by "
          + fk.path("name").asText() + ", from " + by);
    }
    dist.put("by", helper);
    fk.put("note", (fk.path("note").asText("").isEmpty() ? "" : fk.get("note").asText() + "; ")
        + "weighted by " + by + " (" + compact(weights) + ")");
  }

  private static String literal(String v, boolean quote) {
    return quote ? "'" + v.replace("'", "''") + "'" : v;
  }

  private static String number(JsonNode n) {
    double d = n.asDouble();
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
  }

  private static String compact(JsonNode weights) {
    return weights.toString().replace("\"", "").replace(",", ", ").replace(":", ": ");
  }
}
