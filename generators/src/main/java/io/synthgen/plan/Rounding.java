package io.synthgen.plan;

/** How a drawn real number becomes a column value. NONE keeps it (rounded only by the column type). */
public enum Rounding {
  NONE, FLOOR, CEIL, ROUND;

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
