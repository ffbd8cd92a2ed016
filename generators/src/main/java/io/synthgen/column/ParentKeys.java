package io.synthgen.column;

/** Implemented by foreign_key and parent generators: which parent row each element points to. */
public interface ParentKeys {

  /** The parent table's name. */
  String parentTable();

  /** Parent row indices for the context's rows. */
  long[] parentRows(BatchContext ctx);

  /** The parent row index as a Spark SQL {@code BIGINT} expression, equal to {@link #parentRows} row for row. */
  String parentRowSql(io.synthgen.sql.SqlScope scope);
}
