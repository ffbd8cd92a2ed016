package io.synthgen.sql;

/**
 * Where a column's Spark SQL is evaluated: the names a generator's SQL may use for its row, for other columns of
 * the same row and for the row its foreign keys point to. Implemented by the plan compiler ({@code
 * io.synthgen.compile}); generators, samplers and expression nodes only call it. Every method returns a SQL
 * expression (usually a column alias) that is valid in the SELECT the generator's own SQL goes into.
 */
public interface SqlScope {

  /** The table row index, a {@code BIGINT} expression (the local engine's row index, never NULL). */
  String row();

  /** Spark's {@code xxhash64(row)}, a {@code BIGINT} expression: {@code Stream.rowHash(row)}. */
  String rowHash();

  /**
   * Another column of the same table at the same row, after its null rate and advance shift, typed as its column
   * type: what {@code BatchContext.column(name)} gives the local generator. The compiler records the dependency.
   */
  String column(String name);

  /**
   * The parent row index a foreign key or parent column of this table points to ({@code BIGINT}, NULL where the key
   * is NULL): what {@code BatchContext.parentRows(fkColumn)} gives locally, batch offsets included.
   */
  String parentRow(String fkColumn);

  /**
   * The value of column {@code parentColumn} of the parent table at {@link #parentRow(String)}, as the parent table
   * writes it (NULL where the key is NULL): the local engine's {@code evaluate(parent, column, parentRows)}.
   */
  String parentColumn(String fkColumn, String parentColumn);

  /** The series batch of this row ({@code BIGINT}): what {@code BatchContext.batch()} answers locally. */
  String batch();

  /**
   * For a table generated per parent: the parent row of this row ({@code BIGINT}, never NULL) and this row's
   * 0-based position among its siblings. Refused (IllegalStateException) for other tables.
   */
  String perParentParentRow();

  /** See {@link #perParentParentRow()}. */
  String perParentOrdinal();

  /**
   * An aggregate over the children of this row in the per-parent table {@code childTable}: {@code function} is one
   * of count, sum, min, max, avg as {@code ChildAggregateGen} computes it, over the child column {@code column}
   * (null for count). The compiler decides how (a grouped subquery over the child table's own SELECT).
   */
  String childAggregate(String childTable, String function, String column);

  /**
   * A name under which a large constant array (a dictionary's values, a cumulative weight table) is available once
   * per statement rather than repeated per use; {@code sqlArray} is an {@code array(...)} literal. The compiler may
   * inline it or hoist it; callers treat the result as an array expression.
   */
  String constantArray(String hint, String sqlArray);
}
