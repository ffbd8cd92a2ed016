package io.synthgen.plan;

/**
 * How a plan runs as an incremental series of batches. Batch k covers the k-th interval after {@code start}: its
 * window is [start + k * interval, start + (k + 1) * interval). Batch 0 is the full load; tables in
 * {@link Batching.Mode#APPEND} mode get new rows in every batch, tables with a {@link ChangeFeed} get their feed,
 * {@link History} tables their history after the batch, and static tables are written with batch 0 only.
 *
 * @param start the start of batch 0's window, an instant as a date range column writes it ({@code 2024-01-01},
 *     {@code 2024-01-01T06:00:00}, {@code ref-30d})
 * @param interval the length of one batch's window ({@code 1 day}, {@code 6 hours})
 * @param batches the length of the series the plan is checked for: batches 0 .. batches - 1 can be generated
 */
public record Series(String start, String interval, long batches) {

  /** The number of batches when a plan leaves it out. */
  public static final long DEFAULT_BATCHES = 5;
}
