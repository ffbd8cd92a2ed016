package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two plans, one line per change, in plan order: plan fields ({@code seed: 42 → 7}), tables
 * added, removed or renamed ({@code + table orders (15,000 rows, 5 columns)}, {@code ~ table orders renamed to
 * purchases}), table fields, columns added, removed or renamed, and each changed column field
 * ({@code ~ customers.tier weights: [60,30,10] → [50,30,20]}). Computed on the canonical
 * JSON of both plans, so it shows exactly what a reader of the plan files would see change.
 */
public final class PlanDiff {

  private static final int MAX_VALUE = 80;

  /** Table fields whose changes {@link SeriesDiff} shows in words (history is a table's kind: it is not revised). */
  private static final List<String> SERIES_FIELDS = List.of("batch", "change_feed", "quality");

  private PlanDiff() {
  }

  public static List<String> lines(Plan before, Plan after) {
    return lines(before, after, null);
  }

  /**
   * As {@link #lines(Plan, Plan)} for the plan a revision's {@code operations} made from {@code before}: the tables
   * and columns its {@code rename_table} and {@code rename_column} operations renamed show as renamed (with any
   * other change to them), whatever else changed in them; without operations, renames are recognised as objects
   * that are the same but for their name.
   */
  public static List<String> lines(Plan before, Plan after, JsonNode operations) {
    ObjectNode a = PlanCodec.toJson(before);
    ObjectNode b = PlanCodec.toJson(after);
    Renamed done = operations == null ? null : Renamed.of(a, operations);
    List<String> out = new ArrayList<>();
    for (String f : union(a, b)) {
      if (!f.equals("tables") && !f.equals("series")) {
        field(out, "", f, a.get(f), b.get(f));
      }
    }
    SeriesDiff.series(out, before, after);
    Map<String, JsonNode> ta = byName(a.get("tables"));
    Map<String, JsonNode> tb = byName(b.get("tables"));
    Map<String, String> renamed = done != null ? done.tables(ta, tb) : renames(ta, tb, "columns");
    for (String t : ta.keySet()) {
      if (!tb.containsKey(t) && !renamed.containsKey(t)) {
        out.add("- table " + t);
      }
    }
    Map<String, String> renamedTo = new LinkedHashMap<>();
    renamed.forEach((from, to) -> renamedTo.put(to, from));
    for (Map.Entry<String, JsonNode> e : tb.entrySet()) {
      String t = e.getKey();
      JsonNode newT = e.getValue();
      JsonNode oldT = ta.get(renamedTo.getOrDefault(t, t));
      if (renamedTo.containsKey(t)) {
        out.add("~ table " + renamedTo.get(t) + " renamed to " + t);
      }
      if (oldT == null) {
        io.synthgen.plan.History h = after.table(t).orElseThrow().history();
        out.add(h != null ? "+ table " + t + " (SCD2 history of " + h.of() + ")" : String.format(java.util.Locale.ROOT, "+ table %s (%,d rows, %d columns)", t,
            newT.path("rows").asLong(), newT.path("columns").size()));
        continue;
      }
      for (String f : union(oldT, newT)) {
        if (!f.equals("columns") && !f.equals("name") && !SERIES_FIELDS.contains(f)) {
          field(out, t + ".", f, oldT.get(f), newT.get(f));
        }
      }
      SeriesDiff.table(out, before, before.table(renamedTo.getOrDefault(t, t)).orElseThrow(), after,
          after.table(t).orElseThrow());
      JsonNode fa = oldT.get("change_feed");
      JsonNode fb = newT.get("change_feed");
      if (fa != null && fb != null) {
        // a feed that stays: each changed field ("~ customers.change_feed.rows_per_batch: 1000 → 5000")
        for (String f : union(fa, fb)) {
          // a field left out is its default (changes: every column but keys)
          JsonNode dflt = com.fasterxml.jackson.databind.node.TextNode.valueOf("(default)");
          field(out, t + ".change_feed.", f, fa.has(f) ? fa.get(f) : dflt, fb.has(f) ? fb.get(f) : dflt);
        }
      }
      Map<String, JsonNode> ca = byName(oldT.get("columns"));
      Map<String, JsonNode> cb = byName(newT.get("columns"));
      Map<String, String> cols = done != null ? done.columns(renamedTo.getOrDefault(t, t), ca, cb)
          : renames(ca, cb, null);
      Map<String, String> colsTo = new LinkedHashMap<>();
      cols.forEach((from, to) -> colsTo.put(to, from));
      for (String c : ca.keySet()) {
        if (!cb.containsKey(c) && !cols.containsKey(c)) {
          out.add("- column " + t + "." + c);
        }
      }
      for (Map.Entry<String, JsonNode> ce : cb.entrySet()) {
        String from = colsTo.getOrDefault(ce.getKey(), ce.getKey());
        JsonNode oldC = ca.get(from);
        if (colsTo.containsKey(ce.getKey())) {
          out.add("~ column " + t + "." + from + " renamed to " + ce.getKey());
        }
        if (oldC == null) {
          out.add("+ column " + t + "." + ce.getKey() + " (" + ce.getValue().path("type").asText() + ", "
              + ce.getValue().path("strategy").asText() + ")");
        } else if (!oldC.equals(ce.getValue())) {
          for (String f : union(oldC, ce.getValue())) {
            if (!f.equals("name")) {
              field(out, "~ " + t + "." + ce.getKey() + " ", f, oldC.get(f), ce.getValue().get(f));
            }
          }
        }
      }
    }
    return out;
  }

