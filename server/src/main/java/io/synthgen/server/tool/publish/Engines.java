package io.synthgen.server.tool.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.server.catalog.EngineDefaults;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.WarehouseGeneration;
import io.synthgen.server.tool.Approved;
import io.synthgen.server.tool.ToolError;
import java.util.Optional;

/**
 * Which engine makes write_to_uc's rows. Asked for, it is that one (the warehouse refuses a plan it cannot run and a
 * batch, with why). Left out, it is {@link EngineDefaults}'s choice: Tier 2 and 3 plans in the SQL warehouse, Tier 1
 * plans, files for a volume, batches, a series and injected defects on this machine and uploaded.
 */
final class Engines {

  /**
   * The engine and why, for the result.
   *
   * @param asked the call named it
   */
  record Choice(PublishRequest.Engine engine, String reason, boolean asked) {

    void note(ObjectNode o) {
      o.put("engine", engine.jsonName());
      o.put("engine_reason", reason);
    }

    String text() {
      return "\nEngine: " + engine.jsonName() + " (" + reason + ")";
    }
  }

  private Engines() {
  }

  /**
   * @param batch the call appends a batch of the plan's series (to a volume, or as a job)
   */
  static Choice choose(String asked, Approved a, PublishRequest req, boolean batch) throws ToolError {
    Optional<String> unsupported = WarehouseGeneration.unsupported(a.version().plan());
    if (asked != null) {
      PublishRequest.Engine e = PublishRequest.Engine.parse(asked);
      if (e == PublishRequest.Engine.WAREHOUSE && batch) {
        throw new ToolError("bad_arguments", "engine warehouse makes whole tables; a batch of the series is "
            + "appended to a volume as files or made by a job", "leave out engine (files landed from this machine, "
            + "with target files and a volume) or use engine job");
      }
      if (e == PublishRequest.Engine.WAREHOUSE && unsupported.isPresent()) {
        throw new ToolError("engine_unsupported", "engine warehouse cannot generate this plan: " + unsupported.get(),
            "call write_to_uc with engine: upload (or leave out engine)");
      }
      return new Choice(e, "asked for", true);
    }
    EngineDefaults.Choice d = EngineDefaults.choose(a.version().plan(), a.resolved().totalRows(),
        a.version().requestedTier(), req.target(), batch);
    return new Choice(d.engine(), d.reason(), false);
  }
}
