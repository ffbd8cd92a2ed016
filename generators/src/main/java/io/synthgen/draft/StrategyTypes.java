package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plan columns in a description may leave out what the rest of the description already says. A column that names
 * a strategy but no type gets the type the strategy implies: a sequence or child index bigint, a uuid, pattern or
 * dictionary string, a date range a date, an expression the type it gives ({@link ExpressionTypes}; also when
 * described with expr and no strategy); a parent, foreign key, lookup or child aggregate the type of the column it
 * reads (a sum of {@code decimal(p,s)} is {@code decimal(18,s)}, an average double, a count bigint), found once
 * every table is drafted. In a table generated per parent, one column is the parent key ({@code strategy: parent},
 * see {@link #parentKeyColumn}); a {@code references} of a parent or foreign key that names only a table means its
 * primary key.
 */
final class StrategyTypes {

  private static final List<String> FROM_REFERENCE = List.of("parent", "foreign_key", "lookup", "child_aggregate");

  private final List<int[]> pending = new ArrayList<>();
  private final List<ExpressionTypes.Pending> expressions = new ArrayList<>();

  /** No column of the described table is to become the parent key (see {@link #parentKeyColumn}). */
  static final int NONE = -1;

  /**
   * Which described column of a table generated per row of {@code parentTable} becomes its parent key ({@code
   * strategy: parent}): a column that already is one (then {@link #NONE}: nothing to change); else the column named
   * as the parent's primary key; else the only column that references the parent table. The others that reference
   * the parent stay foreign keys. Refused, each with a problem, so that the children's layout per parent and the
   * keys written never disagree: two plain references and none named as the key (ambiguous), a key to the parent
   * that is a {@code foreign_key} or carries a {@code distribution} or {@code weighted_by} (a parent key cannot be
   * skewed; its count is), and no column linking the table to its parent at all.
   */
  static int parentKeyColumn(ArrayNode cols, String tableName, String parentTable, Map<String, String> pks,
      String path, Problems problems) {
    String pk = parentTable == null ? null : pks.get(parentTable);
    if (pk == null) {
      return NONE; // not a per_parent table, or its parent is unknown (reported at per_parent.table)
    }
    int named = NONE;
    List<Integer> plain = new ArrayList<>();
    List<Integer> foreign = new ArrayList<>();
    for (int j = 0; j < cols.size(); j++) {
      JsonNode c = cols.get(j);
      String strategy = c.path("strategy").asText(null);
      String ref = c.path("references").asText(null);
      boolean toParent = ref != null && (ref.equals(parentTable) || ref.equals(parentTable + "." + pk));
      if ("parent".equals(strategy)) {
        return NONE;
      }
      if ("foreign_key".equals(strategy) && toParent) {
        foreign.add(j);
      } else if (strategy == null && named == NONE && c.path("name").asText().equalsIgnoreCase(pk)
          && (toParent || ref == null && namesOnlyKey((ObjectNode) c))) {
        named = j;
      } else if (strategy == null && toParent) {
        plain.add(j);
      }
    }
    String owner = Drafter.singular(parentTable);
    int chosen = named;
    if (chosen == NONE && plain.size() == 1) {
      chosen = plain.get(0);
    } else if (chosen == NONE && plain.size() > 1) {
      List<String> names = new ArrayList<>();
      plain.forEach(j -> names.add(cols.get(j).path("name").asText()));
      problems.add(path + ".columns[" + plain.get(1) + "].references", String.join(", ", names), tableName
          + " is generated per row of " + parentTable + ", and " + String.join(" and ", names) + " all reference "
          + parentTable + ": one of them is the key of the " + owner + " each row belongs to",
          "give that one \"strategy\": \"parent\" (or name it " + pk + "); the others stay foreign keys");
      return plain.get(0); // refused; the first stands in, so the plan's checks do not report the layout again
    }
    if (chosen == NONE && !foreign.isEmpty()) {
      int j = foreign.get(0);
      problems.add(path + ".columns[" + j + "].strategy", "foreign_key", tableName + " is generated per row of "
          + parentTable + ": its rows are laid out per " + owner + ", so its key to " + parentTable
          + " is the parent key, not a foreign key drawn at random", "use \"strategy\": \"parent\"; to give some "
          + parentTable + " more " + tableName + ", shape per_parent.count");
      return NONE;
    }
    if (chosen == NONE) {
      problems.add(path + ".per_parent", parentTable, tableName + " is generated per row of " + parentTable
          + " but no column holds the key of the " + owner + " a row belongs to",
          "add the column \"" + pk + "\" (it becomes the parent key)");
      return NONE;
    }
    ObjectNode c = (ObjectNode) cols.get(chosen);
    for (String skew : List.of("weighted_by", "distribution")) {
      if (c.has(skew)) {
        problems.add(path + ".columns[" + chosen + "]." + skew, null, tableName + "." + c.path("name").asText()
            + " is the key of the " + owner + " each row belongs to (" + tableName + " is generated per row of "
            + parentTable + "): every " + owner + " gets the rows its per_parent count draws, so " + skew
            + " cannot spread them", "remove " + skew + "; to give some " + parentTable + " more " + tableName
            + ", shape per_parent.count (its distribution, min and max), or make "
            + tableName + " a table with rows of its own and a skewed foreign key");
      }
    }
    return chosen; // made the parent key even when refused, so the plan's checks do not report it again
  }

  /** True when the described column gives nothing but its name, type, note, flags and perhaps a skew. */
  private static boolean namesOnlyKey(ObjectNode spec) {
    for (var it = spec.fieldNames(); it.hasNext(); ) {
      if (!List.of("name", "type", "note", "omit", "unique", "distribution", "weighted_by").contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The column as the plan needs it: {@code references} of a parent or foreign key that names only a table means
   * its primary key; with {@code parentTable} (the column chosen by {@link #parentKeyColumn}) the parent key.
   */
  static ObjectNode parentKey(ObjectNode spec, String parentTable, Map<String, String> pks) {
    String strategy = spec.path("strategy").asText(null);
    if (("parent".equals(strategy) || "foreign_key".equals(strategy)) && spec.path("references").isTextual()
        && !spec.get("references").asText().contains(".")) {
      String table = spec.get("references").asText();
      if (pks.get(table) != null) {
        spec.put("references", table + "." + pks.get(table));
      }
      return spec;
    }
    if (parentTable == null || strategy != null || pks.get(parentTable) == null) {
      return spec;
    }
    String pk = pks.get(parentTable);
    ObjectNode col = spec.objectNode();
    col.put("name", spec.path("name").asText());
    if (spec.hasNonNull("type")) {
      col.set("type", spec.get("type"));
    }
    col.put("strategy", "parent");
    col.put("references", parentTable + "." + pk);
    for (String f : List.of("omit", "unique")) {
      if (spec.has(f)) {
        col.set(f, spec.get(f));
      }
    }
    String note = spec.path("note").asText("");
    col.put("note", (note.isEmpty() ? "" : note + "; ") + "the key of the " + Drafter.singular(parentTable)
        + " this row belongs to");
    return col;
  }

  /** Gives a plan column without a type the type its strategy implies, or marks it to be completed. */
  void prepare(ObjectNode c, int table, int column) {
    String strategy = c.path("strategy").asText(null);
    if (c.hasNonNull("type")) {
      return;
    }
    if (strategy == null && c.has("expr") || "expression".equals(strategy)) {
      // typed from what the expression gives once every table is drafted; the name's type only if it cannot compile
      DataType named = ColumnInference.typeFromName(c.path("name").asText(), null);
      expressions.add(new ExpressionTypes.Pending(table, column, named == null ? "string" : named.toString()));
      return;
    }
    if (strategy == null) {
      return;
    }
    if (FROM_REFERENCE.contains(strategy)) {
      if ("child_aggregate".equals(strategy) && "count".equals(c.path("function").asText())) {
        c.put("type", "bigint");
        return;
      }
      c.put("type", "bigint"); // until complete() finds the referenced column's type
      pending.add(new int[] {table, column});
      return;
    }
    c.put("type", byStrategy(strategy, c).toString());
  }

  private static DataType byStrategy(String strategy, ObjectNode c) {
    DataType named = ColumnInference.typeFromName(c.path("name").asText(), null);
    switch (strategy) {
      case "sequence":
      case "child_index":
        return named != null && named.isIntegral() ? named : DataType.BIGINT;
      case "uuid":
      case "pattern":
      case "dictionary":
        return DataType.STRING;
      case "boolean":
        return DataType.BOOLEAN;
      case "date_range":
        return named != null && named.isTemporal() ? named
            : c.path("interval").asText("").matches(".*(hour|minute|second).*") ? DataType.TIMESTAMP : DataType.DATE;
      case "uniform":
        return named != null && named.isNumeric() ? named
            : isWhole(c.get("min")) && isWhole(c.get("max")) && (c.get("step") == null || isWhole(c.get("step")))
                ? DataType.BIGINT : DataType.DOUBLE;
      case "values": {
        boolean ints = true;
        boolean nums = true;
        boolean bools = true;
        for (JsonNode v : c.path("values")) {
          ints &= v.isIntegralNumber();
          nums &= v.isNumber();
          bools &= v.isBoolean();
        }
        return !c.path("values").isArray() || c.path("values").isEmpty() ? DataType.STRING
            : ints ? DataType.BIGINT : nums ? DataType.DOUBLE : bools ? DataType.BOOLEAN : DataType.STRING;
      }
      case "constant": {
        JsonNode v = c.get("value");
        return v == null || v.isTextual() || v.isNull() ? DataType.STRING : v.isIntegralNumber() ? DataType.BIGINT
            : v.isNumber() ? DataType.DOUBLE : v.isBoolean() ? DataType.BOOLEAN : DataType.STRING;
      }
      case "distribution":
      case "expression":
      default:
        return named != null ? named : "distribution".equals(strategy) ? DataType.DOUBLE : DataType.STRING;
    }
  }

  private static boolean isWhole(JsonNode n) {
    return n != null && n.isIntegralNumber();
  }

  /** Sets the types of the marked columns from the columns they read, once every table of the plan is drafted. */
  void complete(ObjectNode plan) {
    completeReferences(plan);
    ExpressionTypes.complete(plan, expressions);
    completeReferences(plan); // a lookup or aggregate of an expression column
  }

  private void completeReferences(ObjectNode plan) {
    List<int[]> left = new ArrayList<>(pending);
    // a column may read a column that is itself marked (a lookup of a sum): repeat while something is found
    boolean progress = true;
    while (!left.isEmpty() && progress) {
      progress = false;
      for (int k = 0; k < left.size(); k++) {
        int[] at = left.get(k);
        ObjectNode table = (ObjectNode) plan.withArray("tables").get(at[0]);
        ObjectNode col = (ObjectNode) table.withArray("columns").get(at[1]);
        ObjectNode read = readColumn(plan, table, col);
        if (read != null && !isPending(plan, read, left)) {
          col.put("type", typeOf(col, read));
          left.remove(k--);
          progress = true;
        }
      }
    }
  }

  private boolean isPending(ObjectNode plan, ObjectNode column, List<int[]> left) {
    for (int[] at : left) {
      if (plan.withArray("tables").get(at[0]).withArray("columns").get(at[1]) == column) {
        return true;
      }
    }
    return false;
  }

  /** The column whose type a parent, foreign key, lookup or child aggregate column takes, or null. */
  private static ObjectNode readColumn(ObjectNode plan, ObjectNode table, ObjectNode col) {
    switch (col.path("strategy").asText()) {
      case "parent":
      case "foreign_key":
        return referenced(plan, col.path("references").asText(""));
      case "lookup": {
        ObjectNode via = Skews.column(plan, table.path("name").asText(), col.path("via").asText(""));
        if (via == null) {
          return null;
        }
        String ref = via.path("references").asText("");
        int dot = ref.indexOf('.');
        return dot < 0 ? null : Skews.column(plan, ref.substring(0, dot), col.path("column").asText(""));
      }
      case "child_aggregate":
        return Skews.column(plan, col.path("table").asText(""), col.path("column").asText(""));
      default:
        return null;
    }
  }

  private static ObjectNode referenced(ObjectNode plan, String ref) {
    int dot = ref.indexOf('.');
    return dot < 0 ? null : Skews.column(plan, ref.substring(0, dot), ref.substring(dot + 1));
  }

  private static String typeOf(ObjectNode col, ObjectNode read) {
    String t = read.path("type").asText("bigint");
    if (!"child_aggregate".equals(col.path("strategy").asText())) {
      return t;
    }
    DataType dt = DataType.parse(t);
    if (dt == null) {
      return t;
    }
    switch (col.path("function").asText()) {
      case "sum":
        return dt.kind() == DataType.Kind.DECIMAL ? DataType.decimal(DataType.MAX_DECIMAL_PRECISION, dt.scale())
            .toString() : dt.isIntegral() ? "bigint" : t;
      case "avg":
        return "double";
      default:
        return t;
    }
  }
}
