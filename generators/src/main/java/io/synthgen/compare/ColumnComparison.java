package io.synthgen.compare;

/**
 * How one column of the synthetic table compares with the same column of its source.
 *
 * @param kind {@code numeric}, {@code temporal} (dates and timestamps, in seconds), {@code categorical} (strings of
 *     at most {@link CompareLimits#MAX_CATEGORIES} values in the source sample, and booleans) or {@code text}
 *     (other strings)
 * @param distance {@code ks} (two-sample Kolmogorov–Smirnov statistic of the values), {@code tvd} (total variation
 *     distance of the value shares) or {@code ks_length} (KS statistic of the values' lengths, for text)
 * @param value the distance in [0, 1] over the two tables' samples, NaN when a side has no comparable value (all
 *     null, or the source's values are not of the synthetic column's type)
 * @param sourceNullRate NULL cells over rows in the source, exactly
 * @param syntheticNullRate likewise in the synthetic table
 * @param sourceDistinctRatio distinct non-null values over non-null cells in the source (HyperLogLog estimate,
 *     about 1.6 % standard error)
 * @param syntheticDistinctRatio likewise in the synthetic table
 */
public record ColumnComparison(String column, String kind, String distance, double value, double sourceNullRate,
    double syntheticNullRate, double sourceDistinctRatio, double syntheticDistinctRatio) {

  /** Synthetic minus source null rate. */
  public double nullRateDifference() {
    return syntheticNullRate - sourceNullRate;
  }

  /** Synthetic minus source distinct ratio. */
  public double distinctRatioDifference() {
    return syntheticDistinctRatio - sourceDistinctRatio;
  }
}
