package io.synthgen.compile;

/**
 * How a plan is compiled.
 *
 * @param batch the batch of the plan's series to produce (an append table's rows of that batch, its advance
 *     columns moved by it); null for a plan without a series or its batch 0
 * @param partitions the slices of every {@code range()} (Spark's parallelism), 0 for Spark's default
 */
public record SqlOptions(Long batch, int partitions) {

  /** A plain plan (or batch 0) with Spark's default slicing. */
  public static final SqlOptions DEFAULT = new SqlOptions(null, 0);

  public SqlOptions {
    if (batch != null && batch < 0) {
      throw new IllegalArgumentException("batch must be 0 or more, got " + batch);
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be 0 (Spark's default) or more, got " + partitions);
    }
  }

  /** The batch as a number: 0 when none is given. */
  public long batchNumber() {
    return batch == null ? 0 : batch;
  }
}
