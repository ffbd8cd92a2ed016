package io.synthgen.series;

/**
 * A batch a plan cannot run: a batch on a plan without a series, one outside 0 .. series.batches - 1, or the state
 * after a batch of a plan with no change feed and no history table (it has no state). The
 * message names the plan, the batch and the fix; callers show it as a mistake to correct, not as a failure.
 */
public final class BatchRefused extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public BatchRefused(String message) {
    super(message);
  }
}
