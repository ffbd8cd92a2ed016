package io.synthgen.plan;

/** How a drawn real number becomes a column value. NONE keeps it (rounded only by the column type). */
public enum Rounding {
  NONE, FLOOR, CEIL, ROUND;

  /** The rounded value: floor, ceil, half-up, or {@code v} itself for NONE. */
  public double apply(double v) {
    switch (this) {
      case FLOOR: return Math.floor(v);
      case CEIL: return Math.ceil(v);
      case ROUND: return Math.floor(v + 0.5);
      case NONE: return v;
    }
    throw new IllegalStateException(name());
  }

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
