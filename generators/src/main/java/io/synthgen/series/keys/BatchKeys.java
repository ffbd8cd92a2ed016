package io.synthgen.series.keys;

/**
 * One batch of a {@link KeyLifecycle} with its row order ρ_b and update order π_b built once: what an engine holds
 * while it generates the batch's rows. Every answer equals the lifecycle's own method for the same batch
 * ({@code batch(b).op(t) == op(b, t)}). Immutable and thread-safe.
 */
public final class BatchKeys {

  private final KeyLifecycle life;
  private final long batch;
  private final long rows;
  private final long live;
  private final Permutation rowOrder;
  private final Permutation updateOrder;

  BatchKeys(KeyLifecycle life, long batch, long rows, long live, Permutation rowOrder, Permutation updateOrder) {
    this.life = life;
    this.batch = batch;
    this.rows = rows;
    this.live = live;
    this.rowOrder = rowOrder;
    this.updateOrder = updateOrder;
  }

  public long batch() {
    return batch;
  }

  /** Rows of the batch: N for batch 0, A+U+D after. */
  public long rows() {
    return rows;
  }

  /** What row t does; see {@link KeyLifecycle#op}. */
  public Op op(long row) {
    KeyLifecycle.checkRow(batch, row, rows);
    if (batch == 0) {
      return new Op(ChangeKind.APPEND, row, row);
    }
    return life.opAtSlot(batch, rowOrder.apply(row), updateOrder);
  }

  /** The row holding an operation's ordinal; see {@link KeyLifecycle#row}. */
  public long row(ChangeKind kind, long ordinal) {
    if (batch == 0) {
      return life.row(0, kind, ordinal);
    }
    return rowOrder.inverse(life.slot(batch, kind, ordinal));
  }

  /** Key of UPDATE #j; see {@link KeyLifecycle#updatedKey}. */
  public long updatedKey(long ordinal) {
    requireLater();
    KeyLifecycle.checkOrdinal(ordinal, life.updates(), "UPDATE", batch);
    return life.updatedKeyWith(batch, ordinal, updateOrder);
  }

  /** The UPDATE ordinal of key in this batch, or -1; see {@link KeyLifecycle#updateOrdinal}. */
  public long updateOrdinal(long key) {
    requireLater();
    if (updateOrder == null || life.insertBatch(key) >= batch) {
      return -1;
    }
    return life.updateOrdinalWith(batch, life.deletionPosition(key), live, updateOrder);
  }

  /**
   * The values the key of an UPDATE or DELETE of this batch holds before it: {@link KeyLifecycle#lastVersion}
   * {@code (op.key(), batch)}, without recomputing a DELETE's deletion position.
   */
  public Version lastVersion(Op op) {
    requireLater();
    long key = op.key();
    long cohort = life.insertBatch(key);
    if (op.kind() == ChangeKind.APPEND || cohort >= batch) {
      throw new IllegalArgumentException("key " + key + " is appended by batch " + cohort
          + ", so it has no version before batch " + batch);
    }
    long position;
    if (life.updates() == 0) {
      position = -1;
    } else if (op.kind() == ChangeKind.DELETE) {
      position = (batch - 1) * life.deletes() + op.ordinal();
    } else {
      position = life.deletionPosition(key);
    }
    return life.lastVersionAt(key, cohort, position, batch);
  }

  private void requireLater() {
    if (batch == 0) {
      throw new IllegalArgumentException("batch 0 is the full load; UPDATEs and DELETEs start at batch 1");
    }
  }
}
