package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The revision operations that add or remove tables and columns ({@code add_table}, {@code drop_table},
 * {@code add_column}) and the rows of tables generated per parent following their parent's ({@code set_rows}).
 * New tables and columns are described as for {@link Drafter}, with every field of the plan.
 */
final class TableEdits {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TableEdits() {
  }

  static void addTable(ObjectNode tree, JsonNode op, String path, Problems problems,
      Set<String> derivedRows) {
    JsonNode spec = op.get("table");
    if (spec == null || !spec.isObject()) {
      problems.add(path + ".table", spec, "add_table needs a table object",
          "give {\"name\": \"orders\", \"rows\": 1000, \"columns\": [\"order_id\", \"customer_id\"]}");
      return;
    }
    String name = spec.path("name").asText("");
    if (Skews.table(tree, name) != null) {
      problems.add(path + ".table.name", name, "the plan already has a table " + name,
          "choose another name, or revise " + name + " with add_column and update_column");
      return;
    }
    String parentTable = spec.path("per_parent").path("table").asText(null);
    if (parentTable != null && Skews.table(tree, parentTable) == null) {
      List<String> names = new ArrayList<>();
      tree.withArray("tables").forEach(t -> names.add(t.path("name").asText()));
      problems.add(path + ".table.per_parent.table", parentTable, "the plan has no table " + parentTable
          + " at this operation (operations apply in order), so " + name + " cannot be generated per row of it",
          "put the add_table of " + parentTable + " before this one, or name a table of the plan: "
              + String.join(", ", names));
      return;
    }
    // draft the new table alongside stubs of the existing ones, so its keys can reference them
    ObjectNode request = F.objectNode();
    ArrayNode tables = request.putArray("tables");
    for (JsonNode t : tree.withArray("tables")) {
      if (t.has("history")) {
        continue; // a history table has no columns of its own to reference, and a stub of it would need some
      }
      ObjectNode stub = tables.addObject();
      stub.put("name", t.path("name").asText());
      stub.put("rows", 1);
      if (t.hasNonNull("primary_key")) {
        stub.set("primary_key", t.get("primary_key"));
      }
      ArrayNode cols = stub.putArray("columns");
      for (JsonNode c : t.withArray("columns")) {
        cols.addObject().put("name", c.path("name").asText()).put("type", c.path("type").asText())
            .put("strategy", "constant");
      }
    }
    tables.add(spec);
    Drafter.Draft drafted = Drafter.draftTree(request, java.time.LocalDate.of(2000, 1, 1), 0, false);
    drafted.problems().forEach(v -> problems.add(path + ".table" + v.path().replaceFirst("^tables\\[\\d+]", ""),
        v.value(), v.rule(), v.fix()));
    if (drafted.problems().isEmpty()) {
      ArrayNode dt = drafted.plan().withArray("tables");
      tree.withArray("tables").add(dt.get(dt.size() - 1));
      if (drafted.derivedRows().contains(name)) {
        derivedRows.add(name);
      }
    }
  }

