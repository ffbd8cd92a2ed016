package io.synthgen.compare;

import io.synthgen.random.XxHash64;

/**
 * A deterministic sample of up to {@code capacity} rows of a table: the rows whose hashed row index is smallest
 * (bottom-k), so the same table always gives the same sample whatever its file layout. Keeps, per sampled row and
 * column, the cell's number and label.
 */
final class RowSample {

  /** Seeds the row-index hash; fixed, so that a comparison is reproducible. */
  static final long SEED = 0x5EED_C0DE_5A3B_1E5L;

  private final int capacity;
  private final long[] priority;
  /** A max-heap of slots by priority (unsigned), so the root is the slot the next smaller priority replaces. */
  private final int[] heap;
  private final double[][] numbers;
  private final String[][] labels;
  private final boolean[] keepLabels;
  private int size;

  /** {@code keepLabels[c]}: whether column c's labels are kept (string and boolean columns). */
  RowSample(int capacity, boolean[] keepLabels) {
    this.capacity = capacity;
    this.priority = new long[capacity];
    this.heap = new int[capacity];
    this.keepLabels = keepLabels.clone();
    this.numbers = new double[keepLabels.length][capacity];
    this.labels = new String[keepLabels.length][];
    for (int c = 0; c < keepLabels.length; c++) {
      labels[c] = keepLabels[c] ? new String[capacity] : null;
    }
  }

  /** Offers row {@code index} with its cells. */
  void offer(long index, Cell[] row) {
    long p = XxHash64.hashLong(index, SEED);
    int slot;
    if (size < capacity) {
      slot = size;
      priority[slot] = p;
      heap[size] = slot;
      siftUp(size++);
    } else if (Long.compareUnsigned(p, priority[heap[0]]) < 0) {
      slot = heap[0];
      priority[slot] = p;
      siftDown(0);
    } else {
      return;
    }
    for (int c = 0; c < row.length; c++) {
      numbers[c][slot] = row[c].number();
      if (keepLabels[c]) {
        labels[c][slot] = row[c].label();
      }
    }
  }

  int size() {
    return size;
  }

  /** Column c's numbers, one per sampled row (NaN for null and non-numbers), in slot order. */
  double[] numbers(int c) {
    return java.util.Arrays.copyOf(numbers[c], size);
  }

  /** Column c's labels, one per sampled row (null for null), in slot order; null when not kept. */
  String[] labels(int c) {
    return labels[c] == null ? null : java.util.Arrays.copyOf(labels[c], size);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (Long.compareUnsigned(priority[heap[i]], priority[heap[parent]]) <= 0) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      int largest = i;
      if (l < size && Long.compareUnsigned(priority[heap[l]], priority[heap[largest]]) > 0) {
        largest = l;
      }
      if (l + 1 < size && Long.compareUnsigned(priority[heap[l + 1]], priority[heap[largest]]) > 0) {
        largest = l + 1;
      }
      if (largest == i) {
        return;
      }
      swap(i, largest);
      i = largest;
    }
  }

  private void swap(int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
