package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synthgen.expr.ColumnRenames;
import io.synthgen.expr.ExprException;
import io.synthgen.expr.ExprLimits;
import io.synthgen.plan.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Enterprise customers order more": a foreign key whose parents are chosen in proportion to a weight derived from
 * a parent column. {@code weighted_by: {column: tier, weights: {Enterprise: 5, Pro: 2, Free: 1}}} on a foreign key
 * adds a hidden {@code tier_weight} column to the parent ({@code CASE tier WHEN 'Enterprise' THEN 5 ... ELSE 1
 * END}) and makes the key {@code {type: weighted, by: tier_weight}}. Without weights the parent column itself must
 * be numeric and is used as the weight. {@code shares} instead of weights gives the children's target share per
 * value ({@code {Enterprise: 50, Pro: 30, Free: 20}}): the weights that give them are solved from the parent
 * column's own shares ({@link SkewShares}).
 */
final class Skews {

  /** Fields of a {@code weighted_by} object. */
  static final List<String> WEIGHTED_BY_FIELDS = List.of("column", "weights", "shares");

  /** A key's note lists its weights (or shares) up to this many characters, well within a note's limit. */
  static final int NOTE_LISTING = 300;

  /** How the note of a hidden weight column made here starts. */
  static final String HELPER_NOTE = "hidden: how likely a ";

  /**
   * The largest weight {@code weighted_by} takes. Weights are ratios between parents; summed over every parent row
   * of a plan (at most {@code PlanLimits.MAX_ROWS}) a larger one could overflow the sum the run draws from.
   */
  public static final double MAX_WEIGHT = 1e12;

  /** The two values of a boolean {@code by} column, in the order a list of weights or shares gives them. */
  static final List<String> BOOLEAN_VALUES = List.of("true", "false");

  private Skews() {
  }

  /** Whether {@code column} is a hidden weight column made here (hidden, an expression, with this class's note). */
  static boolean isHelper(JsonNode column) {
    return column.path("omit").asBoolean() && "expression".equals(column.path("strategy").asText())
        && column.path("note").asText("").startsWith(HELPER_NOTE);
  }

  /** A hidden weight column's note after the parent column it is computed from is renamed. */
  static String helperNote(String note, String from, String to) {
    String tail = ", from " + from;
    return note.endsWith(tail) ? note.substring(0, note.length() - tail.length()) + ", from " + to : note;
  }

  /** A weighted key's note ("…; weighted by tier (…)") after the parent column it is weighted by is renamed. */
  static String keyNote(String note, String from, String to) {
    return note.replace("weighted by " + from + " (", "weighted by " + to + " (");
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

  /**
   * Replaces every {@code weighted_by} in the plan tree by a hidden weight column and a weighted key, then solves
   * again the weights of every key that keeps target shares ({@code distribution.shares}, {@link SkewShares}) on the
   * plan as it now is: its rows, seed, names and parent values all move the parents' own shares, so weights solved
   * before a change would no longer give the targets.
   */
  static void resolveWeightedBy(ObjectNode plan, Problems problems) {
    ArrayNode tables = plan.withArray("tables");
    Set<JsonNode> solved = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = 0; i < tables.size(); i++) {
      ArrayNode cols = ((ObjectNode) tables.get(i)).withArray("columns");
      for (int j = 0; j < cols.size(); j++) {
        ObjectNode col = (ObjectNode) cols.get(j);
        JsonNode wb = col.remove("weighted_by");
        if (wb != null) {
          apply(plan, col, wb, "tables[" + i + "].columns[" + j + "].weighted_by", problems);
          solved.add(col);
        }
      }
    }
    for (int i = 0; i < tables.size(); i++) {
      ArrayNode cols = ((ObjectNode) tables.get(i)).withArray("columns");
      for (int j = 0; j < cols.size(); j++) {
        ObjectNode col = (ObjectNode) cols.get(j);
        if (!solved.contains(col)) {
          resolveShares(plan, col, "tables[" + i + "].columns[" + j + "].distribution", problems);
        }
      }
    }
  }

  /**
   * A weighted key that keeps its target shares, solved again: the column its hidden weight column is computed
   * from (a rename rewrote that expression, so the name is the current one) weighted anew for the shares.
   */
  private static void resolveShares(ObjectNode plan, ObjectNode fk, String path, Problems problems) {
    JsonNode d = fk.path("distribution");
    if (!"weighted".equals(d.path("type").asText()) || !d.path("shares").isObject()) {
      return;
    }
    String ref = fk.path("references").asText("");
    String parentName = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    ObjectNode helper = column(plan, parentName, d.path("by").asText(""));
    if (helper == null || !helper.path("expr").isTextual()) {
      return; // the plan's validation reports a key weighted by a column its parent lacks
    }
    List<ColumnRenames.Ref> refs;
    try {
      refs = ColumnRenames.refs(helper.get("expr").asText());
    } catch (ExprException e) {
      return; // the expression's own problem, reported by the plan's checks
    }
    if (refs.isEmpty() || refs.get(0).table() != null) {
      return;
    }
    ObjectNode wb = JsonNodeFactory.instance.objectNode();
    wb.put("column", refs.get(0).column());
    wb.set("shares", d.get("shares"));
    apply(plan, fk, wb, path, problems);
  }

