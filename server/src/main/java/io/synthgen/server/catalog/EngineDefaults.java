package io.synthgen.server.catalog;

import io.synthgen.draft.Tiers;
import io.synthgen.plan.Plan;

/**
 * The engine that makes a publish's rows when none is asked for, and why: Tier 2 and 3 plans are generated in the
 * SQL warehouse and Tier 1 plans on this machine and uploaded (the tier is the plan's: {@link Tiers}); files for a
 * volume, batches, and plans the warehouse cannot run ({@link WarehouseGeneration#unsupported}: a series, injected
 * defects) are made here. write_to_uc and {@code synthgen publish} both choose with it.
 */
public final class EngineDefaults {

  /** The engine and the reason shown with it. */
  public record Choice(PublishRequest.Engine engine, String reason) {
  }

  private EngineDefaults() {
  }

  /**
   * @param totalRows the resolved plan's rows in all
   * @param requestedTier the tier the person asked for (1-3), or 0 for the plan's own
   * @param batch a batch of the plan's series is published
   */
  public static Choice choose(Plan plan, long totalRows, int requestedTier, PublishRequest.Target target,
      boolean batch) {
    if (batch) {
      return new Choice(PublishRequest.Engine.UPLOAD, "a batch is landed on this machine and appended as files");
    }
    if (target == PublishRequest.Target.FILES) {
      return new Choice(PublishRequest.Engine.UPLOAD, "files for a volume are generated on this machine");
    }
    int tier = Tiers.decide(totalRows, plan.destination(), requestedTier).tier();
    if (tier == 1) {
      return new Choice(PublishRequest.Engine.UPLOAD, "Tier 1: generated on this machine and uploaded");
    }
    var unsupported = WarehouseGeneration.unsupported(plan);
    if (unsupported.isPresent()) {
      return new Choice(PublishRequest.Engine.UPLOAD, "Tier " + tier + ", but " + unsupported.get());
    }
    return new Choice(PublishRequest.Engine.WAREHOUSE, "Tier " + tier + ": generated in the SQL warehouse");
  }
}
