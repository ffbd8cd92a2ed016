package io.synthgen.compare;

/**
 * The bounds of a comparison of synthetic data with its source. Each keeps memory or time proportional to what a
 * comparison needs whatever the tables' sizes; docs/source-report.md ("Limits") lists them with the reason.
 */
public final class CompareLimits {

  private CompareLimits() {
  }

  /**
   * Rows of one source table. The row check's Bloom filter is sized for this many rows at
   * {@link #BLOOM_FALSE_POSITIVE_RATE}; a larger source is refused (compare a sample of it instead).
   */
  public static final long MAX_SOURCE_ROWS = 10_000_000L;

  /** Target false-positive rate of the row check's Bloom filter when full; every hit is then confirmed exactly. */
  public static final double BLOOM_FALSE_POSITIVE_RATE = 0.001;

  /**
   * Distinct synthetic rows the row check keeps as candidates (Bloom filter hits) for exact confirmation against
   * the source. More hits than this leave the check incomplete, and the report says so.
   */
  public static final int MAX_CANDIDATES = 100_000;

  /** Rows of each table sampled (deterministically, by a hash of the row index) for the distances. */
  public static final int SAMPLE_ROWS = 20_000;

  /** Columns compared per table: columns beyond the first ones shared by source and synthetic table are skipped. */
  public static final int MAX_COLUMNS = 200;

  /** Numeric columns of the correlation matrix: the first ones of a table in its column order. */
  public static final int MAX_CORRELATION_COLUMNS = 12;

  /**
   * Distinct values in a string column's source sample up to which it is compared as a category (total variation
   * distance); above, it is free text or an identifier and its value lengths are compared instead (KS).
   */
  public static final int MAX_CATEGORIES = 1_000;

  /** Tables in a source folder. */
  public static final int MAX_TABLES = 100;

  /**
   * The row check's default k: a synthetic row equal to a combination of values that at least k source rows share
   * names no record (the plan's privacy rule copies values held by at least k rows), so it does not fail the check.
   */
  public static final int DEFAULT_MIN_COUNT = 10;

  /** The largest k a comparison takes. */
  public static final int MAX_MIN_COUNT = 1_000_000;

  /** Synthetic row numbers listed per table as examples of rows equal to a source row. */
  public static final int MAX_EXAMPLES = 10;
}
