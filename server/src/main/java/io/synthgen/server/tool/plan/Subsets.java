package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A template cut down to some of its tables, plus every table they need: the parents their keys point to and the
 * children their aggregates count, so the subset still generates consistent data.
 */
final class Subsets {

  private Subsets() {
  }

  static Plan keep(Plan plan, JsonNode names) throws PlanException {
    List<String> all = plan.tables().stream().map(Table::name).toList();
    Set<String> keep = new LinkedHashSet<>();
    List<Violation> problems = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i).asText();
      if (!all.contains(n)) {
        problems.add(new Violation("only_tables[" + i + "]", n, "no table " + n + " in the template",
            "tables are: " + String.join(", ", all)));
      }
      keep.add(n);
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Table t : plan.tables()) {
        if (!keep.contains(t.name())) {
          continue;
        }
        Set<String> needs = new LinkedHashSet<>();
        if (t.perParent() != null) {
          needs.add(t.perParent().table());
        }
        for (Column c : t.columns()) {
          ColumnGen g = c.gen();
          if (g instanceof ColumnGen.ForeignKey fk) {
            needs.add(tableOf(fk.references()));
          } else if (g instanceof ColumnGen.Parent p) {
            needs.add(tableOf(p.references()));
          } else if (g instanceof ColumnGen.ChildAggregate a) {
            needs.add(a.table());
          }
        }
        for (String n : needs) {
          grew |= keep.add(n);
        }
      }
    }
    List<Table> tables = plan.tables().stream().filter(t -> keep.contains(t.name())).toList();
    Plan out = plan.withTables(tables);
    if (plan.mainTable() != null && !keep.contains(plan.mainTable())) {
      out = new Plan(out.format(), out.name(), out.industry(), out.description(), out.seed(), out.referenceDate(),
          tables.stream().filter(t -> t.perParent() == null).findFirst().orElse(tables.get(0)).name(), out.tier(),
          out.destination(), out.tables(), out.series());
    }
    return out;
  }

  private static String tableOf(String ref) {
    return ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
  }
}
