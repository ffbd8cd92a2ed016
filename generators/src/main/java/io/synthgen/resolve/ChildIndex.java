package io.synthgen.resolve;

import io.synthgen.column.ChildLayout;
import io.synthgen.column.DistGen;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.random.Stream;
import java.util.stream.IntStream;

/**
 * The layout of a table generated per parent. Parent p has {@code count(p)} children, a pure function of p; the
 * index keeps only the running total at every {@value #BLOCK}-th parent (8 bytes per block: 6 MB for 100 million
 * parents, 63 MB at the limit of {@link PlanLimits#MAX_PER_PARENT_PARENTS}), and finds a child's parent by binary
 * search plus a scan of at most one block.
 */
public final class ChildIndex implements ChildLayout {

  static final int BLOCK = 128;
  /** From this many blocks (a million parents) the counts are drawn in parallel. */
  private static final int PARALLEL_BLOCKS = 8_192;

  private final String parentTable;
  private final long parentCount;
  private final DistGen.ShapedSampler count;
  private final long[] blockStart;
  private final long total;

  ChildIndex(String parentTable, long parentCount, DistGen.ShapedSampler count) {
    this.parentTable = parentTable;
    this.parentCount = parentCount;
    this.count = count;
    if (parentCount > PlanLimits.MAX_PER_PARENT_PARENTS) {
      throw new IllegalArgumentException(parentTable + " has " + parentCount + " rows; a table generated per parent "
          + "may have at most " + PlanLimits.MAX_PER_PARENT_PARENTS + " parent rows");
    }
    int blocks = (int) ((parentCount + BLOCK - 1) / BLOCK);
    // every parent's count is drawn once: blocks are summed in parallel (each a pure function of its parents), then
    // turned into running totals, so the layout is the same whatever the threads
    long[] sums = new long[blocks + 1];
    IntStream all = IntStream.range(0, blocks);
    (blocks >= PARALLEL_BLOCKS ? all.parallel() : all).forEach(b -> sums[b + 1] = blockSum(b));
    for (int b = 0; b < blocks; b++) {
      sums[b + 1] += sums[b];
    }
    this.blockStart = sums;
    this.total = sums[blocks];
  }

  private long blockSum(int b) {
    long end = Math.min(parentCount, (long) (b + 1) * BLOCK);
    long acc = 0;
    for (long p = (long) b * BLOCK; p < end; p++) {
      acc += childCount(p);
    }
    return acc;
  }

  /** The draw of a parent's child count: {@code childCount(p) = max(0, (long) count.sample(rowHash(p)))}. */
  DistGen.ShapedSampler count() {
    return count;
  }

  @Override
  public String parentTable() {
    return parentTable;
  }

  @Override
  public long parentCount() {
    return parentCount;
  }

  @Override
  public long childRows() {
    return total;
  }

  @Override
  public long childCount(long parentRow) {
    return Math.max(0, (long) count.sample(Stream.rowHash(parentRow)));
  }

  @Override
  public long firstChild(long parentRow) {
    int b = (int) (parentRow / BLOCK);
    long acc = blockStart[b];
    for (long p = (long) b * BLOCK; p < parentRow; p++) {
      acc += childCount(p);
    }
    return acc;
  }

  @Override
  public void locate(long[] childRows, int n, long[] parentOut, long[] ordinalOut) {
    long curParent = -1;
    long curFirst = 0;
    long curCount = 0;
    for (int i = 0; i < n; i++) {
      long r = childRows[i];
      if (curParent >= 0 && r >= curFirst && r < curFirst + curCount) {
        parentOut[i] = curParent;
        ordinalOut[i] = r - curFirst;
        continue;
      }
      if (curParent >= 0 && r >= curFirst + curCount) {
        // walk forward from the current parent: the common case for contiguous chunks
        long p = curParent;
        long f = curFirst + curCount;
        long c = p + 1 < parentCount ? childCount(p + 1) : 0;
        p++;
        int steps = 0;
        while (p < parentCount && r >= f + c && steps < 4 * BLOCK) {
          f += c;
          p++;
          c = p < parentCount ? childCount(p) : 0;
          steps++;
        }
        if (p < parentCount && r >= f && r < f + c) {
          curParent = p;
          curFirst = f;
          curCount = c;
          parentOut[i] = p;
          ordinalOut[i] = r - f;
          continue;
        }
      }
      long[] found = seek(r);
      curParent = found[0];
      curFirst = found[1];
      curCount = found[2];
      parentOut[i] = curParent;
      ordinalOut[i] = r - curFirst;
    }
  }

  /** {parent, its first child row, its child count} for a child row. */
  private long[] seek(long r) {
    if (r < 0 || r >= total) {
      throw new IndexOutOfBoundsException("child row " + r + " outside 0.." + (total - 1));
    }
    int lo = 0;
    int hi = blockStart.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (blockStart[mid] <= r) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    long p = (long) lo * BLOCK;
    long f = blockStart[lo];
    long c = childCount(p);
    while (r >= f + c) {
      f += c;
      p++;
      c = childCount(p);
    }
    return new long[] {p, f, c};
  }
}
