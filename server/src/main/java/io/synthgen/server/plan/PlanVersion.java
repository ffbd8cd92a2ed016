package io.synthgen.server.plan;

import io.synthgen.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * One immutable version of a stored plan.
 *
 * @param version 1, 2, ... in order of revision
 * @param summary what made this version ("proposed from the retail template", "3 changes")
 * @param diff the changes from the previous version, one line each (empty for version 1)
 * @param requestedTier the tier the person asked for, or 0 to follow the decision tree
 */
public record PlanVersion(int version, Instant created, String summary, List<String> diff, int requestedTier,
    Plan plan) {

  public PlanVersion {
    diff = List.copyOf(diff);
  }
}
