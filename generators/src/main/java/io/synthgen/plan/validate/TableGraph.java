package io.synthgen.plan.validate;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Table-level dependencies: a table depends on the tables its foreign_key and parent columns reference and on its
 * per_parent table. child_aggregate is a column-level dependency in the other direction and is left to the resolver.
 * Each cycle is reported once per set of tables, at the reference that closes it. A foreign key into the table's own rows is
 * not a table-level cycle.
 */
final class TableGraph {

  private record Edge(String from, String to, String path, String label) {
  }

  private TableGraph() {
  }

  static void cycles(PlanValidator v) {
    Map<String, List<Edge>> edges = new LinkedHashMap<>();
    for (Table t : v.tables.values()) {
      List<Edge> es = new ArrayList<>();
      String tp = v.tablePath(t);
      if (t.perParent() != null && v.tables.containsKey(t.perParent().table())
          && !t.perParent().table().equals(t.name())) {
        es.add(new Edge(t.name(), t.perParent().table(), tp + ".per_parent.table", "per_parent"));
      }
      for (int j = 0; j < t.columns().size(); j++) {
        Column c = t.columns().get(j);
        // a parent column outside a per_parent table is reported on its own and orders nothing
        String ref = c.gen() instanceof ColumnGen.ForeignKey f ? f.references()
            : c.gen() instanceof ColumnGen.Parent p && t.perParent() != null ? p.references() : null;
        String to = ref == null || ref.indexOf('.') <= 0 ? null : ref.substring(0, ref.indexOf('.'));
        // a key into the table's own rows (manager_id -> employee_id) is computed from a row index like any other
        // foreign key and orders no tables, so it is not a cycle
        if (to != null && v.tables.containsKey(to) && !to.equals(t.name())) {
          es.add(new Edge(t.name(), to, tp + ".columns[" + j + "].references",
              t.name() + "." + c.name()));
        }
      }
      edges.put(t.name(), es);
    }
    Set<Set<String>> reported = new HashSet<>();
    Set<String> done = new HashSet<>();
    for (String start : edges.keySet()) {
      walk(v, start, edges, new ArrayList<>(), new ArrayList<>(), done, reported);
    }
  }

  private static void walk(PlanValidator v, String node, Map<String, List<Edge>> edges, List<String> stack,
      List<Edge> via, Set<String> done, Set<Set<String>> reported) {
    if (done.contains(node)) {
      return;
    }
    int at = stack.indexOf(node);
    if (at >= 0) {
      List<Edge> cycle = via.subList(at, via.size());
      // one report per set of tables, however many references join them
      Set<String> key = new TreeSet<>(stack.subList(at, stack.size()));
      if (reported.add(key)) {
        StringBuilder names = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (Edge e : cycle) {
          names.append(e.from()).append(" -> ");
          labels.append(labels.length() == 0 ? "" : ", ").append(e.label());
        }
        names.append(node);
        Edge last = cycle.get(cycle.size() - 1);
        v.out.add(last.path(), names.toString(), "tables reference each other in a cycle: " + names + " (through "
            + labels + ")", "a chain of references must end at a table that references none; remove one of "
            + "these references or compute the column with an expression");
      }
      return;
    }
    stack.add(node);
    for (Edge e : edges.getOrDefault(node, List.of())) {
      via.add(e);
      walk(v, e.to(), edges, stack, via, done, reported);
      via.remove(via.size() - 1);
    }
    stack.remove(stack.size() - 1);
    done.add(node);
  }
}