  static void apply(ObjectNode plan, ObjectNode fk, JsonNode wb, String path, Problems problems) {
    String ref = fk.path("references").asText("");
    String parentName = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    ObjectNode parent = table(plan, parentName);
    String by = wb.isTextual() ? wb.asText() : wb.path("column").asText("");
    int before = problems.list().size();
    if (wb.isObject()) {
      Drafter.unknownFields(wb, path, WEIGHTED_BY_FIELDS, problems);
    }
    JsonNode weights = wb.path("weights");
    JsonNode shares = wb.path("shares");
    boolean hasWeights = !weights.isMissingNode() && !weights.isNull();
    boolean hasShares = !shares.isMissingNode() && !shares.isNull();
    if (hasWeights && hasShares) {
      problems.add(path, null, "weighted_by takes weights or shares, not both",
          "give shares (the children's target share per value, summing to 100) or weights (how much more likely a "
              + "parent of each value is), not both");
    }
    if (parent == null || problems.list().size() > before) {
      return; // an unknown reference is reported where it is written
    }
    ObjectNode byCol = column(plan, parentName, by);
    if (byCol == null) {
      problems.add(path + ".column", by, "no column '" + by + "' in " + parentName,
          "name a column of " + parentName + ", e.g. its tier or segment");
      return;
    }
    JsonNode given = fk.get("distribution");
    if (given != null && given.isObject() && !"weighted".equals(given.path("type").asText())) {
      problems.add(path, null, "weighted_by makes the key's distribution weighted, so its distribution "
          + given.path("type").asText("") + " would be dropped", "give weighted_by or distribution, not both");
      return;
    }
    boolean bool = "boolean".equals(byCol.path("type").asText()) || "boolean".equals(byCol.path("strategy").asText());
    String solved = "";
    JsonNode targets = null;
    if (hasShares) {
      weights = SkewShares.solve(plan, parentName, by, byCol, shares, path + ".shares", problems);
      if (weights == null) {
        return;
      }
      targets = SkewShares.asObject(shares, bool ? BOOLEAN_VALUES : SkewShares.values(byCol));
      solved = "to give shares " + compact(targets) + ": weights ";
    }
    String id;
    try {
      id = ColumnRenames.identifier(by, false);
    } catch (ExprException e) {
      problems.add(path + ".column", by, String.join("; ", e.problems()), "rename " + parentName + "." + by);
      return;
    }
    if (!hasWeights && !hasShares) {
      fk.putObject("distribution").put("type", "weighted").put("by", by);
      return;
    }
    StringBuilder expr = new StringBuilder("CASE").append(bool ? "" : " " + id);
    DataType t = DataType.parse(byCol.path("type").asText("string"));
    boolean quote = t == null || !t.isNumeric();
    int mark = problems.list().size();
    if (weights.isObject()) {
      List<String> known = bool ? BOOLEAN_VALUES : SkewShares.values(byCol);
      Set<String> knownSet = new HashSet<>(known);
      double sum = 0;
      for (Map.Entry<String, JsonNode> e : weights.properties()) {
        if (!weight(e.getValue(), path + ".weights." + e.getKey(), problems)) {
          continue;
        }
        sum += e.getValue().asDouble();
        if (!known.isEmpty() && !knownSet.contains(e.getKey())) {
          // a key that matches no value would weigh nothing: the skew the person asked for would not happen
          problems.add(path + ".weights." + e.getKey(), e.getKey(), "'" + e.getKey() + "' is not a value of "
              + parentName + "." + by + " (its values are: " + SkewShares.listed(known) + ")",
              SkewShares.nearOrGive(e.getKey(), known, "weights", by));
          continue;
        }
        expr.append(" WHEN ").append(bool ? when(id, e.getKey()) : literal(e.getKey(), quote)).append(" THEN ")
            .append(number(e.getValue()));
      }
      Set<String> keys = new HashSet<>();
      weights.fieldNames().forEachRemaining(keys::add);
      if (sum == 0 && problems.list().size() == mark && !known.isEmpty() && keys.containsAll(known)) {
        problems.add(path + ".weights", compact(weights), "every weight is 0, so the values weighed and the others "
            + "(which weigh 1) would be picked as if unweighted", "give the values their parents should favour a "
            + "weight above 0");
      }
    } else if (weights.isArray() && (bool || byCol.path("values").isArray())
        && (bool ? BOOLEAN_VALUES : SkewShares.values(byCol)).size() == weights.size()) {
      List<String> values = bool ? BOOLEAN_VALUES : SkewShares.values(byCol);
      for (int k = 0; k < weights.size(); k++) {
        if (weight(weights.get(k), path + ".weights[" + k + "]", problems)) {
          expr.append(" WHEN ").append(bool ? when(id, values.get(k)) : literal(values.get(k), quote))
              .append(" THEN ").append(number(weights.get(k)));
        }
      }
    } else {
      List<String> values = bool ? BOOLEAN_VALUES : SkewShares.values(byCol);
      problems.add(path + ".weights", weights, "weights are an object from " + by + " value to weight"
          + (values.isEmpty() ? "" : ", or a list of " + values.size() + " in the order " + SkewShares.listed(values)),
          bool ? "give e.g. {\"true\": 3, \"false\": 1}" : "give e.g. {\"Enterprise\": 5, \"Pro\": 2, \"Free\": 1}");
      return;
    }
    if (problems.list().size() > before) {
      fk.remove("distribution"); // no weight column from weights with problems: they are reported, nothing follows
      return;
    }
    expr.append(" ELSE 1.0 END");
    if (expr.length() > ExprLimits.MAX_LENGTH) {
      problems.add(path, by, String.format(Locale.ROOT, "the weights of %s make a hidden weight expression of %,d "
          + "characters, over the %,d an expression may have", by, expr.length(), ExprLimits.MAX_LENGTH),
          "weigh fewer values (with weights, values left out weigh 1), or give " + parentName + " a numeric weight "
              + "column of its own and name it in weighted_by without weights");
      return;
    }
    String helper = helper(plan, parent, parentName, by, fk, expr.toString());
    ObjectNode dist = fk.putObject("distribution");
    dist.put("type", "weighted");
    dist.put("by", helper);
    if (targets != null) {
      dist.set("shares", targets);
    }
    String note = fk.path("note").asText("").replaceAll("(; )?weighted by [^;]*$", "");
    fk.put("note", (note.isEmpty() ? "" : note + "; ") + "weighted by " + by + " (" + solved + compact(weights) + ")");
  }

