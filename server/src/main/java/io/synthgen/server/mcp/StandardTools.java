package io.synthgen.server.mcp;

import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.SynthTool;
import io.synthgen.server.tool.ToolRegistry;
import io.synthgen.server.tool.plan.PlanTools;
import io.synthgen.server.tool.publish.PublishTools;
import io.synthgen.server.tool.run.RunTools;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard tools of the server over shared services: the plan, run and publish tools in workflow order
 * ({@link ToolRegistry#NAMES}). Assembled here, above the tool packages, so that the tool framework never names a
 * tool.
 */
public final class StandardTools {

  private StandardTools() {
  }

  /** @param listScope how list_plans describes whose plans it lists */
  public static ToolRegistry registry(Services services, String listScope) {
    List<SynthTool> tools = new ArrayList<>(PlanTools.all(services, listScope));
    tools.addAll(RunTools.all(services));
    tools.addAll(PublishTools.all(services));
    return ToolRegistry.standard(tools);
  }
}
