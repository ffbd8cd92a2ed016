package io.synthgen.compare;

import java.util.List;

/**
 * Whether any synthetic row equals a source row over the columns both tables have. Every source row is hashed into
 * a Bloom filter; every synthetic row that hits it is kept as a candidate and then compared exactly with the source
 * rows of the same hash, so a reproduced row is never a false positive.
 *
 * @param columns the columns compared (the shared ones, values compared canonically: 12.50 equals 12.5)
 * @param sourceRows source rows hashed
 * @param falsePositiveRate the Bloom filter's false-positive rate at that many rows (the share of synthetic rows
 *     that become candidates without being in the source)
 * @param candidates synthetic rows that hit the filter
 * @param reproducedRows synthetic rows equal to a source row (confirmed exactly)
 * @param distinctReproduced distinct such rows
 * @param examples the synthetic row numbers (0-based, in the run's row order) of the first reproduced rows, at most
 *     {@link CompareLimits#MAX_EXAMPLES}; values are never reported
 * @param complete false when more than {@link CompareLimits#MAX_CANDIDATES} distinct candidates came up and the
 *     ones past that bound were not confirmed
 */
public record RowCheck(List<String> columns, long sourceRows, double falsePositiveRate, long candidates,
    long reproducedRows, long distinctReproduced, List<Long> examples, boolean complete) {

  public RowCheck {
    columns = List.copyOf(columns);
    examples = List.copyOf(examples);
  }

  /** True when the check is complete and no synthetic row equals a source row. */
  public boolean passed() {
    return complete && reproducedRows == 0;
  }
}