  /**
   * The hidden weight column for {@code expr}: {@code {by}_weight} when it is free, already holds the expression,
   * or is a hidden weight that no other key uses (a revision re-weighting the key rewrites it); otherwise a new one
   * with a numbered name, so that two keys weighted differently by the same column keep their own weights.
   */
  private static String helper(ObjectNode plan, ObjectNode parent, String parentName, String by, ObjectNode fk,
      String expr) {
    String base = by + "_weight";
    for (int k = 1; ; k++) {
      String name = k == 1 ? base : base + "_" + k;
      ObjectNode existing = column(plan, parentName, name);
      if (existing == null) {
        ObjectNode h = parent.withArray("columns").addObject();
        h.put("name", name);
        h.put("type", "double");
        h.put("strategy", "expression");
        h.put("expr", expr);
        h.put("omit", true);
        h.put("note", HELPER_NOTE + Drafter.singular(parentName) + " is picked by " + fk.path("name").asText()
            + ", from " + by);
        return name;
      }
      if (expr.equals(existing.path("expr").asText())) {
        return name;
      }
      if (existing.path("omit").asBoolean() && "expression".equals(existing.path("strategy").asText())
          && !usedByAnotherKey(plan, parentName, name, fk)) {
        existing.put("expr", expr);
        return name;
      }
    }
  }

  /** Whether a foreign key other than {@code fk} into {@code parentName} is weighted by {@code column}. */
  private static boolean usedByAnotherKey(ObjectNode plan, String parentName, String column, ObjectNode fk) {
    for (JsonNode t : plan.withArray("tables")) {
      for (JsonNode c : t.path("columns")) {
        if (c != fk && c.path("references").asText("").startsWith(parentName + ".")
            && "weighted".equals(c.path("distribution").path("type").asText())
            && column.equals(c.path("distribution").path("by").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** A weight: a number from 0 to {@link #MAX_WEIGHT}; else a problem at {@code path}. */
  private static boolean weight(JsonNode v, String path, Problems problems) {
    if (!v.isNumber() || !(v.asDouble() >= 0)) {
      problems.add(path, v, "a weight is a number, 0 or more", "give e.g. {\"Enterprise\": 5, \"Pro\": 2, \"Free\": 1}");
      return false;
    }
    if (!(v.asDouble() <= MAX_WEIGHT)) {
      problems.add(path, v, String.format(Locale.ROOT, "a weight is at most %.0e (weights are ratios between "
          + "parents)", MAX_WEIGHT), "scale the weights down so that the largest is at most " + String.format(
          Locale.ROOT, "%.0e", MAX_WEIGHT) + ", e.g. divide them all by the smallest");
      return false;
    }
    return true;
  }

  /** The condition of a boolean {@code by} column for weight key "true" or "false". */
  private static String when(String id, String key) {
    return "true".equals(key) ? id : "NOT " + id;
  }

  private static String literal(String v, boolean quote) {
    return quote ? "'" + v.replace("'", "''") + "'" : v;
  }

  private static String number(JsonNode n) {
    double d = n.asDouble();
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
  }

  /** Weights or shares as a note shows them, cut after {@value #NOTE_LISTING} characters. */
  static String compact(JsonNode weights) {
    String s = weights.toString().replace("\"", "").replace(",", ", ").replace(":", ": ");
    if (s.length() <= NOTE_LISTING) {
      return s;
    }
    int cut = s.lastIndexOf(", ", NOTE_LISTING);
    return s.substring(0, cut > 0 ? cut : NOTE_LISTING) + ", … (" + weights.size() + " values)";
  }
}
