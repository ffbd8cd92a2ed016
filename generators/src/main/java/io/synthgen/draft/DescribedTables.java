package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.infer.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of a description, indexed for inference: tables by name, their columns by name, which table a column
 * named after a key references, and each table's foreign keys. Indices are built on first use, so inferring a
 * column costs about the same whatever the number of tables and columns. Used by one draft, on one thread.
 */
final class DescribedTables {

  private final Map<String, ObjectNode> byName = new HashMap<>();
  /** Lower-cased key names (customer_id) and id-keyed tables' {singular}_id to the tables they name, in order. */
  private final Map<String, List<String>> byKey = new HashMap<>();
  private final Map<String, Map<String, ObjectNode>> columns = new HashMap<>();
  private final Map<String, List<String[]>> foreignKeys = new HashMap<>();
  /** Per "table.column": what inference made of it, for the children that look it up (each made once). */
  private final Map<String, Object> made = new HashMap<>();

  /** The tables' places in the description. */
  private final Map<String, Integer> order = new HashMap<>();
  private final Map<String, String> primaryKeys;

  private DescribedTables(List<ObjectNode> tables, Map<String, String> primaryKeys) {
    this.primaryKeys = primaryKeys;
    for (ObjectNode t : tables) {
      byName.putIfAbsent(t.path("name").asText(), t);
      order.putIfAbsent(t.path("name").asText(), order.size());
    }
    for (Map.Entry<String, String> e : primaryKeys.entrySet()) {
      String table = e.getKey();
      String pk = e.getValue();
      if (pk == null) {
        continue;
      }
      if (!pk.equalsIgnoreCase("id")) {
        byKey.computeIfAbsent(pk.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(table);
        // CustomerID is customer_id
        String normal = Words.normal(pk);
        if (!normal.equals(pk.toLowerCase(Locale.ROOT))) {
          byKey.computeIfAbsent(normal, k -> new ArrayList<>()).add(table);
        }
      } else {
        String n = Words.normal(table);
        byKey.computeIfAbsent(n + "_id", k -> new ArrayList<>()).add(table);
        String s = Words.singular(n) + "_id";
        if (!s.equals(n + "_id")) {
          byKey.computeIfAbsent(s, k -> new ArrayList<>()).add(table);
        }
      }
    }
  }

  static DescribedTables of(List<ObjectNode> tables, Map<String, String> primaryKeys) {
    return new DescribedTables(tables, primaryKeys);
  }

  /** The described table, or null (always null when only the keys are known). */
  ObjectNode table(String name) {
    return byName.get(name);
  }

  /** A column of a described table as described, or null. */
  ObjectNode column(String table, String column) {
    ObjectNode t = byName.get(table);
    if (t == null) {
      return null;
    }
    return columns.computeIfAbsent(table, k -> {
      Map<String, ObjectNode> m = new HashMap<>();
      for (JsonNode c : t.withArray("columns")) {
        if (c.isObject()) {
          m.putIfAbsent(c.path("name").asText(), (ObjectNode) c);
        }
      }
      return m;
    }).get(column);
  }

  /**
   * The other table a column named after a key references: {@code customer_id} references customers when its key
   * is customer_id, or when it is id (customer is the singular of customers); null for none.
   */
  String referenced(String columnName, String fromTable) {
    for (String key : List.of(columnName.toLowerCase(Locale.ROOT), Words.normal(columnName))) {
      for (String t : byKey.getOrDefault(key, List.of())) {
        if (!t.equals(fromTable)) {
          return t;
        }
      }
    }
    return null;
  }

  /**
   * True when a reference from {@code fromTable} to {@code parent} that only the column's name suggests would close
   * a cycle of tables and goes forward (the parent comes later in the description): of two tables that name each
   * other's keys, the later one references the earlier, and the earlier one's column stays a plain id.
   */
  boolean closesCycle(String fromTable, String parent) {
    Integer from = order.get(fromTable);
    Integer to = order.get(parent);
    if (from == null || to == null || to < from) {
      return false;
    }
    return once(fromTable, parent, "cycle", () -> reaches(parent, fromTable, new java.util.HashSet<>()));
  }

  private boolean reaches(String table, String target, java.util.Set<String> seen) {
    if (!seen.add(table)) {
      return false;
    }
    for (String[] fk : foreignKeys(table, primaryKeys.get(table))) {
      if (fk[1].equals(target) || reaches(fk[1], target, seen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What {@code make} gives for a column of a table, computed once per draft: a parent's column is asked about by
   * every child column of the same name, and its own parents' in turn.
   */
  @SuppressWarnings("unchecked")
  <T> T once(String table, String column, String what, java.util.function.Supplier<T> make) {
    String key = what + ":" + table + "." + column;
    if (made.containsKey(key)) {
      return (T) made.get(key);
    }
    T v = make.get();
    made.put(key, v);
    return v;
  }

  /** The table's columns that are (or will be inferred as) foreign keys to other tables: [column, table] pairs. */
  List<String[]> foreignKeys(String table, String primaryKey) {
    return foreignKeys.computeIfAbsent(table, k -> {
      List<String[]> out = new ArrayList<>();
      ObjectNode t = byName.get(table);
      if (t == null) {
        return out;
      }
      for (JsonNode c : t.withArray("columns")) {
        String via = c.path("name").asText();
        String parent = via.equals(primaryKey) ? null : parentOf(c, table);
        if (parent != null && !parent.equals(table)) {
          out.add(new String[] {via, parent});
        }
      }
      return out;
    });
  }

  private String parentOf(JsonNode column, String table) {
    String strategy = column.path("strategy").asText(null);
    String ref = column.path("references").asText(null);
    if (ref != null && (strategy == null || strategy.equals("foreign_key"))) {
      return ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    }
    for (String hint : List.of("strategy", "values", "distribution", "pattern", "dictionary", "expr")) {
      if (column.has(hint)) {
        return null;
      }
    }
    return referenced(column.path("name").asText(), table);
  }
}
