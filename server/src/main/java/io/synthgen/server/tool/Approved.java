package io.synthgen.server.tool;

import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.server.plan.PlanStoreException;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;

/** The approved current version of a plan, as the tools that spend resources (full runs, publishing) need it. */
public record Approved(String id, StoredPlan plan, PlanVersion version, ResolvedPlan resolved) {

  /**
   * The current version of {@code plan_id}, refused unless the person approved it.
   *
   * @param tool the calling tool, named in the next step
   */
  public static Approved require(Services services, ToolCall call, String tool) throws Exception {
    String id = call.require("plan_id");
    StoredPlan p = services.plans().get(id);
    PlanVersion v = p.latest();
    int asked = call.version();
    if (asked != 0 && asked != v.version()) {
      throw new PlanStoreException(PlanStoreException.Kind.STALE_VERSION, id + " is at version " + v.version()
          + "; version " + asked + " is out of date. Show the person version " + v.version()
          + " (get_plan) and run it once they approve it");
    }
    if (!p.currentApproved()) {
      String why = p.approval() == null ? "it has not been approved"
          : "the approval was for version " + p.approval().version() + " and the plan has changed since";
      throw new ToolError("not_approved", "version " + v.version() + " of " + id + " cannot run: " + why,
          "show the person the current plan (get_plan) and wait for their explicit approval; then approve_plan "
              + id + " version " + v.version() + " and call " + tool + " again");
    }
    return new Approved(id, p, v, services.resolved(id, v));
  }
}
