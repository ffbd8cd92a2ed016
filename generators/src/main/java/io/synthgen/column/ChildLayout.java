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

  /** For each child row: its parent row and its 0-based position among its siblings. */
  void locate(long[] childRows, int n, long[] parentOut, long[] ordinalOut);
}