  /** The renames a revision's operations made: each table and column of the plan before, and its name after. */
  private record Renamed(Map<String, String> tableNames, Map<String, Map<String, String>> columnNames) {

    static Renamed of(ObjectNode before, JsonNode operations) {
      Map<String, String> tables = new LinkedHashMap<>(); // original name -> current name
      Map<String, Map<String, String>> columns = new LinkedHashMap<>(); // original table -> original col -> current
      for (JsonNode t : before.withArray("tables")) {
        String name = t.path("name").asText();
        tables.put(name, name);
        Map<String, String> cs = new LinkedHashMap<>();
        t.path("columns").forEach(c -> cs.put(c.path("name").asText(), c.path("name").asText()));
        columns.put(name, cs);
      }
      for (JsonNode op : operations) {
        String kind = op.path("op").asText();
        String original = originalOf(tables, op.path("table").asText());
        if (original == null) {
          continue; // a table the revision added or dropped
        }
        if (kind.equals("rename_table")) {
          tables.put(original, op.path("to").asText());
        } else if (kind.equals("rename_column")) {
          Map<String, String> cs = columns.get(original);
          String col = originalOf(cs, op.path("column").asText());
          if (col != null) {
            cs.put(col, op.path("to").asText());
          }
        } else if (kind.equals("drop_table")) {
          tables.remove(original);
        }
      }
      return new Renamed(tables, columns);
    }

    private static String originalOf(Map<String, String> names, String current) {
      for (Map.Entry<String, String> e : names.entrySet()) {
        if (e.getValue().equals(current)) {
          return e.getKey();
        }
      }
      return null;
    }

    Map<String, String> tables(Map<String, JsonNode> before, Map<String, JsonNode> after) {
      Map<String, String> out = new LinkedHashMap<>();
      tableNames.forEach((from, to) -> {
        if (!from.equals(to) && before.containsKey(from) && after.containsKey(to)) {
          out.put(from, to);
        }
      });
      return out;
    }

    Map<String, String> columns(String table, Map<String, JsonNode> before, Map<String, JsonNode> after) {
      Map<String, String> out = new LinkedHashMap<>();
      columnNames.getOrDefault(table, Map.of()).forEach((from, to) -> {
        if (!from.equals(to) && before.containsKey(from) && after.containsKey(to)) {
          out.put(from, to);
        }
      });
      return out;
    }
  }

  /**
   * Objects that left {@code before} and objects that came into {@code after} that are the same but for their name
   * (and, for tables, compared by {@code inner} sizes and every field but the name and the inner list): renames,
   * old name to new, each object matched at most once, in order.
   */
  private static Map<String, String> renames(Map<String, JsonNode> before, Map<String, JsonNode> after,
      String inner) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> taken = new java.util.HashSet<>();
    for (Map.Entry<String, JsonNode> gone : before.entrySet()) {
      if (after.containsKey(gone.getKey())) {
        continue;
      }
      for (Map.Entry<String, JsonNode> came : after.entrySet()) {
        if (before.containsKey(came.getKey()) || taken.contains(came.getKey())) {
          continue;
        }
        if (sameButName(gone.getValue(), came.getValue(), inner)) {
          out.put(gone.getKey(), came.getKey());
          taken.add(came.getKey());
          break;
        }
      }
    }
    return out;
  }

  private static boolean sameButName(JsonNode a, JsonNode b, String inner) {
    if (!a.isObject() || !b.isObject()) {
      return false;
    }
    ObjectNode x = ((ObjectNode) a).deepCopy();
    ObjectNode y = ((ObjectNode) b).deepCopy();
    x.remove("name");
    y.remove("name");
    if (inner != null) {
      // a renamed table's columns may have followed other renames (references, their own names): the same count
      // of columns, most of them with the same names
      if (x.path(inner).size() != y.path(inner).size()
          || 2 * byName(x.get(inner)).keySet().stream().filter(byName(y.get(inner))::containsKey).count()
              < x.path(inner).size()) {
        return false;
      }
      x.remove(inner);
      y.remove(inner);
      for (String followed : List.of("per_parent", "primary_key")) {
        x.remove(followed);
        y.remove(followed);
      }
    }
    return x.equals(y);
  }

  private static void field(List<String> out, String prefix, String f, JsonNode from, JsonNode to) {
    if (from == null ? to == null : from.equals(to)) {
      return;
    }
    String p = prefix.startsWith("~") ? prefix : prefix.isEmpty() ? "" : "~ " + prefix;
    out.add(p + f + ": " + show(from) + " → " + show(to));
  }

  private static String show(JsonNode n) {
    if (n == null) {
      return "(none)";
    }
    String s = n.isTextual() ? n.asText() : n.toString();
    return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 1) + "…" : s;
  }

  private static Set<String> union(JsonNode a, JsonNode b) {
    Set<String> s = new LinkedHashSet<>();
    for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
      s.add(it.next());
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      s.add(it.next());
    }
    return s;
  }

  private static Map<String, JsonNode> byName(JsonNode arr) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    if (arr != null) {
      arr.forEach(x -> m.put(x.path("name").asText(), x));
    }
    return m;
  }
}
