package io.synthgen.vec;

import io.synthgen.plan.DataType;

/** double values. */
public final class DoubleVec extends Vec {

  public final double[] values;

  public DoubleVec(int size) {
    this(new double[size], size);
  }

  public DoubleVec(double[] values, int size) {
    super(DataType.DOUBLE, size);
    this.values = values;
  }

  @Override
  public Object get(int i) {
    return isNull(i) ? null : values[i];
  }
}
