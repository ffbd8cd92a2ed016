package io.synthgen.server.tool;

import io.synthgen.plan.Series;
import io.synthgen.resolve.ResolvedPlan;

/** The refusals generate_full and write_to_uc share for a batch argument. */
public final class BatchChecks {

  private BatchChecks() {
  }

  /**
   * Refuses batch {@code k} of a plan without a series, or outside its series, with the fix.
   *
   * @param tool the tool the fix names
   * @param field the argument that named the batch
   */
  public static void require(ResolvedPlan r, long k, String tool, String field) throws ToolError {
    Series s = r.series();
    if (s == null) {
      throw new ToolError("no_series", "plan " + r.plan().name() + " has no series, so it has no batch " + k,
          "add one with revise_plan (set_series, then set_batch or set_change_feed on a table), or call " + tool
              + " without " + field);
    }
    if (k >= s.batches()) {
      throw new ToolError("batch_outside_series", field + " " + k + " is outside the series of plan "
          + r.plan().name() + ", whose batches are 0.." + (s.batches() - 1), "choose a batch below " + s.batches()
          + ", or lengthen the series with revise_plan set_series batches");
    }
  }
}
