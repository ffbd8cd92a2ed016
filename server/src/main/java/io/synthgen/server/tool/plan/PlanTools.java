package io.synthgen.server.tool.plan;

import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.SynthTool;
import java.util.List;

/** The plan tools, in workflow order: list_templates, describe_vocabulary, propose, revise, get, list and approve. */
public final class PlanTools {

  private PlanTools() {
  }

  /** @param listScope how list_plans describes whose plans it lists */
  public static List<SynthTool> all(Services services, String listScope) {
    return List.of(new ListTemplatesTool(services), new DescribeVocabularyTool(services),
        new ProposePlanTool(services), new RevisePlanTool(services), new GetPlanTool(services),
        new ListPlansTool(services, listScope), new ApprovePlanTool(services));
  }
}