  static void dropTable(ObjectNode tree, ObjectNode table) {
    ArrayNode tables = tree.withArray("tables");
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i) == table) {
        tables.remove(i);
        break;
      }
    }
    if (table.path("name").asText().equals(tree.path("main_table").asText()) && !tables.isEmpty()) {
      tree.put("main_table", tables.get(0).path("name").asText());
    }
  }

  static void addColumn(ObjectNode tree, ObjectNode table, JsonNode op, String path, Problems problems) {
    JsonNode spec = op.get("column");
    if (spec != null && spec.isTextual()) {
      spec = F.objectNode().put("name", spec.asText());
    }
    if (spec == null || !spec.isObject() || !spec.hasNonNull("name")) {
      problems.add(path + ".column", spec, "add_column needs a column with a name",
          "give {\"name\": \"discount_pct\", \"type\": \"double\", \"min\": 0, \"max\": 0.3}");
      return;
    }
    String cname = spec.path("name").asText();
    if (Skews.column(tree, table.path("name").asText(), cname) != null) {
      problems.add(path + ".column.name", cname, table.path("name").asText() + " already has a column " + cname,
          "use update_column to change it");
      return;
    }
    Map<String, String> pks = new LinkedHashMap<>();
    for (JsonNode t : tree.withArray("tables")) {
      pks.put(t.path("name").asText(), t.path("primary_key").asText(null));
    }
    Set<String> names = new LinkedHashSet<>();
    table.withArray("columns").forEach(c -> names.add(c.path("name").asText()));
    names.add(cname);
    ColumnInference.Context ctx = new ColumnInference.Context(table.path("name").asText(),
        table.path("primary_key").asText(null), pks, names);
    // the new column becomes the parent key only when the table has none and it is the one that would be chosen;
    // a key to the parent that cannot be one is refused by the plan's own checks
    String parentTable = table.path("per_parent").path("table").asText(null);
    boolean hasParentKey = false;
    for (JsonNode c : table.withArray("columns")) {
      hasParentKey |= "parent".equals(c.path("strategy").asText());
    }
    Problems scratch = new Problems();
    boolean chosen = parentTable != null && !hasParentKey && StrategyTypes.parentKeyColumn(
        F.arrayNode().add(spec.deepCopy()), table.path("name").asText(), parentTable, pks, path, scratch) == 0
        && scratch.isEmpty();
    ObjectNode described = StrategyTypes.parentKey(((ObjectNode) spec).deepCopy(), chosen ? parentTable : null,
        pks);
    StrategyTypes types = new StrategyTypes();
    types.prepare(described, tableIndex(tree, table), table.withArray("columns").size());
    ObjectNode col = ColumnInference.infer(described, ctx, path + ".column", problems);
    ArrayNode cols = table.withArray("columns");
    String after = op.path("after").asText(null);
    int at = cols.size();
    if (after != null) {
      at = -1;
      for (int i = 0; i < cols.size(); i++) {
        if (after.equals(cols.get(i).path("name").asText())) {
          at = i + 1;
        }
      }
      if (at < 0) {
        problems.add(path + ".after", after, "no column " + after + " in " + table.path("name").asText(),
            "columns are: " + String.join(", ", Revisions.columnNames(table)));
        return;
      }
    }
    // typed from the columns it reads while it is last, then moved where it belongs
    cols.add(col);
    types.complete(tree);
    cols.remove(cols.size() - 1);
    cols.insert(at, col);
  }

  static Map<String, String> primaryKeys(ObjectNode tree) {
    Map<String, String> pks = new LinkedHashMap<>();
    for (JsonNode t : tree.withArray("tables")) {
      pks.put(t.path("name").asText(), t.path("primary_key").asText(null));
    }
    return pks;
  }

  private static int tableIndex(ObjectNode tree, ObjectNode table) {
    ArrayNode ts = tree.withArray("tables");
    for (int i = 0; i < ts.size(); i++) {
      if (ts.get(i) == table) {
        return i;
      }
    }
    throw new IllegalStateException("table not in the plan");
  }

  /**
   * Tables generated per row of {@code parent} (and theirs) keep their rows in step with it: rows of such a table
   * is its expected count, which follows the parent's rows. Tables whose rows this revision sets are left alone.
   */
  static void followParent(ObjectNode tree, String parent, JsonNode oldRows, JsonNode newRows,
      Set<String> rowsSet, Set<String> followed) {
    if (!followed.add(parent) || oldRows == null || !oldRows.canConvertToExactIntegral()
        || !newRows.canConvertToExactIntegral() || oldRows.asLong() <= 0 || newRows.asLong() < 0) {
      return;
    }
    double factor = newRows.asDouble() / oldRows.asDouble();
    for (JsonNode t : tree.path("tables")) {
      String name = t.path("name").asText();
      if (t.isObject() && parent.equals(t.path("per_parent").path("table").asText(null)) && !rowsSet.contains(name)
          && t.path("rows").canConvertToExactIntegral()) {
        JsonNode before = t.get("rows");
        JsonNode after = F.numberNode(Math.round(before.asLong() * factor));
        ((ObjectNode) t).set("rows", after);
        followParent(tree, name, before, after, rowsSet, followed);
      }
    }
  }
}
