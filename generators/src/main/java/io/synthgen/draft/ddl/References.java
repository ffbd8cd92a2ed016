package io.synthgen.draft.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that every table comes after the tables it references (a table referencing itself, such as
 * employees.manager_id, is generated like any other foreign key and orders nothing), keeping the DDL's order
 * otherwise. A cycle of references between tables is broken at a nullable foreign key, which is then generated
 * as NULL; a cycle made only of NOT NULL foreign keys cannot be generated and is reported with the fix.
 */
final class References {

  private final Map<String, DdlTable> tables;
  /** Per table key: foreign key column key to the referenced table key. */
  private final Map<String, Map<String, String>> refs;
  private final Set<String> broken;
  private final DdlIssues issues;

  References(Map<String, DdlTable> tables, Map<String, Map<String, String>> refs, Set<String> broken,
      DdlIssues issues) {
    this.tables = tables;
    this.refs = refs;
    this.broken = broken;
    this.issues = issues;
  }

  List<DdlTable> order() {
    while (true) {
      List<String> cycle = findCycle();
      if (cycle == null) {
        break;
      }
      if (!breakCycle(cycle)) {
        break;
      }
    }
    List<DdlTable> out = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    boolean progress = true;
    while (placed.size() < tables.size() && progress) {
      progress = false;
      for (String t : tables.keySet()) {
        if (!placed.contains(t) && placed.containsAll(parents(t))) {
          placed.add(t);
          out.add(tables.get(t));
          progress = true;
        }
      }
    }
    for (String t : tables.keySet()) {
      if (!placed.contains(t)) {
        out.add(tables.get(t)); // on a cycle already reported
      }
    }
    return out;
  }

  /** The tables {@code t} references through foreign keys still generated, itself excluded. */
  private Set<String> parents(String t) {
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, String> e : refs.getOrDefault(t, Map.of()).entrySet()) {
      if (!e.getValue().equals(t) && !broken.contains(t + "." + e.getKey()) && tables.containsKey(e.getValue())) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  /** A cycle of tables (each references the next, the last the first), or null. */
  private List<String> findCycle() {
    Map<String, Integer> state = new LinkedHashMap<>();
    for (String t : tables.keySet()) {
      List<String> c = walk(t, state, new ArrayList<>());
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  private List<String> walk(String t, Map<String, Integer> state, List<String> stack) {
    Integer s = state.get(t);
    if (s != null && s == 2) {
      return null;
    }
    if (s != null && s == 1) {
      return new ArrayList<>(stack.subList(stack.indexOf(t), stack.size()));
    }
    state.put(t, 1);
    stack.add(t);
    for (String p : parents(t)) {
      List<String> c = walk(p, state, stack);
      if (c != null) {
        return c;
      }
    }
    stack.remove(stack.size() - 1);
    state.put(t, 2);
    return null;
  }

  /** Breaks the cycle at its last nullable foreign key in DDL order; false (reported) when there is none. */
  private boolean breakCycle(List<String> cycle) {
    String pick = null;
    for (int k = 0; k < cycle.size(); k++) {
      String from = cycle.get(k);
      String to = cycle.get((k + 1) % cycle.size());
      for (Map.Entry<String, String> e : refs.get(from).entrySet()) {
        if (e.getValue().equals(to) && !tables.get(from).column(e.getKey()).notNull
            && !broken.contains(from + "." + e.getKey())) {
          pick = from + "." + e.getKey();
        }
      }
    }
    List<String> names = new ArrayList<>();
    cycle.forEach(t -> names.add(tables.get(t).declaredName));
    names.add(names.get(0));
    if (pick == null) {
      DdlTable first = tables.get(cycle.get(0));
      issues.add(first.line, String.join(" -> ", names), "the tables reference each other in a cycle through NOT "
          + "NULL foreign keys (" + String.join(" -> ", names) + "), so no table can be generated first",
          "make one of these foreign keys nullable (it is then generated as NULL) or drop it");
      return false;
    }
    broken.add(pick);
    return true;
  }
}
