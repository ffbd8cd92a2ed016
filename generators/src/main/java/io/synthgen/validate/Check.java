package io.synthgen.validate;

/**
 * One post-run check: what was checked, what the plan expects, what the output shows.
 *
 * @param kind rows, nulls, weights, range, unique, foreign_key
 */
public record Check(String table, String column, String kind, String expected, String observed, boolean passed) {

  @Override
  public String toString() {
    return (passed ? "ok   " : "FAIL ") + table + (column == null ? "" : "." + column) + " " + kind
        + ": expected " + expected + ", got " + observed;
  }
}
