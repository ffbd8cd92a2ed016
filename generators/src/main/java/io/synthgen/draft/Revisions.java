package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.json.PlanFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Revision operations on a plan, applied atomically: all of them and then the whole plan's validation succeed, or
 * nothing changes and every problem is thrown at once: those of the operations with paths
 * {@code operations[i].field}, then those of the plan the other operations make, with plan paths. An operation
 * with a problem is left out (each operation applies whole or not at all), so one mistake does not hide the
 * problems of the rest. Operations, by {@code op}:
 * <ul>
 *   <li>{@code set_rows} {table, rows}; {@code set_seed} {seed}; {@code set_tier} {tier: 1..3, or 0 for automatic}</li>
 *   <li>{@code add_table} {table: a described table as for {@link Drafter}}; {@code drop_table} {table}</li>
 *   <li>{@code add_column} {table, column: described or a full plan column, after?}; {@code drop_column}
 *       {table, column}</li>
 *   <li>{@code update_column} {table, column, set: plan column fields; a new strategy replaces the old one's
 *       parameters}</li>
 *   <li>{@code set_weights} {table, column, weights, values?}; {@code set_distribution} {table, column,
 *       distribution, min?, max?} (on a foreign key: its spread over parents); {@code set_null_rate} {table,
 *       column, null_rate}</li>
 *   <li>{@code set_relationship} {table, column, references, distribution?, weighted_by?}</li>
 *   <li>{@code set_destination} {destination: a plan destination object}</li>
 *   <li>{@code rename_table} {table, to}; {@code rename_column} {table, column, to}: every reference follows
 *       ({@link Renames}), into feeds, histories and defects too</li>
 *   <li>{@code set_series} {start?, interval?, batches?}; {@code remove_series}; {@code set_batch} {table, mode,
 *       advance?} ({@link SeriesEdits})</li>
 *   <li>{@code set_change_feed} {table, feed fields?}; {@code remove_change_feed} {table}; {@code add_history}
 *       {table, of} ({@link FeedEdits}); an append table or a feed added to a plan without a series adds the
 *       default series with it</li>
 *   <li>{@code add_defect} {table, defect}; {@code remove_defect} {table, defect, column?}; {@code
 *       set_ground_truth} {table, ground_truth} ({@link QualityEdits})</li>
 *   <li>{@code apply_recipe} {recipe: cdc | quality}: an industry template's recipe ({@link RecipeEdits})</li>
 * </ul>
 * A described table or column may use every field of the plan: a table its {@code per_parent} (its rows then
 * follow from the parent's unless given), a column any strategy with that strategy's fields.
 */
public final class Revisions {

  /**
   * Operations one revision may hold. Each is applied to its own copy of the plan (so a failed one leaves nothing
   * behind), which makes a revision's work grow with operations times plan size; a longer list is refused.
   */
  public static final int MAX_OPERATIONS = 200;

  /** Each operation and its fields besides {@code op}. */
  public static final Map<String, List<String>> OPERATIONS;

  static {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("set_rows", List.of("table", "rows"));
    m.put("add_table", List.of("table"));
    m.put("drop_table", List.of("table"));
    m.put("add_column", List.of("table", "column", "after"));
    m.put("drop_column", List.of("table", "column"));
    m.put("update_column", List.of("table", "column", "set"));
    m.put("set_weights", List.of("table", "column", "weights", "values"));
    m.put("set_distribution", List.of("table", "column", "distribution", "min", "max"));
    m.put("set_null_rate", List.of("table", "column", "null_rate"));
    m.put("set_relationship", List.of("table", "column", "references", "distribution", "weighted_by"));
    m.put("set_destination", List.of("destination"));
    m.put("set_seed", List.of("seed"));
    m.put("set_tier", List.of("tier"));
    m.put("rename_table", List.of("table", "to"));
    m.put("rename_column", List.of("table", "column", "to"));
    m.put("set_series", SeriesEdits.SERIES_FIELDS);
    m.put("remove_series", List.of());
    m.put("set_batch", List.of("table", "mode", "advance"));
    List<String> feed = new ArrayList<>(List.of("table"));
    feed.addAll(FeedEdits.FEED_FIELDS);
    m.put("set_change_feed", List.copyOf(feed));
    m.put("remove_change_feed", List.of("table"));
    m.put("add_history", List.of("table", "of"));
    m.put("add_defect", List.of("table", "defect"));
    m.put("remove_defect", List.of("table", "defect", "column"));
    m.put("set_ground_truth", List.of("table", "ground_truth"));
    m.put("apply_recipe", List.of("recipe"));
    OPERATIONS = java.util.Collections.unmodifiableMap(m);
  }

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Revisions() {
  }

  /** The revised plan; {@code dictionaries} are the known dictionary names (null: accept any). */
  public static Plan apply(Plan plan, JsonNode operations, Set<String> dictionaries) throws PlanException {
    return apply(plan, operations, dictionaries, NO_MORE_CHECKS);
  }

  /** No checks beyond the plan's own. */
  static final Function<Plan, List<Violation>> NO_MORE_CHECKS = p -> List.of();

  /**
   * The revised plan, with {@code alsoCheck} (the caller's own rules, such as a server's limits) applied to it and
   * its violations reported with every other problem of the revision at once. {@code alsoCheck} is given the plan
   * even when the revision has other problems: then the plan as decoded, with placeholders where fields are wrong.
   */
  public static Plan apply(Plan plan, JsonNode operations, Set<String> dictionaries,
      Function<Plan, List<Violation>> alsoCheck) throws PlanException {
    Problems problems = new Problems();
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      problems.add("operations", null, "give at least one operation",
          "e.g. [{\"op\": \"set_rows\", \"table\": \"customers\", \"rows\": 50000}]; operations are "
              + String.join(", ", OPERATIONS.keySet()));
      problems.throwIfAny();
    }
    if (operations.size() > MAX_OPERATIONS) {
      problems.add("operations", operations.size() + " operations", "a revision holds at most " + MAX_OPERATIONS
          + " operations", "split the changes into revisions of " + MAX_OPERATIONS + " operations or fewer");
      problems.throwIfAny();
    }
    ObjectNode tree = PlanCodec.toJson(plan);
    PendingSkews pending = new PendingSkews();
    Set<String> rowsSet = new java.util.HashSet<>();
    Set<String> derivedRows = new LinkedHashSet<>();
    for (int i = 0; i < operations.size(); i++) {
      String path = "operations[" + i + "]";
      JsonNode op = operations.get(i);
      if (!op.isObject()) {
        problems.add(path, op, "an operation is an object with op", "e.g. {\"op\": \"set_rows\", \"table\": "
            + "\"customers\", \"rows\": 50000}");
        continue;
      }
      String kind = op.path("op").asText("");
      if (kind.startsWith("rename_")) {
        // a rename carries the skews written before it: resolved first, so their columns follow the new name
        pending.resolve(tree, problems);
      }
      ObjectNode before = tree.deepCopy();
      int mark = problems.size();
      boolean describedTables = tree.path("description").asText("").equals(Drafter.describedTables(
          tableNames(tree)));
      applyOne(tree, op, path, problems, rowsSet, derivedRows, dictionaries);
      if (describedTables) {
        // the description synthgen wrote lists the tables: it follows renames, additions and drops
        tree.put("description", Drafter.describedTables(tableNames(tree)));
      }
      if (problems.size() > mark) {
        // left out whole; the rest still apply, so their problems are found too
        tree.removeAll();
        tree.setAll(before);
      } else {
        pending.record(tree, op, path);
      }
    }
    // skews are solved on the plan as the operations leave it (rows and weights set after them count)
    pending.resolve(tree, problems);
    historyWithoutColumns(tree);
    return read(tree, dictionaries, problems, PerParentRows.fill(tree, derivedRows), alsoCheck);
  }

  /**
   * The plan of a tree, or every problem at once: those already found (of the operations or the description),
   * the plan's own, those of its expressions, which otherwise only the resolution of a valid plan finds, and the
   * columns that read a broken one ({@link BrokenReads}).
   * Violations at {@code ignored} paths are left out (see {@link PerParentRows#fill}).
   */
  static Plan read(ObjectNode tree, Set<String> dictionaries, Problems problems, Set<String> ignored,
      Function<Plan, List<Violation>> alsoCheck) throws PlanException {
    Plan plan = null;
    List<Violation> own = List.of();
    try {
      plan = PlanCodec.fromJson(tree, dictionaries);
    } catch (PlanException e) {
      own = e.violations();
    }
    Plan decoded = plan != null ? plan : PlanCodec.decode(tree).plan();
    List<Violation> more = alsoCheck.apply(decoded);
    if (plan != null && problems.isEmpty() && more.isEmpty()) {
      return plan;
    }
    problems.addUncovered(own.stream().filter(v -> !ignored.contains(v.path())).toList());
    problems.addUncovered(ExpressionChecks.of(decoded));
    problems.addUncovered(BrokenReads.of(decoded));
    // last: a limit at "tables" would otherwise hide every problem inside the tables as the same mistake
    problems.addAll(more);
    problems.throwIfAny();
    throw new IllegalStateException("a plan with problems that none of its checks reports");
  }

  /**
   * A history table has no columns of its own; walks over every table's columns (renames, stubs of add_table) leave
   * an empty list on it, which is taken away again.
   */
  static void historyWithoutColumns(ObjectNode tree) {
    for (JsonNode t : tree.withArray("tables")) {
      if (t.hasNonNull("history") && t.path("columns").isArray() && t.path("columns").isEmpty()) {
        ((ObjectNode) t).remove("columns");
      }
    }
  }

  private static void applyOne(ObjectNode tree, JsonNode op, String path, Problems problems,
      Set<String> rowsSet, Set<String> derivedRows, Set<String> dictionaries) {
    String name = op.path("op").asText("");
    List<String> fields = OPERATIONS.get(name);
    if (fields == null) {
      problems.add(path + ".op", name.isEmpty() ? null : name, "unknown operation",
          "use one of " + String.join(", ", OPERATIONS.keySet()));
      return;
    }
    for (Iterator<String> it = op.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("op") && !fields.contains(f)) {
        problems.add(path + "." + f, null, "unknown field '" + f + "' for " + name,
            name + " takes " + String.join(", ", fields));
      }
    }
    switch (name) {
      case "set_seed":
        require(op, path, "seed", problems).ifPresent(v -> tree.set("seed", v));
        return;
      case "set_tier":
        require(op, path, "tier", problems).ifPresent(v -> {
          if (v.asInt() == 0) {
            tree.remove("tier");
          } else {
            tree.set("tier", v);
          }
        });
        return;
      case "set_destination":
        require(op, path, "destination", problems).ifPresent(v -> tree.set("destination", v));
        return;
      case "add_table":
        TableEdits.addTable(tree, op, path, problems, derivedRows);
        return;
      case "set_series":
        SeriesEdits.setSeries(tree, op, path, problems);
        return;
      case "remove_series":
        SeriesEdits.removeSeries(tree, path, problems);
        return;
      case "add_history":
        FeedEdits.addHistory(tree, op, path, problems);
        return;
      case "apply_recipe":
        RecipeEdits.apply(tree, op, path, problems, dictionaries);
        return;
      default:
        break;
    }
    ObjectNode table = table(tree, op, path, problems);
    if (table == null) {
      return;
    }
    switch (name) {
      case "set_rows":
        require(op, path, "rows", problems).ifPresent(v -> {
          JsonNode old = table.get("rows");
          table.set("rows", v);
          rowsSet.add(table.path("name").asText());
          TableEdits.followParent(tree, table.path("name").asText(), old, v, rowsSet, new java.util.HashSet<>());
        });
        return;
      case "drop_table":
        TableEdits.dropTable(tree, table);
        return;
      case "rename_table": {
        String from = table.path("name").asText();
        Renames.renameTable(tree, table, op, path, problems);
        if (!from.equals(table.path("name").asText())) {
          FeedEdits.renamedTable(tree, table, from, table.path("name").asText());
        }
        return;
      }
      case "set_batch":
        SeriesEdits.setBatch(tree, table, op, path, problems);
        return;
      case "set_change_feed":
        FeedEdits.setChangeFeed(tree, table, op, path, problems);
        return;
      case "remove_change_feed":
        FeedEdits.removeChangeFeed(tree, table, path, problems);
        return;
      case "add_defect":
        QualityEdits.addDefect(table, op, path, problems);
        return;
      case "remove_defect":
        QualityEdits.removeDefect(table, op, path, problems);
        return;
      case "set_ground_truth":
        QualityEdits.setGroundTruth(table, op, path, problems);
        return;
      case "add_column":
        TableEdits.addColumn(tree, table, op, path, problems);
        return;
      default:
        break;
    }
    ObjectNode col = column(table, op, path, problems);
    if (col == null) {
      return;
    }
    switch (name) {
      case "rename_column": {
        String from = col.path("name").asText();
        Renames.renameColumn(tree, table, col, op, path, problems);
        if (!from.equals(col.path("name").asText())) {
          FeedEdits.renamedColumn(table, from, col.path("name").asText());
        }
        return;
      }
      case "drop_column":
        ArrayNode cols = table.withArray("columns");
        for (int i = 0; i < cols.size(); i++) {
          if (cols.get(i) == col) {
            cols.remove(i);
            break;
          }
        }
        return;
      case "update_column":
        require(op, path, "set", problems).ifPresent(set -> {
          if (!set.isObject()) {
            problems.add(path + ".set", set, "set is an object of column fields", "e.g. {\"null_rate\": 0.05}");
          } else if (set.has("name")) {
            // a name changed here would leave every reference to the old one dangling
            problems.add(path + ".set.name", set.get("name"), "update_column does not rename",
                "use {\"op\": \"rename_column\", \"table\": \"" + table.path("name").asText() + "\", \"column\": \""
                    + col.path("name").asText() + "\", \"to\": ...}: every reference follows the new name");
          } else {
            ObjectNode changes = ((ObjectNode) set).deepCopy();
            String strategy = changes.path("strategy").asText(col.path("strategy").asText());
            if (!changes.has("strategy") && changes.has("references")) {
              changes.put("strategy", strategy); // completed as the column's own strategy
            }
            update(col, StrategyTypes.parentKey(changes, null, TableEdits.primaryKeys(tree)));
          }
        });
        return;
      case "set_weights":
        require(op, path, "weights", problems).ifPresent(w -> {
          ObjectNode set = F.objectNode();
          if (!"values".equals(col.path("strategy").asText())) {
            set.put("strategy", "values");
            if (!op.has("values")) {
              problems.add(path + ".values", null, col.path("name").asText() + " is not a values column",
                  "give values with the weights");
            }
          }
          if (op.has("values")) {
            set.set("values", op.get("values"));
          }
          set.set("weights", w);
          update(col, set);
        });
        return;
      case "set_null_rate":
        require(op, path, "null_rate", problems).ifPresent(v -> col.set("null_rate", v));
        return;
      case "set_distribution":
        require(op, path, "distribution", problems).ifPresent(d -> {
          if ("foreign_key".equals(col.path("strategy").asText())) {
            col.set("distribution", d);
            return;
          }
          ObjectNode set = F.objectNode();
          set.put("strategy", "distribution");
          set.set("distribution", d);
          for (String f : List.of("min", "max")) {
            if (op.has(f)) {
              set.set(f, op.get(f));
            }
          }
          update(col, set);
        });
        return;
      case "set_relationship":
        require(op, path, "references", problems).ifPresent(r -> {
          if ("parent".equals(col.path("strategy").asText())) {
            String t = table.path("name").asText();
            String parent = table.path("per_parent").path("table").asText();
            problems.add(path + ".column", col.path("name").asText(), t + "." + col.path("name").asText()
                + " is the key of the " + Drafter.singular(parent) + " each row belongs to (" + t
                + " is generated per row of " + parent + "); as a foreign key it would no longer name the row its "
                + "children were laid out for", "keep it; to give some " + parent + " more " + t
                + ", shape the per_parent count (drop_table " + t + " and add_table it with another count), or "
                + "set the relationship on another column");
            return;
          }
          ObjectNode set = F.objectNode();
          set.put("strategy", "foreign_key");
          String ref = r.asText();
          if (!ref.contains(".")) {
            ObjectNode parent = Skews.table(tree, ref);
            String pk = parent == null ? null : parent.path("primary_key").asText(null);
            ref = ref + "." + (pk == null ? "?" : pk);
          }
          set.put("references", ref);
          if (op.has("distribution")) {
            set.set("distribution", op.get("distribution"));
          }
          update(col, set);
          if (op.has("weighted_by")) {
            if (!op.has("distribution")) {
              col.remove("distribution"); // the key's former spread; weighted_by replaces it
            }
            col.set("weighted_by", op.get("weighted_by"));
          }
        });
        return;
      default:
        throw new IllegalStateException("operation without a handler: " + name);
    }
  }

  /** Merges plan column fields; a changed strategy drops the old strategy's parameters first. */
  static void update(ObjectNode col, ObjectNode set) {
    String newStrategy = set.path("strategy").asText(null);
    if (newStrategy != null && !newStrategy.equals(col.path("strategy").asText())) {
      List<String> old = PlanFields.STRATEGY.getOrDefault(col.path("strategy").asText(), List.of());
      for (String f : old) {
        col.remove(f);
      }
    }
    set.properties().forEach(e -> col.set(e.getKey(), e.getValue()));
  }

  private static java.util.Optional<JsonNode> require(JsonNode op, String path, String field, Problems problems) {
    JsonNode v = op.get(field);
    if (v == null || v.isNull()) {
      problems.add(path + "." + field, null, op.path("op").asText() + " needs " + field,
          "add \"" + field + "\" to the operation");
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(v);
  }

  private static ObjectNode table(ObjectNode tree, JsonNode op, String path, Problems problems) {
    String name = op.path("table").asText("");
    ObjectNode t = Skews.table(tree, name);
    if (t == null) {
      List<String> names = new ArrayList<>();
      tree.withArray("tables").forEach(x -> names.add(x.path("name").asText()));
      problems.add(path + ".table", name.isEmpty() ? null : name, name.isEmpty() ? "missing table" : "unknown table",
          "tables are: " + String.join(", ", names));
    }
    return t;
  }

  private static ObjectNode column(ObjectNode table, JsonNode op, String path, Problems problems) {
    String name = op.path("column").asText("");
    if (table.hasNonNull("history")) {
      String of = table.path("history").path("of").asText();
      problems.add(path + ".table", table.path("name").asText(), table.path("name").asText() + " is a history "
          + "table: its columns are " + of + "'s plus the version columns", "change the column in " + of);
      return null;
    }
    for (JsonNode c : table.withArray("columns")) {
      if (name.equals(c.path("name").asText())) {
        return (ObjectNode) c;
      }
    }
    problems.add(path + ".column", name.isEmpty() ? null : name,
        (name.isEmpty() ? "missing column" : "unknown column '" + name + "'") + " in " + table.path("name").asText(),
        "columns are: " + String.join(", ", columnNames(table)));
    return null;
  }

  private static List<String> tableNames(ObjectNode tree) {
    List<String> out = new ArrayList<>();
    tree.withArray("tables").forEach(t -> out.add(t.path("name").asText()));
    return out;
  }

  static List<String> columnNames(ObjectNode table) {
    List<String> out = new ArrayList<>();
    table.withArray("columns").forEach(c -> out.add(c.path("name").asText()));
    return out;
  }
}
