package io.synthgen.compare;

import io.synthgen.profile.stats.BottomK;
import io.synthgen.random.XxHash64;
import java.util.Arrays;

/**
 * A deterministic sample of up to {@code capacity} rows of a table: the rows whose hashed row index is smallest
 * ({@link BottomK}), so the same table always gives the same sample whatever its file layout. Keeps, per sampled row and
 * column, the cell's number and label.
 */
final class RowSample {

  /** Seeds the row-index hash; fixed, so that a comparison is reproducible. */
  static final long SEED = 0x5EED_C0DE_5A3B_1E5L;

  private final BottomK choice;
  private final double[][] numbers;
  private final String[][] labels;
  private final boolean[] keepLabels;

  /** {@code keepLabels[c]}: whether column c's labels are kept (string and boolean columns). */
  RowSample(int capacity, boolean[] keepLabels) {
    this.choice = new BottomK(capacity);
    this.keepLabels = keepLabels.clone();
    this.numbers = new double[keepLabels.length][capacity];
    this.labels = new String[keepLabels.length][];
    for (int c = 0; c < keepLabels.length; c++) {
      labels[c] = keepLabels[c] ? new String[capacity] : null;
    }
  }

  /** Offers row {@code index} with its cells. */
  void offer(long index, Cell[] row) {
    int slot = choice.offer(XxHash64.hashLong(index, SEED));
    if (slot < 0) {
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
    return choice.size();
  }

  /** Column c's numbers, one per sampled row (NaN for null and non-numbers), in slot order. */
  double[] numbers(int c) {
    return Arrays.copyOf(numbers[c], size());
  }

  /** Column c's labels, one per sampled row (null for null), in slot order; null when not kept. */
  String[] labels(int c) {
    return labels[c] == null ? null : Arrays.copyOf(labels[c], size());
  }
}
