package io.synthgen.vocab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.template.Templates;
import java.util.ArrayList;
import java.util.List;

/** The industry templates ({@link Templates#names()}): their story, main table and tables. */
final class TemplateEntries {

  private TemplateEntries() {
  }

  static List<Entry> templates() {
    List<Entry> out = new ArrayList<>();
    for (String name : Templates.names()) {
      Plan p;
      try {
        p = Templates.load(name);
      } catch (PlanException e) {
        throw new IllegalStateException("template " + name + " is invalid: " + e.getMessage(), e);
      }
      ObjectNode s = PlanEntries.object();
      s.put("name", name);
      s.put("description", p.description() == null ? "" : p.description());
      if (p.mainTable() != null) {
        s.put("main_table", p.mainTable());
      }
      ArrayNode names = s.putArray("tables");
      ObjectNode d = s.deepCopy();
      ArrayNode tables = d.putArray("tables");
      for (Table t : p.tables()) {
        names.add(t.name());
        ObjectNode o = tables.addObject().put("name", t.name()).put("rows", t.rows())
            .put("columns", t.columns().size());
        if (t.perParent() != null) {
          o.put("per_parent", t.perParent().table());
        }
        if (t.description() != null) {
          o.put("description", t.description());
        }
      }
      s.put("example", "propose_plan {template: \"" + name + "\"}");
      d.put("example", "propose_plan {template: \"" + name + "\"}");
      out.add(new Entry(name, s, d));
    }
    return out;
  }
}
