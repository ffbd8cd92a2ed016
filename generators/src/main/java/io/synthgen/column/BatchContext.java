package io.synthgen.column;

import io.synthgen.vec.Vec;

/**
 * The rows a generator fills and the values it may depend on. Row i of every vector is table row {@code rows()[i]}.
 * Implemented by the engine's table evaluator; generators only read from it.
 */
public interface BatchContext {

  int size();

  long[] rows();

  /** {@code Stream.rowHash(rows()[i])}, computed once per batch. */
  long[] rowHashes();

  /** A column of the same table this generator declared as a dependency, already computed for these rows. */
  Vec column(String name);

  /** The parent row index each row's foreign key (or parent) column {@code fkColumn} points to. */
  long[] parentRows(String fkColumn);

  /** Evaluates a column of another table at arbitrary rows (parent lookups, child aggregates). */
  Vec evaluate(String table, String column, long[] rows, int n);

  /**
   * The batch of a series these rows belong to: 0 outside a series and in batch 0. A pure input, like the row
   * index: the same rows of the same batch give the same values.
   */
  default long batch() {
    return 0;
  }
}
