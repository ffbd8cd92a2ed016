package io.synthgen.profile;

/**
 * How many distinct non-null values a column holds.
 *
 * @param count the count: exact, or estimated
 * @param method {@code exact} (a set of value hashes, up to {@link ProfileLimits#EXACT_DISTINCT} values: 64-bit hashes,
 *     so two values collide with probability about n^2 / 2^65), {@code hyperloglog} (HyperLogLog with 2^14
 *     registers beyond that: standard error about 0.8 %), {@code sql} (a warehouse's COUNT(DISTINCT)) or
 *     {@code approx_sql} (a warehouse's approximate count)
 * @param unique whether every non-null value occurs once: exact with an exact count; otherwise true only when a
 *     Bloom filter saw no more repeats than its false-positive rate explains and the estimate is within its error
 *     of the non-null count, or when an integer column is strictly increasing
 */
public record DistinctCount(long count, String method, boolean unique) {

  public boolean exact() {
    return method.equals("exact") || method.equals("sql");
  }
}
