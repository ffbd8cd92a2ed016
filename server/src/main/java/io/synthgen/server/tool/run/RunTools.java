package io.synthgen.server.tool.run;

import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.SynthTool;
import java.util.List;

/** The run tools, in workflow order: generate_sample, generate_full, get_job, cancel_job, compare_to_source and export_plan. */
public final class RunTools {

  private RunTools() {
  }

  public static List<SynthTool> all(Services services) {
    return List.of(new GenerateSampleTool(services), new GenerateFullTool(services), new GetJobTool(services),
        new CancelJobTool(services), new CompareToSourceTool(services), new ExportPlanTool(services));
  }
}
