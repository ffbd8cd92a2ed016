package io.synthgen.plan;

import java.util.List;

/**
 * Defects injected into a table's output, each at a rate, deterministic from the plan seed, and recorded as ground
 * truth so a pipeline's expectations can be scored. The output validator knows what was injected.
 *
 * @param defects in the order they are applied
 * @param groundTruth where the record of altered rows goes
 */
public record Quality(List<Defect> defects, GroundTruth groundTruth) {

  public Quality {
    defects = List.copyOf(defects);
  }

  public enum GroundTruth {
    /** A file beside the table's output naming each altered row, column, defect and original value. */
    SIDECAR,
    /** A {@code _defects} column on the table itself, the person can drop it. */
    COLUMNS
  }
}
