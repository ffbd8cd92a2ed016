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
 * added or removed ({@code + table orders (15,000 rows, 5 columns)}), table fields, columns added or removed, and
 * each changed column field ({@code ~ customers.tier weights: [60,30,10] → [50,30,20]}). Computed on the canonical
 * JSON of both plans, so it shows exactly what a reader of the plan files would see change.
 */
public final class PlanDiff {

  private static final int MAX_VALUE = 80;

  private PlanDiff() {
  }

  public static List<String> lines(Plan before, Plan after) {
    ObjectNode a = PlanCodec.toJson(before);
    ObjectNode b = PlanCodec.toJson(after);
    List<String> out = new ArrayList<>();
    for (String f : union(a, b)) {
      if (!f.equals("tables")) {
        field(out, "", f, a.get(f), b.get(f));
      }
    }
    Map<String, JsonNode> ta = byName(a.get("tables"));
    Map<String, JsonNode> tb = byName(b.get("tables"));
    for (String t : ta.keySet()) {
      if (!tb.containsKey(t)) {
        out.add("- table " + t);
      }
    }
    for (Map.Entry<String, JsonNode> e : tb.entrySet()) {
      String t = e.getKey();
      JsonNode newT = e.getValue();
      JsonNode oldT = ta.get(t);
      if (oldT == null) {
        out.add(String.format(java.util.Locale.ROOT, "+ table %s (%,d rows, %d columns)", t,
            newT.path("rows").asLong(), newT.path("columns").size()));
        continue;
      }
      for (String f : union(oldT, newT)) {
        if (!f.equals("columns")) {
          field(out, t + ".", f, oldT.get(f), newT.get(f));
        }
      }
      Map<String, JsonNode> ca = byName(oldT.get("columns"));
      Map<String, JsonNode> cb = byName(newT.get("columns"));
      for (String c : ca.keySet()) {
        if (!cb.containsKey(c)) {
          out.add("- column " + t + "." + c);
        }
      }
      for (Map.Entry<String, JsonNode> ce : cb.entrySet()) {
        JsonNode oldC = ca.get(ce.getKey());
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
