package io.synthgen.resolve;

import io.synthgen.plan.Plan;
import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds cycles among column dependencies, within and across tables ("a reads b reads a"). */
final class DependencyCycles {

  private DependencyCycles() {
  }

  static List<Violation> find(Plan plan, List<ResolvedTable> tables, Map<String, List<String>> cross) {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    Map<String, String> paths = new HashMap<>();
    for (int ti = 0; ti < plan.tables().size(); ti++) {
      ResolvedTable t = tables.get(ti);
      for (ResolvedColumn c : t.columns()) {
        String node = t.name() + "." + c.name();
        paths.put(node, "tables[" + ti + "].columns[" + c.position() + "]");
        List<String> out = new ArrayList<>();
        for (String d : c.generator().dependencies()) {
          out.add(t.name() + "." + d);
        }
        out.addAll(cross.getOrDefault(node, List.of()));
        edges.put(node, out);
      }
    }
    List<Violation> found = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>();
    for (String n : edges.keySet()) {
      if (!state.containsKey(n)) {
        List<String> stack = new ArrayList<>();
        visit(n, edges, state, stack, found, paths);
      }
    }
    return found;
  }

  private static void visit(String n, Map<String, List<String>> edges, Map<String, Integer> state,
      List<String> stack, List<Violation> found, Map<String, String> paths) {
    state.put(n, 1);
    stack.add(n);
    for (String m : edges.getOrDefault(n, List.of())) {
      Integer s = state.get(m);
      if (s == null) {
        visit(m, edges, state, stack, found, paths);
      } else if (s == 1) {
        List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(m), stack.size()));
        cycle.add(m);
        found.add(new Violation(paths.getOrDefault(m, m), null,
            "columns depend on each other in a cycle: " + String.join(" -> ", cycle),
            "make one of them independent of the others"));
      }
    }
    stack.remove(stack.size() - 1);
    state.put(n, 2);
  }
}
