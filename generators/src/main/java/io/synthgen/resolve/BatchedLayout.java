package io.synthgen.resolve;

import io.synthgen.column.ChildLayout;

/**
 * The layout of an append table generated per parent, over the rows of every batch. Batch k of the child holds the
 * children of the parent's batch-k rows (an append parent) or, for a static parent, a repeat of batch 0's layout;
 * either way its rows are [k * C, (k + 1) * C) where C is batch 0's child rows, and child row k * C + j sits where
 * row j sits in batch 0. So the first child row of any batch is a closed form (no count of earlier batches is
 * drawn), a batch's children are exactly as many as batch 0's, and every lookup costs what it costs in batch 0.
 * Child values still differ between batches: they are drawn at their own (global) row.
 */
final class BatchedLayout implements ChildLayout {

  private final ChildLayout base;
  private final boolean parentAppends;
  private final long parents;
  private final long children;

  /**
   * @param base batch 0's layout
   * @param parentAppends whether the parent is an append table (its batch-k rows are [k * P, (k + 1) * P))
   */
  BatchedLayout(ChildLayout base, boolean parentAppends) {
    this.base = base;
    this.parentAppends = parentAppends;
    this.parents = base.parentCount();
    this.children = base.childRows();
  }

  /** Batch 0's layout. */
  ChildLayout base() {
    return base;
  }

  @Override
  public String parentTable() {
    return base.parentTable();
  }

  /** The parent's rows per batch. */
  @Override
  public long parentCount() {
    return parents;
  }

  /** The child rows per batch. */
  @Override
  public long childRows() {
    return children;
  }

  @Override
  public long childCount(long parentRow) {
    return base.childCount(parentAppends ? parentRow % parents : parentRow);
  }

  /** A static parent's children are those of batch 0; an append parent's row of batch k has them in batch k. */
  @Override
  public long firstChild(long parentRow) {
    if (!parentAppends) {
      return base.firstChild(parentRow);
    }
    return parentRow / parents * children + base.firstChild(parentRow % parents);
  }

  @Override
  public void locate(long[] childRows, int n, long[] parentOut, long[] ordinalOut) {
    if (n == 0) {
      return;
    }
    long[] local = new long[n];
    for (int i = 0; i < n; i++) {
      local[i] = childRows[i] % children;
    }
    base.locate(local, n, parentOut, ordinalOut);
    if (parentAppends) {
      for (int i = 0; i < n; i++) {
        parentOut[i] += childRows[i] / children * parents;
      }
    }
  }
}
