package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.validate.PlanLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Drafts a plan document from a structured description of a person's own tables:
 * <pre>
 * {"name": "shop", "tables": [
 *   {"name": "customers", "rows": 5000, "columns": ["customer_id", "name", "email",
 *      {"name": "tier", "values": ["Free", "Pro", "Enterprise"], "weights": [60, 30, 10]}, "region"]},
 *   {"name": "orders", "rows": 15000, "columns": ["order_id",
 *      {"name": "customer_id", "references": "customers",
 *       "weighted_by": {"column": "tier", "weights": {"Enterprise": 5, "Pro": 2, "Free": 1}}},
 *      "amount", "order_date", "status"]}]}
 * </pre>
 * A table takes every field of a plan table: {@code per_parent} makes it a table generated per row of a parent
 * (its rows may then be left out: the parents' rows times the count's mean), {@code primary_key}, {@code rows},
 * {@code description}. A column is a name, an object of what the person said (see {@link ColumnInference} for how
 * strategies are inferred), or a plan column with any strategy and that strategy's fields, whose type may be left
 * out ({@link StrategyTypes}). A foreign key {@code weighted_by} a parent's categorical column ("Enterprise
 * customers order more") becomes a hidden weight column on the parent, derived from that column, and a weighted
 * foreign key. {@link #plan} reads the drafted plan with the plan's codec and reports the description's problems
 * and the plan's together; {@code schemas/draft.schema.json} declares the description ({@link DraftSchema}).
 */
public final class Drafter {

  /** Fields of the description's top level and of each table. */
  public static final List<String> REQUEST_FIELDS = List.of("name", "description", "tables", "skews");
  public static final List<String> TABLE_FIELDS = List.of("name", "rows", "description", "primary_key", "per_parent",
      "history", "batch", "columns", "change_feed", "quality");
  public static final List<String> SKEW_FIELDS = List.of("table", "column", "by", "weights", "shares");

  /** The rows of a described table that gives neither rows nor per_parent. */
  static final int DEFAULT_ROWS = 1000;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Drafter() {
  }

  /**
   * The plan for a description: the description's own problems and those the plan's codec and validation find in
   * the drafted plan, all thrown at once (a problem of the plan at or inside a path the description's problems
   * already name is left out: it is the same mistake seen again). {@code dictionaries} are the known dictionary
   * names (null: any).
   */
  public static Plan plan(JsonNode request, LocalDate referenceDate, long seed, Set<String> dictionaries)
      throws PlanException {
    return plan(request, referenceDate, seed, dictionaries, Revisions.NO_MORE_CHECKS);
  }

  /** As {@link #plan(JsonNode, LocalDate, long, Set)}, with the caller's own rules as in {@link Revisions#apply}. */
  public static Plan plan(JsonNode request, LocalDate referenceDate, long seed, Set<String> dictionaries,
      java.util.function.Function<Plan, List<io.synthgen.plan.Violation>> alsoCheck) throws PlanException {
    Draft d = draftTree(request, referenceDate, seed, true);
    Problems problems = new Problems();
    problems.addAll(d.problems());
    if (d.plan() == null) {
      problems.throwIfAny();
    }
    return Revisions.read(d.plan(), dictionaries, problems, PerParentRows.fill(d.plan(), d.derivedRows()),
        alsoCheck);
  }

  /** The plan JSON for a description; {@code referenceDate} and {@code seed} are written into it. */
  public static ObjectNode draft(JsonNode request, LocalDate referenceDate, long seed) throws PlanException {
    Draft d = draftTree(request, referenceDate, seed, true);
    if (!d.problems().isEmpty()) {
      throw new PlanException(d.problems());
    }
    PerParentRows.fill(d.plan(), d.derivedRows());
    return d.plan();
  }

  /**
   * A drafted plan tree (null when the description has no tables to draft), the description's problems, and the
   * tables generated per parent whose rows the description left out (0 in the tree until {@link PerParentRows}
   * computes them).
   */
  record Draft(ObjectNode plan, List<io.synthgen.plan.Violation> problems, Set<String> derivedRows) {
  }

  /** As {@link #draft(JsonNode, LocalDate, long)}, without throwing; without {@code resolveSkews} weighted_by stays. */
  static Draft draftTree(JsonNode request, LocalDate referenceDate, long seed, boolean resolveSkews) {
    Problems problems = new Problems();
    if (request == null || !request.isObject()) {
      problems.add("$", null, "the description must be an object with tables", "give {\"tables\": [...]}");
      return new Draft(null, problems.list(), Set.of());
    }
    unknownFields(request, "$", REQUEST_FIELDS, problems);
    JsonNode tablesIn = request.get("tables");
    if (tablesIn == null || !tablesIn.isArray() || tablesIn.isEmpty()) {
      problems.add("tables", null, "describe at least one table",
          "give tables: [{\"name\": \"customers\", \"rows\": 1000, \"columns\": [\"customer_id\", \"name\"]}]");
      return new Draft(null, problems.list(), Set.of());
    }
    List<ObjectNode> specs = normalise(tablesIn, problems);
    Map<String, String> pks = new LinkedHashMap<>();
    for (ObjectNode t : specs) {
      pks.put(t.path("name").asText(), primaryKey(t));
    }
    ObjectNode plan = F.objectNode();
    plan.put("format", Plan.FORMAT);
    String name = request.path("name").asText("custom");
    plan.put("name", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_"));
    plan.put("description", request.path("description").asText(describedTables(pks.keySet())));
    plan.put("seed", seed);
    plan.put("reference_date", referenceDate.toString());
    plan.put("main_table", specs.get(0).path("name").asText());
    ArrayNode tables = plan.putArray("tables");
    DescribedTables described = DescribedTables.of(specs, pks);
    Set<String> derivedRows = new LinkedHashSet<>();
    StrategyTypes types = new StrategyTypes();
    for (int i = 0; i < specs.size(); i++) {
      ObjectNode spec = specs.get(i);
      String tname = spec.path("name").asText();
      ObjectNode t = tables.addObject();
      t.put("name", tname);
      if (spec.has("history")) {
        historyTable(spec, t);
        continue;
      }
      JsonNode perParent = spec.get("per_parent");
      if (spec.has("rows")) {
        t.set("rows", spec.get("rows"));
      } else if (perParent != null && perParent.isObject()) {
        t.put("rows", 0);
        derivedRows.add(tname);
      } else {
        t.put("rows", DEFAULT_ROWS);
      }
      if (pks.get(tname) != null) {
        t.put("primary_key", pks.get(tname));
      }
      if (spec.hasNonNull("description")) {
        t.set("description", spec.get("description"));
      }
      if (perParent != null) {
        t.set("per_parent", perParent);
      }
      if (spec.has("batch")) {
        t.set("batch", spec.get("batch"));
      }
      String parentTable = perParent == null ? null : perParent.path("table").asText(null);
      Set<String> colNames = new LinkedHashSet<>();
      spec.withArray("columns").forEach(c -> colNames.add(c.path("name").asText()));
      ColumnInference.Context ctx = new ColumnInference.Context(tname, pks.get(tname), pks, colNames,
          spec.path("description").asText(null), request.path("description").asText(null), described);
      ArrayNode cols = t.putArray("columns");
      ArrayNode in = spec.withArray("columns");
      int parentKey = perParent == null ? StrategyTypes.NONE
          : StrategyTypes.parentKeyColumn(in, tname, parentTable, pks, "tables[" + i + "]", problems);
      for (int j = 0; j < in.size(); j++) {
        String path = "tables[" + i + "].columns[" + j + "]";
        ObjectNode c = StrategyTypes.parentKey((ObjectNode) in.get(j), j == parentKey ? parentTable : null, pks);
        types.prepare(c, i, j);
        cols.add(ColumnInference.infer(c, ctx, path, problems));
      }
      for (String f : List.of("change_feed", "quality")) {
        if (spec.has(f)) {
          t.set(f, spec.get(f));
        }
      }
    }
    types.complete(plan);
    JsonNode skews = request.get("skews");
    PendingSkews pending = new PendingSkews();
    if (skews != null && skews.isArray()) {
      Map<String, String> skewed = new LinkedHashMap<>();
      for (int k = 0; k < skews.size(); k++) {
        applySkewHint(plan, skews.get(k), "skews[" + k + "]", problems, skewed, pending);
      }
    }
    if (resolveSkews) {
      pending.resolve(plan, problems);
    }
    for (JsonNode t : tables) {
      // walks over every table's columns add an empty list to a history table, which has none of its own
      if (t.has("history") && t.path("columns").isArray() && t.path("columns").isEmpty()) {
        ((ObjectNode) t).remove("columns");
      }
    }
    for (JsonNode t : tables) {
      // own tables with a change feed, appends or history need a series the description cannot give: the default
      if (t.has("change_feed") || t.has("history") || "append".equalsIgnoreCase(t.path("batch").path("mode").asText())) {
        SeriesEdits.ensureSeries(plan);
        break;
      }
    }
    return new Draft(plan, problems.list(), derivedRows);
  }

  /** Tables as objects, columns as objects ({@code "email"} becomes {@code {"name": "email"}}). */
  private static List<ObjectNode> normalise(JsonNode tablesIn, Problems problems) {
    List<ObjectNode> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < tablesIn.size(); i++) {
      JsonNode t = tablesIn.get(i);
      String path = "tables[" + i + "]";
      if (!t.isObject()) {
        problems.add(path, t, "a table is an object", "give {\"name\": ..., \"rows\": ..., \"columns\": [...]}");
        // a stand-in keeps the later tables at their own index, so the plan's problems name the right table
        ObjectNode stand = F.objectNode().put("name", "table_" + i);
        stand.putArray("columns").addObject().put("name", "id");
        out.add(stand);
        continue;
      }
      ObjectNode copy = ((ObjectNode) t).deepCopy();
      unknownFields(copy, path, TABLE_FIELDS, problems);
      // a history table's columns are its source's: it needs none (the plan's codec refuses any it has)
      boolean history = copy.has("history");
      String name = copy.path("name").asText("");
      if (name.isEmpty()) {
        problems.add(path + ".name", null, "a table needs a name", "give name: \"customers\"");
      } else if (!seen.add(name)) {
        problems.add(path + ".name", name, "two tables are called " + name, "rename one of them");
      }
      JsonNode rows = copy.get("rows");
      if (rows != null && (!rows.canConvertToExactIntegral() || rows.asLong() < 0)) {
        problems.add(path + ".rows", rows, "rows must be a whole number, 0 or more", "give rows: 5000");
      }
      JsonNode pp = copy.get("per_parent");
      if (pp != null && !pp.isObject()) {
        problems.add(path + ".per_parent", pp, "per_parent is an object {table, count}",
            "give per_parent: {\"table\": \"orders\", \"count\": {\"distribution\": {\"type\": \"uniform\", "
                + "\"min\": 1, \"max\": 5}, \"rounding\": \"floor\"}}");
        copy.remove("per_parent");
      }
      JsonNode cols = copy.get("columns");
      if (cols == null || !cols.isArray() || cols.isEmpty()) {
        if (!history) {
          problems.add(path + ".columns", null, "a table needs columns", "list its columns: [\"id\", \"name\"]");
          copy.putArray("columns");
        }
      } else {
        ArrayNode objs = F.arrayNode();
        for (int j = 0; j < cols.size(); j++) {
          JsonNode c = cols.get(j);
          if (c.isTextual()) {
            objs.addObject().put("name", c.asText());
          } else if (c.isObject() && c.hasNonNull("name")) {
            objs.add(c);
          } else {
            problems.add(path + ".columns[" + j + "]", c, "a column is a name or an object with a name",
                "give \"email\" or {\"name\": \"tier\", \"values\": [...]}");
            objs.addObject().put("name", "column_" + j); // a stand-in keeps the later columns at their index
          }
        }
        copy.set("columns", objs);
      }
      out.add(copy);
    }
    return out;
  }

  /**
   * A history table as the plan holds it: its name, description and history, and any other field the person gave,
   * which the plan's codec refuses with what to do instead.
   */
  private static void historyTable(ObjectNode spec, ObjectNode t) {
    spec.properties().forEach(e -> {
      if (!e.getKey().equals("name")) {
        t.set(e.getKey(), e.getValue());
      }
    });
  }

  /** The declared primary key, else a first column called id, {table}_id or {singular}_id, else none. */
  static String primaryKey(ObjectNode table) {
    if (table.hasNonNull("primary_key")) {
      return table.get("primary_key").asText();
    }
    ArrayNode cols = table.withArray("columns");
    if (cols.isEmpty()) {
      return null;
    }
    JsonNode first = cols.get(0);
    // compared word by word: OrderID in Orders is order_id in orders
    String n = io.synthgen.draft.infer.Words.normal(first.path("name").asText());
    String t = io.synthgen.draft.infer.Words.normal(table.path("name").asText());
    String parent = table.path("per_parent").path("table").asText(null);
    boolean parentKey = parent != null && (n.equals(singular(parent) + "_id") || n.equals(parent + "_id"));
    boolean candidate = n.equals("id") || n.equals(t + "_id") || n.equals(singular(t) + "_id")
        || n.endsWith("_id") && !first.has("references") && !parentKey;
    return candidate && !first.has("strategy") ? first.path("name").asText() : null;
  }

  static String singular(String table) {
    if (table.endsWith("ies")) {
      return table.substring(0, table.length() - 3) + "y";
    }
    if (table.endsWith("sses") || table.endsWith("ches") || table.endsWith("shes") || table.endsWith("xes")) {
      return table.substring(0, table.length() - 2);
    }
    if (table.endsWith("s") && !table.endsWith("ss") && !table.endsWith("us")) {
      return table.substring(0, table.length() - 1);
    }
    return table;
  }

  /** A request-level skew hint: puts {@code weighted_by} on the named foreign key column. */
  private static void applySkewHint(ObjectNode plan, JsonNode hint, String path, Problems problems,
      Map<String, String> skewed, PendingSkews pending) {
    unknownFields(hint, path, SKEW_FIELDS, problems);
    String table = hint.path("table").asText("");
    String column = hint.path("column").asText("");
    ObjectNode col = Skews.column(plan, table, column);
    if (col == null) {
      problems.add(path, table + "." + column, "no column " + column + " in table " + table,
          "name the foreign key column the skew applies to, e.g. {table: orders, column: customer_id, by: tier}");
      return;
    }
    if (!"foreign_key".equals(col.path("strategy").asText())) {
      problems.add(path + ".column", column, table + "." + column + " is not a foreign key",
          "skews weight foreign keys; give the column references first");
      return;
    }
    String key = table + "." + column;
    if (skewed.containsKey(key) || col.has("weighted_by")) {
      String first = skewed.getOrDefault(key, "its own weighted_by");
      problems.add(path, key, key + " is skewed twice: " + first + " already weights it",
          "give one skew per foreign key: merge the two into " + first + ", or drop this one");
      return;
    }
    skewed.put(key, path);
    pending.recordHint(table, column, path);
    ObjectNode wb = col.putObject("weighted_by");
    wb.set("column", hint.get("by"));
    if (hint.has("weights")) {
      wb.set("weights", hint.get("weights"));
    }
    if (hint.has("shares")) {
      wb.set("shares", hint.get("shares"));
    }
  }

  static void unknownFields(JsonNode obj, String path, List<String> allowed, Problems problems) {
    if (!obj.isObject()) {
      return;
    }
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        problems.add(path.equals("$") ? f : path + "." + f, null, "unknown field '" + f + "'",
            "use " + String.join(", ", allowed));
      }
    }
  }

  /** The description synthgen writes for the person's own tables, within the plan's limit on texts. */
  static String describedTables(Collection<String> names) {
    String prefix = "Tables described by the person: ";
    String all = prefix + String.join(", ", names) + ".";
    int max = PlanLimits.MAX_TEXT_LENGTH;
    if (all.length() <= max) {
      return all;
    }
    // as many names as fit before " and N more." (names themselves may be over any limit: they are refused later)
    String longestMore = String.format(Locale.ROOT, " and %,d more.", names.size());
    StringBuilder head = new StringBuilder(prefix);
    int listed = 0;
    for (String n : names) {
      int grown = head.length() + (listed == 0 ? 0 : 2) + n.length();
      if (grown + longestMore.length() > max) {
        break;
      }
      head.append(listed == 0 ? "" : ", ").append(n);
      listed++;
    }
    if (listed == 0) {
      return String.format(Locale.ROOT, "%s%,d tables.", prefix, names.size());
    }
    return head + String.format(Locale.ROOT, " and %,d more.", names.size() - listed);
  }
}
