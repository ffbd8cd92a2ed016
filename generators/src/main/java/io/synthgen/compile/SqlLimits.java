package io.synthgen.compile;

/** Bounds of the SQL compiler; a plan beyond one is refused with a violation that names the limit. */
public final class SqlLimits {

  /**
   * Most parent rows a weighted foreign key may weigh in SQL: its alias slots are written into the statement as two
   * constant arrays (about 30 characters per parent), so 100,000 parents make about 3 MB of SQL.
   */
  public static final long MAX_WEIGHTED_PARENTS = 100_000;

  /**
   * Longest statement the compiler writes, in characters: the Statement Execution API of a Databricks SQL warehouse
   * takes statements of at most 16 MiB.
   */
  public static final int MAX_STATEMENT_CHARS = 16 * 1024 * 1024;

  private SqlLimits() {
  }
}
