package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.template.Templates;
import java.util.Locale;

/** list_templates: the industries, their tables, default sizes and one-line stories. */
final class ListTemplatesTool extends ServiceTool {

  ListTemplatesTool(Services services) {
    super("list_templates", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode list = out.putArray("templates");
    StringBuilder text = new StringBuilder();
    for (String name : Templates.names()) {
      Plan p = services.template(name);
      ObjectNode t = list.addObject();
      t.put("name", name);
      t.put("description", p.description());
      if (p.mainTable() != null) {
        t.put("main_table", p.mainTable());
      }
      ArrayNode tables = t.putArray("tables");
      long total = 0;
      StringBuilder names = new StringBuilder();
      for (Table tb : p.tables()) {
        ObjectNode o = tables.addObject().put("name", tb.name()).put("rows", tb.rows());
        if (tb.perParent() != null) {
          o.put("per_parent", tb.perParent().table());
        }
        total += tb.rows();
        names.append(names.length() == 0 ? "" : ", ").append(tb.name())
            .append(String.format(Locale.ROOT, " %,d", tb.rows()));
      }
      t.put("total_rows", total);
      text.append("- ").append(name).append(": ").append(p.description()).append("\n  tables: ").append(names)
          .append('\n');
    }
    text.append("Next: propose_plan with template (and rows, destination if the person gave them).");
    return ToolResult.ok(out, text.toString());
  }
}
