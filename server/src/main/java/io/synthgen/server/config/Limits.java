package io.synthgen.server.config;

/**
 * What one plan may hold on this server. Checked on every proposal and revision, with an explanation when a plan
 * goes over.
 *
 * @param maxRows rows in all tables together (exact counts, tables generated per parent included)
 * @param maxTables tables per plan
 * @param maxColumns columns per table, hidden helpers included
 */
public record Limits(long maxRows, int maxTables, int maxColumns) {

  public static final Limits DEFAULT = new Limits(100_000_000L, 20, 200);

  public Limits {
    if (maxRows < 1 || maxTables < 1 || maxColumns < 1) {
      throw new IllegalArgumentException("limits must be at least 1: rows " + maxRows + ", tables " + maxTables
          + ", columns " + maxColumns);
    }
  }
}
