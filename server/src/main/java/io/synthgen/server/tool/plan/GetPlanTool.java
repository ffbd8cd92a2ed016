package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.tool.PlanChecks;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.server.view.PlanViews;
import java.nio.file.Path;

/** get_plan: any version of a plan, structured and rendered, with its approval state. */
final class GetPlanTool extends ServiceTool {

  GetPlanTool(Services services) {
    super("get_plan", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    String id = call.require("plan_id");
    int version = call.version();
    StoredPlan p = services.plans().get(id);
    PlanVersion v = services.plans().version(id, version);
    ResolvedPlan r = services.resolved(id, v);
    String status;
    String next;
    if (v.version() != p.latest().version()) {
      status = "Version " + v.version() + " is not the current one (" + p.latest().version() + ").";
      next = "work on version " + p.latest().version() + ": get_plan without a version shows it";
    } else if (p.currentApproved()) {
      status = "Version " + v.version() + " is approved.";
      next = "generate_full " + id + " runs it (or generate_sample for a preview)";
    } else {
      status = "Version " + v.version() + " is not approved yet.";
      next = PlanViews.showAndAsk(p, v);
    }
    Path out = PlanChecks.outputDir(services, v.plan());
    ObjectNode view = PlanViews.view(p, v, r, out, next);
    ObjectNode versions = view.putObject("versions");
    versions.put("count", p.versions().size());
    ArrayNode history = versions.putArray("history");
    for (PlanVersion x : p.versions()) {
      history.addObject().put("version", x.version()).put("created", x.created().toString())
          .put("summary", x.summary());
    }
    return ToolResult.ok(view, PlanViews.render(p, v, r, out) + "\n" + status + "\nNext: " + next);
  }
}
