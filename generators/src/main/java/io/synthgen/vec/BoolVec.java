package io.synthgen.vec;

import io.synthgen.plan.DataType;

/** boolean values. */
public final class BoolVec extends Vec {

  public final boolean[] values;

  public BoolVec(int size) {
    this(new boolean[size], size);
  }

  public BoolVec(boolean[] values, int size) {
    super(DataType.BOOLEAN, size);
    this.values = values;
  }

  @Override
  public Object get(int i) {
    return isNull(i) ? null : values[i];
  }
}
