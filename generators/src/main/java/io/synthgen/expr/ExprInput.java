package io.synthgen.expr;

import io.synthgen.vec.Vec;

/**
 * The rows an expression is evaluated on: their row indices, the per-row hashes random functions draw from
 * ({@code Stream.rowHash(rows[i])}, computed once per batch), and the vectors of the columns it references.
 */
public interface ExprInput {

  int size();

  long[] rows();

  long[] rowHashes();

  /** A referenced column: a name of the same table, or {@code table.column} for a parent lookup. */
  Vec column(String name);

  /** The batch of a series these rows belong to ({@code batch()}): 0 outside a series and in batch 0. */
  default long batch() {
    return 0;
  }
}
