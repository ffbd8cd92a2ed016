package io.synthgen.compare;

import java.util.List;

/**
 * Whether any synthetic row equals a source row over the columns both tables have. Every source row is hashed into
 * a Bloom filter; every synthetic row that hits it is kept as a candidate and then compared exactly with the source
 * rows of the same hash, which also counts how many source rows hold it. A synthetic row equal to a combination that
 * fewer than k source rows hold reproduces a record; one equal to a combination k or more source rows share (a
 * status and a flag) is common, names no record, and is counted apart. Columns synthgen numbers or draws itself
 * (sequence, uuid) are left out: equal keys say nothing of a source row.
 *
 * @param columns the columns compared (values compared canonically: 12.50 equals 12.5)
 * @param excluded shared columns left out (generated keys)
 * @param sourceRows source rows hashed
 * @param falsePositiveRate the Bloom filter's false-positive rate at that many rows (the share of synthetic rows
 *     that become candidates without being in the source)
 * @param candidates synthetic rows that hit the filter
 * @param reproducedRows synthetic rows equal to a source row that fewer than {@code minCount} source rows hold
 * @param distinctReproduced distinct such rows
 * @param commonRows synthetic rows equal to a combination at least {@code minCount} source rows share
 * @param minCount k, as in the plan's privacy rule
 * @param examples the synthetic row numbers (0-based, in the run's row order) of the first reproduced rows, at most
 *     {@link CompareLimits#MAX_EXAMPLES}; values are never reported
 * @param complete false when more than {@link CompareLimits#MAX_CANDIDATES} distinct candidates came up and the
 *     ones past that bound were not confirmed
 */
public record RowCheck(List<String> columns, List<String> excluded, long sourceRows, double falsePositiveRate,
    long candidates, long reproducedRows, long distinctReproduced, long commonRows, int minCount, List<Long> examples,
    boolean complete) {

  public RowCheck {
    columns = List.copyOf(columns);
    excluded = List.copyOf(excluded);
    examples = List.copyOf(examples);
  }

  /** True when the check is complete and no synthetic row reproduces a source record. */
  public boolean passed() {
    return complete && reproducedRows == 0;
  }
}
