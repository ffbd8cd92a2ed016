package io.synthgen.vec;

import io.synthgen.plan.DataType;

/**
 * A column of values for the rows of one batch: a primitive array plus an optional null mask. Vectors are mutable
 * while a generator fills them and treated as read-only afterwards. Element i belongs to the batch's i-th row.
 */
public abstract sealed class Vec permits LongVec, DoubleVec, BoolVec, StrVec {

  protected final DataType type;
  protected final int size;
  /** null when no element is null. */
  protected boolean[] nulls;

  protected Vec(DataType type, int size) {
    this.type = type;
    this.size = size;
  }

  public DataType type() {
    return type;
  }

  public int size() {
    return size;
  }

  public boolean isNull(int i) {
    return nulls != null && nulls[i];
  }

  /** The null mask, or null when no element is null. */
  public boolean[] nulls() {
    return nulls;
  }

  public void setNulls(boolean[] mask) {
    this.nulls = mask;
  }

  public void setNull(int i) {
    if (nulls == null) {
      nulls = new boolean[size];
    }
    nulls[i] = true;
  }

  public int nullCount() {
    if (nulls == null) {
      return 0;
    }
    int c = 0;
    for (int i = 0; i < size; i++) {
      if (nulls[i]) {
        c++;
      }
    }
    return c;
  }

  /** The value at i as a Java object (Long, Double, Boolean, String, LocalDate, LocalDateTime, BigDecimal) or null. */
  public abstract Object get(int i);
}
