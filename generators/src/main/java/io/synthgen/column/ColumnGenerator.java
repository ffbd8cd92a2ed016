package io.synthgen.column;

import io.synthgen.vec.Vec;
import java.util.List;

/**
 * Makes one column's values for a batch of rows. Everything random is drawn from streams fixed at construction
 * and the batch's row hashes, so a value depends only on (plan seed, table, column, row) and the values it is
 * derived from. Immutable and thread-safe.
 */
public interface ColumnGenerator {

  /** The vector for the context's rows (no nulls applied: the engine applies the column's null rate). */
  Vec generate(BatchContext ctx);

  /**
   * The column's values as one Spark SQL expression of the column's type, equal cell for cell to {@link #generate}
   * before the null rate (the compiler applies it): see {@code docs/determinism.md}. Every generator implements it.
   */
  String sql(io.synthgen.sql.SqlScope scope);

  /** Same-table columns this one reads through {@link BatchContext#column}. */
  default List<String> dependencies() {
    return List.of();
  }

  /** Expected distinct values over {@code rows} rows, or -1 when unknown (a hint for writers). */
  default long distinctEstimate(long rows) {
    return -1;
  }

  /**
   * For key-producing generators (foreign_key, parent): the parent row index per element, filled by
   * {@link #generate}. Null for other generators.
   */
  default ParentKeys parentKeys() {
    return null;
  }
}
