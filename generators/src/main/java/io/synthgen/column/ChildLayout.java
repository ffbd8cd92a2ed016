package io.synthgen.column;

/**
 * Where the rows of a table generated per parent sit: parent p's children are the contiguous rows
 * [firstChild(p), firstChild(p) + childCount(p)), in parent order. Immutable and thread-safe.
 */
public interface ChildLayout {

  String parentTable();

  long parentCount();

  /** Total child rows. */
  long childRows();

  long childCount(long parentRow);

  long firstChild(long parentRow);

  /**
   * For each parent row: its first child row and its child count. Runs of consecutive or repeated parent rows (a
   * chunk of a table, or the parents of a chunk of children) cost one count per row.
   */
  default void children(long[] parentRows, int n, long[] firstOut, long[] countOut) {
    for (int i = 0; i < n; i++) {
      long p = parentRows[i];
      if (i > 0 && p == parentRows[i - 1]) {
        countOut[i] = countOut[i - 1];
        firstOut[i] = firstOut[i - 1];
        continue;
      }
      countOut[i] = childCount(p);
      firstOut[i] = i > 0 && p == parentRows[i - 1] + 1 ? firstOut[i - 1] + countOut[i - 1] : firstChild(p);
    }
  }

  /** For each child row: its parent row and its 0-based position among its siblings. */
  void locate(long[] childRows, int n, long[] parentOut, long[] ordinalOut);
}
