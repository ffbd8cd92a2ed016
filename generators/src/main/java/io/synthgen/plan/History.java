package io.synthgen.plan;

/**
 * A slowly changing dimension of type 2: a table whose rows are the versions of another table's rows, built from
 * that table's {@link ChangeFeed}. Its columns are the source's output columns plus {@code effective_from},
 * {@code effective_to} (null for the current version) and {@code is_current}; every live key has exactly one
 * current row, versions of a key are contiguous, and a deleted key's last version is closed at its delete.
 *
 * @param of the table with the change feed
 */
public record History(String of) {

  public static final String EFFECTIVE_FROM = "effective_from";
  public static final String EFFECTIVE_TO = "effective_to";
  public static final String IS_CURRENT = "is_current";
}
