package io.synthgen.compare;

import java.util.List;

/**
 * Pearson correlations between the first {@link CompareLimits#MAX_CORRELATION_COLUMNS} numeric columns, in the
 * source and in the synthetic table (each over its sample, rows where both columns are numbers).
 *
 * @param columns the columns of the matrix, in table order
 * @param pairs every pair of them, in matrix order
 * @param maxAbsDifference the largest |synthetic - source| over the pairs where both are defined, NaN when none is
 */
public record Correlations(List<String> columns, List<Pair> pairs, double maxAbsDifference) {

  public Correlations {
    columns = List.copyOf(columns);
    pairs = List.copyOf(pairs);
  }

  /** One pair: its correlations (NaN when a column is constant or has fewer than 3 values) and their difference. */
  public record Pair(String a, String b, double source, double synthetic) {

    public double difference() {
      return synthetic - source;
    }
  }
}
