package io.synthgen.compile;

/**
 * A compiled table that is not a plan table's own rows: a change feed of a batch ({@link FeedSql}), a state after
 * a batch ({@link StateSql}) or an SCD2 history ({@link HistorySql}). {@link CompiledTable} serves its SELECTs.
 */
interface FeedTable {

  /** The name it is written under. */
  String name();

  /** Its exact rows. */
  long rows();

  /**
   * Rows [first, first + count) as the local engine numbers them (every row when count is negative), with a leading
   * {@code __row BIGINT} column when {@code withRow}.
   */
  String select(long first, long count, boolean withRow);
}
