package io.synthgen.profile.stats;

/**
 * The choice of a bottom-k sample: of the rows offered, the k with the smallest priorities (a hash of the row index,
 * compared unsigned), whatever the order or chunking in which they arrive. It hands out slots 0 to k-1; the caller
 * keeps a row's values in its slot. A max-heap of slots by priority; O(1) for the rows that are not kept.
 */
public final class BottomK {

  private final int k;
  private final long[] priority;
  /** A max-heap of slots by priority, so the root is the slot the next smaller priority replaces. */
  private final int[] heap;
  private int size;

  public BottomK(int k) {
    this.k = k;
    this.priority = new long[k];
    this.heap = new int[k];
  }

  /** The slot the row of {@code p} is to take (a new one, or the one of the row it evicts), or -1 when not kept. */
  public int offer(long p) {
    if (size < k) {
      int slot = size;
      priority[slot] = p;
      heap[size] = slot;
      up(size++);
      return slot;
    }
    if (k > 0 && Long.compareUnsigned(p, priority[heap[0]]) < 0) {
      int slot = heap[0];
      priority[slot] = p;
      down(0);
      return slot;
    }
    return -1;
  }

  /** Slots taken: 0 to size - 1. */
  public int size() {
    return size;
  }

  private int compare(int a, int b) {
    return Long.compareUnsigned(priority[heap[a]], priority[heap[b]]);
  }

  private void up(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (compare(i, parent) <= 0) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      int m = i;
      if (l < size && compare(l, m) > 0) {
        m = l;
      }
      if (l + 1 < size && compare(l + 1, m) > 0) {
        m = l + 1;
      }
      if (m == i) {
        return;
      }
      swap(i, m);
      i = m;
    }
  }

  private void swap(int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
