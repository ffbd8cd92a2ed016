package io.synthgen.profile;

/**
 * A column that could be the table's primary key: no NULLs and no repeated value.
 *
 * @param column the column name
 * @param exact true when uniqueness was established exactly (an exact distinct count, or strictly increasing
 *     integers), false when estimated (see {@link DistinctCount#unique()})
 */
public record KeyCandidate(String column, boolean exact) {
}
