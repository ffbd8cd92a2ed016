package io.synthgen.series.keys;

/**
 * The values a key holds at a point of its series: either those of its insert ({@link ChangeKind#APPEND}: batch of
 * the insert, APPEND ordinal, values = base row {@code key}) or those drawn by its last UPDATE (batch b', UPDATE
 * ordinal j', values = virtual row {@link KeyLifecycle#versionRow(long, long)}). {@code valuesRow} is the row index
 * the generators evaluate the changed columns at; unchanged columns always come from the base row {@code key}.
 */
public record Version(ChangeKind kind, long batch, long ordinal, long valuesRow) {

  public Version {
    if (kind != ChangeKind.APPEND && kind != ChangeKind.UPDATE) {
      throw new IllegalArgumentException("a version is made by an APPEND or an UPDATE, not " + kind);
    }
  }

  /** True for the values of the insert (version 0). */
  public boolean isInsert() {
    return kind == ChangeKind.APPEND;
  }
}
