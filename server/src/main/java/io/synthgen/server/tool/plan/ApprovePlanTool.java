package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Tiers;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.tool.Approved;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;

/** approve_plan: the person's approval, pinned to the current version; serverless use must be acknowledged. */
final class ApprovePlanTool extends ServiceTool {

  ApprovePlanTool(Services services) {
    super("approve_plan", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    String id = call.require("plan_id");
    int version = call.version();
    StoredPlan p = services.plans().get(id);
    PlanVersion v = services.plans().version(id, p.latest().version());
    ResolvedPlan r = services.resolved(id, v);
    Tiers.Decision d = Tiers.decide(r.totalRows(), v.plan().destination(), v.requestedTier());
    boolean ack = call.bool("acknowledge_serverless");
    if (version == v.version() && d.serverless() && !ack) {
      throw new ToolError("serverless_not_acknowledged", "version " + v.version() + " of " + id + " uses "
          + d.compute() + "; the person must acknowledge serverless use before it is approved",
          "ask the person to confirm that Databricks serverless compute will be used; if they do, call approve_plan "
              + "again with acknowledge_serverless: true");
    }
    StoredPlan approved = services.plans().approve(id, version, ack && d.serverless());
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("plan_id", id);
    out.put("version", version);
    out.put("approved", true);
    out.put("serverless", d.serverless());
    out.put("serverless_acknowledged", approved.approval().serverlessAcknowledged());
    out.put("approved_at", approved.approval().at().toString());
    String next = d.unityCatalog() ? "write_to_uc " + id + " publishes version " + version + " to "
        + v.plan().destination().catalog() + "." + v.plan().destination().schema() + " (dry_run: true first shows "
        + "the person every statement)" : "generate_full " + id + " runs version " + version;
    out.put("next_step", next);
    return ToolResult.ok(out, "Approved version " + version + " of " + id + (d.serverless()
        ? ", serverless use acknowledged" : "") + ".\nNext: " + next);
  }
}
