package io.synthgen.series;

import java.util.function.LongUnaryOperator;

/**
 * A bounded sparse index from output rows to the items they come from, for sources whose items (feed rows, keys)
 * give a varying number of output rows: a delta_cdf UPDATE gives two rows, a deleted key none in the state, a key
 * one history row per version. Items are cut into at most {@link #MAX_BLOCKS} blocks of at least
 * {@link #MIN_BLOCK} items, and the index holds the output rows before each block: {@code 8 · (blocks + 1)} bytes,
 * at most 512 KiB whatever the item count. A chunk finds its block by binary search and walks at most one block of
 * items to its first row. Immutable and thread-safe.
 */
final class VersionIndex {

  /** Most blocks an index holds (so at most 512 KiB of counts). */
  static final int MAX_BLOCKS = 1 << 16;

  /** Fewest items in a block (fewer blocks for small sources). */
  static final long MIN_BLOCK = 1_024;

  private final long items;
  private final long block;
  private final long[] before;

  /** An index over {@code items} items whose rows per block are {@code rowsPerBlock} (see {@link #counts}). */
  VersionIndex(long items, long[] rowsPerBlock) {
    this.items = items;
    this.block = blockSize(items);
    this.before = new long[rowsPerBlock.length + 1];
    for (int i = 0; i < rowsPerBlock.length; i++) {
      before[i + 1] = before[i] + rowsPerBlock[i];
    }
  }

  /** Items per block for {@code items} items. */
  static long blockSize(long items) {
    return Math.max(MIN_BLOCK, (items + MAX_BLOCKS - 1) / MAX_BLOCKS);
  }

  /** Per-block row counts when each item gives {@code base} rows; adjust them with {@link #add}. */
  static long[] counts(long items, long base) {
    long size = blockSize(items);
    int blocks = (int) ((items + size - 1) / size);
    long[] c = new long[blocks];
    for (int i = 0; i < blocks; i++) {
      c[i] = base * (Math.min(items, (i + 1) * size) - i * size);
    }
    return c;
  }

  /** Adds {@code delta} rows to the block of {@code item}. */
  static void add(long[] counts, long items, long item, long delta) {
    counts[(int) (item / blockSize(items))] += delta;
  }

  /** All output rows. */
  long rows() {
    return before[before.length - 1];
  }

  /**
   * The item holding output row {@code position} and the output rows before that item, as {@code {item, before}}.
   * {@code rowsOf} gives an item's output rows.
   */
  long[] locate(long position, LongUnaryOperator rowsOf) {
    if (position < 0 || position >= rows()) {
      throw new IllegalArgumentException("row " + position + " outside [0, " + rows() + ")");
    }
    int lo = 0;
    int hi = before.length - 2;
    while (lo < hi) { // the last block whose first row is at or before position
      int mid = (lo + hi + 1) >>> 1;
      if (before[mid] <= position) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    long item = lo * block;
    long seen = before[lo];
    while (item < items) {
      long r = rowsOf.applyAsLong(item);
      if (seen + r > position) {
        return new long[] {item, seen};
      }
      seen += r;
      item++;
    }
    throw new IllegalStateException("index and items disagree at row " + position);
  }
}
