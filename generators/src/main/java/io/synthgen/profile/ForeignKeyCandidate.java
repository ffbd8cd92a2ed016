package io.synthgen.profile;

/**
 * A child column whose non-null values are all among a parent key's values.
 *
 * @param table the child table
 * @param column the child column
 * @param parentTable the parent table
 * @param parentColumn the parent's key column
 * @param method how inclusion was established: {@code exact} (every child value's hash found in the parent's exact
 *     hash set), {@code bloom} (the parent's values were past {@link ProfileLimits#EXACT_DISTINCT}: each child value
 *     was found in a Bloom filter of the parent keys, with the false-positive rate given in the docs) or {@code sql}
 *     (a warehouse anti-join found no orphan)
 * @param distinctChildren the child column's distinct values (how many parents have children)
 */
public record ForeignKeyCandidate(String table, String column, String parentTable, String parentColumn,
    String method, long distinctChildren) {
}
