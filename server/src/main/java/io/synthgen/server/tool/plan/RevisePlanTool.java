package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.PlanDiff;
import io.synthgen.draft.Revisions;
import io.synthgen.draft.SeriesText;
import io.synthgen.plan.Plan;
import io.synthgen.server.plan.PlanStoreException;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.tool.PlanChecks;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.server.view.PlanViews;
import java.nio.file.Path;
import java.util.List;

/** revise_plan: operations on the current version, all or nothing; a new version with its diff. */
final class RevisePlanTool extends ServiceTool {

  RevisePlanTool(Services services) {
    super("revise_plan", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    String id = call.require("plan_id");
    int base = call.version();
    StoredPlan p = services.plans().get(id);
    if (base != p.latest().version()) {
      // checked again, atomically, when the version is stored
      throw new PlanStoreException(PlanStoreException.Kind.STALE_VERSION, id + " is at version "
          + p.latest().version() + "; version " + base + " is out of date. Call get_plan to show the person "
          + "version " + p.latest().version() + ", then revise version " + p.latest().version());
    }
    PlanVersion current = p.latest();
    JsonNode ops = call.args().get("operations");
    Plan revised = Revisions.apply(current.plan(), ops, services.dictionaries(),
        q -> PlanChecks.limitProblems(services.config().limits(), q));
    int requestedTier = current.requestedTier();
    for (int i = 0; i < ops.size(); i++) {
      JsonNode op = ops.get(i);
      if ("set_tier".equals(op.path("op").asText())) {
        requestedTier = (int) ToolCall.whole(op.get("tier"), "operations[" + i + "].tier", 0, ToolCall.MAX_TIER);
      }
    }
    PlanChecks.Checked checked = PlanChecks.check(services, revised, requestedTier);
    List<String> diff = PlanDiff.lines(current.plan(), checked.plan(), ops);
    if (diff.isEmpty()) {
      throw new ToolError("no_change", "the operations leave version " + base + " as it is",
          "tell the person nothing changed, or ask what they want to change");
    }
    boolean wasApproved = p.currentApproved();
    StoredPlan next = services.plans().revise(id, base, checked.plan(),
        diff.size() + (diff.size() == 1 ? " change" : " changes"), diff, requestedTier);
    PlanVersion v = next.latest();
    services.remember(id, v.version(), checked.resolved());
    String nextStep = PlanViews.showAndAsk(next, v);
    Path out = PlanChecks.outputDir(services, v.plan());
    ObjectNode view = PlanViews.view(next, v, checked.resolved(), out, nextStep);
    view.put("previous_version", base);
    diff.forEach(view.putArray("diff")::add);
    view.put("approval_reset", wasApproved);
    List<String> notes = notes(current.plan(), checked.plan(), ops);
    notes.forEach(view.putArray("notes")::add);
    StringBuilder text = new StringBuilder("Version ").append(v.version()).append(" of ").append(id).append(": ")
        .append(v.summary()).append(" from version ").append(base).append('\n');
    diff.forEach(d -> text.append("  ").append(d).append('\n'));
    notes.forEach(n -> text.append(n).append('\n'));
    if (wasApproved) {
      text.append("The approval of version ").append(base).append(" does not cover this version.\n");
    }
    text.append('\n').append(PlanViews.render(next, v, checked.resolved(), out)).append("\nNext: ")
        .append(nextStep);
    return ToolResult.ok(view, text.toString());
  }

  /**
   * What the person should hear besides the diff: a series the revision added with the defaults because a table
   * began to take part in batches (an append table, a change feed) and no operation set one.
   */
  static List<String> notes(Plan before, Plan after, JsonNode ops) {
    List<String> out = new java.util.ArrayList<>();
    boolean setSeries = false;
    for (JsonNode op : ops) {
      setSeries |= "set_series".equals(op.path("op").asText());
    }
    if (before.series() == null && after.series() != null && !setSeries) {
      List<String> why = new java.util.ArrayList<>();
      for (io.synthgen.plan.Table t : after.tables()) {
        if (t.changeFeed() != null) {
          why.add(t.name() + " has a change feed");
        } else if (t.batching().mode() == io.synthgen.plan.Batching.Mode.APPEND) {
          why.add(t.name() + " appends rows in every batch");
        }
      }
      String start = after.series().start();
      String from = after.referenceDate() == null || start.equals(after.referenceDate().toString()) ? ""
          : " It starts on " + start + ", where the append tables' advancing columns start (not the reference date "
              + after.referenceDate() + "), so batch 0's window holds their rows.";
      out.add("Added the default series (" + SeriesText.series(after) + ") because " + String.join(", ",
          why) + "; ask the person whether it fits, and change it with set_series {start, interval, batches}."
          + from);
    }
    return out;
  }
}
