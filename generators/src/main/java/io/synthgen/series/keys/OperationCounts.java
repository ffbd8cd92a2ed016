package io.synthgen.series.keys;

import java.math.BigDecimal;

/**
 * Exact APPEND, UPDATE and DELETE counts of a batch of m rows from operation weights: each kind gets the floor of
 * its quota {@code m·w/Σw}, and the rows left over go one each to the largest remainders, ties to APPEND, then
 * UPDATE, then DELETE (largest-remainder apportionment), so {@code A+U+D = m} always. Computed in exact decimal
 * arithmetic over the weights' binary values: no rounding of a double decides a count.
 */
public record OperationCounts(long appends, long updates, long deletes) {

  /** Rows of one batch that counts are apportioned for. */
  public static final long MAX_ROWS = KeyLifecycle.MAX_BATCH_ROWS;

  public OperationCounts {
    if (appends < 0 || updates < 0 || deletes < 0) {
      throw new IllegalArgumentException(
          "operation counts are >= 0, got " + appends + ", " + updates + ", " + deletes);
    }
  }

  /** Rows of the batch: A+U+D. */
  public long rows() {
    return appends + updates + deletes;
  }

  /**
   * The counts for m rows from weights (any scale: 50/30/10 and 0.5/0.3/0.1 give the same counts).
   *
   * @throws IllegalArgumentException when a weight is negative or not finite, all weights are 0, or m is outside
   *     {@code [0, MAX_ROWS]}
   */
  public static OperationCounts of(double appendWeight, double updateWeight, double deleteWeight, long rows) {
    double[] weights = {appendWeight, updateWeight, deleteWeight};
    for (double w : weights) {
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException("operation weights are finite and >= 0, got " + w);
      }
    }
    if (appendWeight + updateWeight + deleteWeight <= 0) {
      throw new IllegalArgumentException("at least one of the APPEND, UPDATE, DELETE weights must be > 0");
    }
    if (rows < 0 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("rows per batch are in [0, 2^62], got " + rows);
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (double w : weights) {
      sum = sum.add(new BigDecimal(w));
    }
    BigDecimal m = BigDecimal.valueOf(rows);
    long[] counts = new long[3];
    BigDecimal[] remainders = new BigDecimal[3];
    long assigned = 0;
    for (int k = 0; k < 3; k++) {
      BigDecimal[] qr = new BigDecimal(weights[k]).multiply(m).divideAndRemainder(sum);
      counts[k] = qr[0].longValueExact();
      remainders[k] = qr[1];
      assigned += counts[k];
    }
    // Fewer than 3 rows are left; each goes to the largest remaining remainder, earlier kinds first on ties.
    boolean[] taken = new boolean[3];
    for (long left = rows - assigned; left > 0; left--) {
      int best = -1;
      for (int k = 0; k < 3; k++) {
        if (!taken[k] && (best < 0 || remainders[k].compareTo(remainders[best]) > 0)) {
          best = k;
        }
      }
      taken[best] = true;
      counts[best]++;
    }
    return new OperationCounts(counts[0], counts[1], counts[2]);
  }
}
