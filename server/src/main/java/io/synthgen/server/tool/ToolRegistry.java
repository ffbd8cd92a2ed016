package io.synthgen.server.tool;

import io.synthgen.plan.PlanException;
import io.synthgen.server.plan.PlanStoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tools of the server, in workflow order, and the one place where a tool's failures become results: mistakes
 * (an invalid plan, an unknown id, a stale version, a refused step) are error results that say what to do next.
 * Anything else is a failure of the server and propagates (the MCP server's call runner turns errors and runtime
 * exceptions into error results too, and bounds each call's time and memory).
 */
public final class ToolRegistry {

  /** Every tool name, in the order clients list them. */
  public static final List<String> NAMES = List.of("list_templates", "describe_vocabulary", "propose_plan",
      "revise_plan", "get_plan", "list_plans", "approve_plan", "generate_sample", "generate_full", "get_job",
      "cancel_job", "compare_to_source", "export_plan", "write_to_uc");

  private final Map<String, SynthTool> tools = new LinkedHashMap<>();

  /**
   * The standard tools ({@code StandardTools.registry} in the MCP wiring assembles them); refused unless they are
   * exactly {@link #NAMES}, in that order.
   */
  public static ToolRegistry standard(List<SynthTool> tools) {
    ToolRegistry r = new ToolRegistry(tools);
    if (!List.copyOf(r.tools.keySet()).equals(NAMES)) {
      throw new IllegalStateException("tools " + r.tools.keySet() + " differ from " + NAMES);
    }
    return r;
  }

  /** These tools, in this order (an embedding server's own set); names must be unique. */
  public ToolRegistry(List<SynthTool> tools) {
    tools.forEach(this::add);
  }

  private void add(SynthTool t) {
    if (tools.putIfAbsent(t.definition().name(), t) != null) {
      throw new IllegalArgumentException("two tools are named " + t.definition().name());
    }
  }

  public List<SynthTool> tools() {
    return List.copyOf(tools.values());
  }

  /** Calls a tool by name. */
  public ToolResult call(String name, ToolCall call) throws Exception {
    SynthTool t = tools.get(name);
    if (t == null) {
      return ToolResult.error("unknown_tool", "there is no tool " + name, "use one of " + tools.keySet());
    }
    try {
      return t.call(call);
    } catch (ToolError e) {
      return e.result();
    } catch (PlanException e) {
      int n = e.violations().size();
      return ToolResult.error("invalid_plan", n + (n == 1 ? " problem" : " problems")
          + " — nothing was changed", "fix each problem (path, rule and fix are given) and call " + name
          + " again", e.violations());
    } catch (PlanStoreException e) {
      return ToolResult.error(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), nextStep(e));
    } catch (IllegalArgumentException e) {
      return ToolResult.error("invalid_argument", e.getMessage(), "correct the argument and call " + name
          + " again");
    }
  }

  private static String nextStep(PlanStoreException e) {
    switch (e.kind()) {
      case UNKNOWN_PLAN:
        return "call list_plans to see this session's plans, or propose_plan to make one";
      case UNKNOWN_VERSION:
        return "call get_plan without a version for the current one";
      case STALE_VERSION:
        return "call get_plan, show the person the current version, and act on that version";
    }
    throw new IllegalStateException(e.kind().name());
  }
}
