package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.predict.Predictor;
import io.synthgen.draft.predict.TargetShares;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code weighted_by: {column: category, shares: {Electronics: 35, Clothing: 25, ...}}}: the children's target share
 * per value of the parent's categorical column, turned into the weights that give them ({@link TargetShares}). The
 * parent column must be a {@code values} column, whose weights say each value's share of the parents; every value
 * needs a share (0 for none), the shares sum to 100 (or to 1), and a value with a share above 0 must have parents.
 * Shares are among the children whose parent has a value: a parent whose value is NULL weighs 1, the mean weight.
 * The parents' shares are counted over the plan's own parent rows when there are few enough
 * ({@link #ownShares}), so the targets hold for this plan's parents, not only on average.
 */
public final class SkewShares {

  private static final int CHUNK = 8_192;

  /** A violation names at most this many of a column's values. */
  static final int MAX_LISTED = 20;

  /** Solved weights keep this many significant digits (the shares they give are off by less than 1e-5). */
  private static final MathContext DIGITS = new MathContext(6);

  private SkewShares() {
  }

  /**
   * The plan with the weights of every key that keeps target shares solved again for the plan as it is (after a
   * scaling of its rows, say); the same plan when none does. Throws every problem, such as a target share of a
   * value that none of the parents now has.
   */
  public static Plan resolved(Plan plan, Set<String> dictionaries) throws PlanException {
    ObjectNode tree = PlanCodec.toJson(plan);
    boolean any = false;
    for (JsonNode t : tree.withArray("tables")) {
      for (JsonNode c : t.path("columns")) {
        any |= c.path("distribution").has("shares");
      }
    }
    if (!any) {
      return plan;
    }
    Problems problems = new Problems();
    Skews.resolveWeightedBy(tree, problems);
    return Revisions.read(tree, dictionaries, problems, Set.of(), p -> List.of());
  }

  /** The values of a {@code values} column, as text; empty for another column. */
  static List<String> values(JsonNode byCol) {
    List<String> out = new ArrayList<>();
    byCol.path("values").forEach(v -> out.add(v.asText()));
    return out;
  }

  /** Shares as an object by value: as given, or a list in the order of {@code known}. */
  static ObjectNode asObject(JsonNode shares, List<String> known) {
    if (shares.isObject()) {
      return ((ObjectNode) shares).deepCopy();
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < known.size() && i < shares.size(); i++) {
      out.set(known.get(i), shares.get(i));
    }
    return out;
  }

  /** The weights per value as an object, or null after adding every problem of the shares. */
  static ObjectNode solve(ObjectNode plan, String parentName, String by, ObjectNode byCol, JsonNode shares,
      String path, Problems problems) {
    if ("boolean".equals(byCol.path("type").asText()) || "boolean".equals(byCol.path("strategy").asText())) {
      return solveBoolean(plan, parentName, by, byCol, shares, path, problems);
    }
    JsonNode values = byCol.path("values");
    if (!"values".equals(byCol.path("strategy").asText()) || !values.isArray() || values.isEmpty()) {
      problems.add(path, shares, "shares need the share of each value among the parents, and " + parentName + "."
          + by + " is not a values column (its strategy is " + byCol.path("strategy").asText("not set") + ")",
          "make " + by + " a values column with values and weights (e.g. update_column set {strategy: values, "
              + "values: [...], weights: [...]}), or give weights instead of shares");
      return null;
    }
    List<String> known = values(byCol);
    JsonNode pw = byCol.path("weights");
    Map<String, Double> parentShares = new LinkedHashMap<>();
    for (int i = 0; i < known.size(); i++) {
      parentShares.put(known.get(i), pw.isArray() && pw.size() == known.size() ? pw.get(i).asDouble() : 1.0);
    }
    return solve(plan, parentName, by, byCol, known, parentShares, shares, path, problems);
  }

  /** Shares by a boolean parent column: keys "true" and "false", its probability the parents' share of true. */
  private static ObjectNode solveBoolean(ObjectNode plan, String parentName, String by, ObjectNode byCol,
      JsonNode shares, String path, Problems problems) {
    double p = byCol.path("probability").asDouble(0.5);
    Map<String, Double> parentShares = new LinkedHashMap<>();
    parentShares.put("true", p);
    parentShares.put("false", 1 - p);
    return solve(plan, parentName, by, byCol, Skews.BOOLEAN_VALUES, parentShares, shares, path, problems);
  }

  private static ObjectNode solve(ObjectNode plan, String parentName, String by, ObjectNode byCol,
      List<String> known, Map<String, Double> parentShares, JsonNode shares, String path, Problems problems) {
    Set<String> knownSet = new HashSet<>(known);
    int before = problems.list().size();
    Map<String, Double> targets = new LinkedHashMap<>();
    if (shares.isObject()) {
      for (Map.Entry<String, JsonNode> e : shares.properties()) {
        if (!knownSet.contains(e.getKey())) {
          problems.add(path + "." + e.getKey(), e.getKey(), "'" + e.getKey() + "' is not a value of " + parentName
              + "." + by + " (its values are: " + listed(known) + ")",
              nearOrGive(e.getKey(), known, "shares", by));
        } else if (share(e.getValue(), path + "." + e.getKey(), problems)) {
          targets.put(e.getKey(), e.getValue().asDouble());
        }
      }
    } else if (shares.isArray() && shares.size() == known.size()) {
      for (int i = 0; i < known.size(); i++) {
        if (share(shares.get(i), path + "[" + i + "]", problems)) {
          targets.put(known.get(i), shares.get(i).asDouble());
        }
      }
    } else {
      problems.add(path, shares, "shares are an object from " + by + " value to the children's share in percent, "
          + "or a list of " + known.size() + " in the order " + listed(known)
          + (shares.isArray() ? " (this list has " + shares.size() + ")" : ""), "give e.g. {" + example(known) + "}");
      return null;
    }
    List<String> missing = known.stream().filter(k -> !targets.containsKey(k) && !shares.has(k)).toList();
    if (!missing.isEmpty() && shares.isObject()) {
      problems.add(path, Skews.compact(shares), "no share for " + String.join(", ", missing) + " (every value of "
          + parentName + "." + by + " needs one)", "add a share for each, 0 for a value whose " + parentName
          + " get none");
    }
    double sum = targets.values().stream().mapToDouble(Double::doubleValue).sum();
    // the sum says something only when every share given was read (a missing value still lets it be checked)
    if (targets.size() == shares.size() && Double.isNaN(TargetShares.scale(sum))) {
      problems.add(path, Skews.compact(shares), String.format(Locale.ROOT, "the shares sum to %s, not 100",
          BigDecimal.valueOf(sum).round(DIGITS).stripTrailingZeros().toPlainString()), String.format(Locale.ROOT,
          "give percentages that sum to 100 (within %s), or fractions that sum to 1",
          BigDecimal.valueOf(TargetShares.PERCENT_TOLERANCE).toPlainString()));
    }
    for (Map.Entry<String, Double> e : targets.entrySet()) {
      if (e.getValue() > 0 && !(parentShares.get(e.getKey()) > 0)) {
        problems.add(path + "." + e.getKey(), e.getValue(), "no " + parentName + " are " + e.getKey() + " (its "
            + "weight in " + parentName + "." + by + " is 0), so no child can go to one",
            "give " + e.getKey() + " a weight above 0 in " + parentName + "." + by + " (set_weights), or a share of 0");
      }
    }
    Map<String, Double> own = problems.list().size() > before ? null : ownShares(plan, parentName, byCol, known);
    if (own != null) {
      ArrayNode absent = JsonNodeFactory.instance.arrayNode();
      targets.forEach((k, t) -> {
        if (t > 0 && !(own.get(k) > 0)) {
          absent.add(k);
        }
      });
      if (!absent.isEmpty()) {
        String which = absent.size() == 1 ? absent.get(0).asText() : "any of these " + absent.size() + " values";
        problems.add(path, Skews.compact(absent), "none of this plan's " + rowsOf(plan, parentName) + " " + parentName
            + " has " + by + " " + which + " (drawn too rarely for that many rows), so no child can go to one",
            "give " + (absent.size() == 1 ? "it" : "them") + " a share of 0, larger weights in " + parentName + "."
                + by + ", or " + parentName + " more rows");
      }
      parentShares = own;
    }
    if (problems.list().size() > before) {
      return null;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    TargetShares.solve(parentShares, targets).forEach((k, w) ->
        out.put(k, w == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(w).round(DIGITS).stripTrailingZeros()));
    return out;
  }

  /**
   * Each value's share of this plan's own parent rows, counted as the run draws them, so that the solved weights
   * meet the targets for these very parents rather than in expectation; null when the parent table is generated
   * per parent, has more than {@link Predictor#EXACT_PARENT_ROWS} rows (its shares are then within a fraction of a
   * point of the weights'), or cannot be read yet (the plan's validation reports why).
   */
  static Map<String, Double> ownShares(ObjectNode plan, String parentName, ObjectNode byCol, List<String> known) {
    ObjectNode parent = Skews.table(plan, parentName);
    JsonNode rows = parent == null ? null : parent.get("rows");
    if (parent == null || parent.has("per_parent") || rows == null || !rows.canConvertToLong() || rows.asLong() <= 0
        || rows.asLong() > Predictor.EXACT_PARENT_ROWS) {
      return null;
    }
    ObjectNode mini = JsonNodeFactory.instance.objectNode();
    mini.put("format", Plan.FORMAT);
    mini.put("name", "shares");
    if (plan.has("seed")) {
      mini.set("seed", plan.get("seed"));
    }
    mini.put("reference_date", plan.path("reference_date").asText("2000-01-01"));
    ObjectNode t = mini.putArray("tables").addObject();
    t.put("name", parentName);
    t.set("rows", rows);
    ObjectNode col = byCol.deepCopy();
    col.remove(List.of("omit", "unique", "note"));
    t.putArray("columns").add(col);
    ResolvedPlan resolved;
    try {
      // the same seed, table, column and rows: the same stream, so the same values as in the full plan
      resolved = Resolver.resolve(PlanCodec.fromJson(mini, null));
    } catch (PlanException e) {
      return null; // the column's own problems are reported when the whole plan is read
    }
    ResolvedTable table = resolved.table(parentName);
    Map<String, Double> counts = new LinkedHashMap<>();
    known.forEach(k -> counts.put(k, 0.0));
    long n = rows.asLong();
    for (long start = 0; start < n; start += CHUNK) {
      int k = (int) Math.min(CHUNK, n - start);
      Vec v = TableEvaluator.range(resolved, table, start, k).column(byCol.path("name").asText());
      for (int i = 0; i < k; i++) {
        if (!v.isNull(i)) {
          String key = String.valueOf(v.get(i));
          if (!counts.containsKey(key)) {
            return null; // a value written differently from the plan's (a timestamp, a decimal): use the weights
          }
          counts.merge(key, 1.0, Double::sum);
        }
      }
    }
    return counts.values().stream().mapToDouble(Double::doubleValue).sum() > 0 ? counts : null;
  }

  private static String rowsOf(ObjectNode plan, String parentName) {
    return String.format(Locale.ROOT, "%,d", Skews.table(plan, parentName).path("rows").asLong());
  }

  private static boolean share(JsonNode v, String path, Problems problems) {
    if (v.isNumber() && v.asDouble() >= 0 && v.asDouble() <= 100) {
      return true;
    }
    if (v.isNumber() && v.asDouble() > 100) {
      problems.add(path, v, "a share is a percentage of the children, at most 100", "give e.g. 35 for 35 %");
      return false;
    }
    problems.add(path, v, "a share is a number, 0 or more (a percentage)", "give e.g. 35 for 35 %");
    return false;
  }

  /** Values a violation lists: the first {@value #MAX_LISTED}, then how many there are. */
  static String listed(List<String> values) {
    if (values.size() <= MAX_LISTED) {
      return String.join(", ", values);
    }
    return String.join(", ", values.subList(0, MAX_LISTED)) + ", … (" + values.size() + " values)";
  }

  /** "did you mean" for a value that differs only in case, else how to name the values. */
  static String nearOrGive(String given, List<String> known, String what, String by) {
    String near = known.stream().filter(k -> k.equalsIgnoreCase(given)).findFirst().orElse(null);
    return near != null ? "did you mean '" + near + "'?" : "give " + what + " for values of " + by;
  }

  private static String example(List<String> known) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < known.size() && i < 3; i++) {
      parts.add("\"" + known.get(i) + "\": " + (i == 0 ? 50 : i == 1 ? 30 : 20));
    }
    return String.join(", ", parts);
  }
}
