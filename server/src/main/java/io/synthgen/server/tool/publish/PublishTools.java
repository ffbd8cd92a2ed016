package io.synthgen.server.tool.publish;

import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.SynthTool;
import java.util.List;

/** The publishing tool: write_to_uc. */
public final class PublishTools {

  private PublishTools() {
  }

  public static List<SynthTool> all(Services services) {
    return List.of(new WriteToUcTool(services));
  }
}
