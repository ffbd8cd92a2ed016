package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Table;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolResult;
import java.util.Locale;

/** list_plans: the caller's plans (its session's over HTTP, the state folder's over stdio). */
final class ListPlansTool extends ServiceTool {

  private final String scope;

  ListPlansTool(Services services, String scope) {
    super("list_plans", services);
    this.scope = scope;
  }

  @Override
  public ToolResult call(ToolCall call) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("scope", scope);
    ArrayNode list = out.putArray("plans");
    StringBuilder text = new StringBuilder();
    for (StoredPlan p : services.plans().list(call.owner())) {
      ObjectNode o = list.addObject();
      long rows = p.latest().plan().tables().stream().mapToLong(Table::rows).sum();
      o.put("plan_id", p.id());
      o.put("name", p.latest().plan().name());
      o.put("latest_version", p.latest().version());
      if (p.approval() != null) {
        o.put("approved_version", p.approval().version());
      } else {
        o.putNull("approved_version");
      }
      o.put("total_rows", rows);
      o.put("updated", p.latest().created().toString());
      text.append(String.format(Locale.ROOT, "- %s %s v%d%s, about %,d rows, %s%n", p.id(),
          p.latest().plan().name(), p.latest().version(), p.currentApproved() ? " (approved)" : "", rows,
          p.latest().summary()));
    }
    if (list.isEmpty()) {
      text.append("No plans yet (").append(scope).append("). Next: propose_plan.");
    }
    return ToolResult.ok(out, text.toString().strip());
  }
}
