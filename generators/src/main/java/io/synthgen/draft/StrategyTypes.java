package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plan columns in a description may leave out what the rest of the description already says. A column that names
 * a strategy but no type gets the type the strategy implies: a sequence or child index bigint, a uuid, pattern or
 * dictionary string, a date range a date, an expression the type its name suggests; a parent, foreign key, lookup
 * or child aggregate the type of the column it reads (a sum of {@code decimal(p,s)} is {@code decimal(18,s)}, an
 * average double, a count bigint), found once every table is drafted. In a table generated per parent, a column
 * that references the parent table, or is named as its primary key, is the parent key ({@code strategy:
 * parent}); a {@code references} of a parent or foreign key that names only a table means its primary key.
 */
final class StrategyTypes {

  private static final List<String> FROM_REFERENCE = List.of("parent", "foreign_key", "lookup", "child_aggregate");

  private final List<int[]> pending = new ArrayList<>();

  /** The column as the plan needs it in a table generated per row of {@code parentTable} (null: not one). */
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
    String ref = spec.path("references").asText(null);
    boolean toParent = ref != null ? ref.equals(parentTable) || ref.equals(parentTable + "." + pk)
        : spec.path("name").asText().equals(pk) && onlyNaming(spec);
    if (!toParent || spec.has("weighted_by") || spec.has("distribution")) {
      return spec;
    }
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

  /** True when the described column gives nothing but its name, type, note and flags. */
  private static boolean onlyNaming(ObjectNode spec) {
    for (var it = spec.fieldNames(); it.hasNext(); ) {
      if (!List.of("name", "type", "note", "omit", "unique").contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /** Gives a plan column without a type the type its strategy implies, or marks it to be completed. */
  void prepare(ObjectNode c, int table, int column) {
    String strategy = c.path("strategy").asText(null);
    if (c.hasNonNull("type")) {
      return;
    }
    if (strategy == null) {
      if (c.has("expr")) {
        DataType t = ColumnInference.typeFromName(c.path("name").asText(), null);
        if (t != null) {
          c.put("type", t.toString());
        }
      }
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
