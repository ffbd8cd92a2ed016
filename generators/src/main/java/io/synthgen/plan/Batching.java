package io.synthgen.plan;

import java.util.List;

/**
 * How a table takes part in a {@link Series}.
 *
 * @param mode static (written with batch 0, the same in every batch) or append (new rows in every batch)
 * @param advance the date/timestamp columns whose values move one interval per batch; null means the default: the
 *     table's date range columns whose range spans at most one interval (event times), not wider ones (birth dates)
 */
public record Batching(Mode mode, List<String> advance) {

  public static final Batching STATIC = new Batching(Mode.STATIC, null);

  public Batching {
    advance = advance == null ? null : List.copyOf(advance);
  }

  public enum Mode {
    /** The table is the same in every batch and written with batch 0. */
    STATIC,
    /** Batch k writes rows [k * rows, (k + 1) * rows): keys continue, times advance. */
    APPEND
  }
}
