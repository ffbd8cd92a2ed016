package io.synthgen.compile;

/** Bounds of the SQL compiler; a plan beyond one is refused with a violation that names the limit. */
public final class SqlLimits {

  /**
   * Most parent rows a weighted foreign key may weigh in SQL: its alias slots are written into the statement as two
   * constant arrays (about 30 characters per parent), so 100,000 parents make about 3 MB of SQL.
   */
  public static final long MAX_WEIGHTED_PARENTS = 100_000;

  /**
   * Longest statement the compiler writes, in bytes of UTF-8 (the name keeps its first spelling): the Statement
   * Execution API of a Databricks SQL warehouse takes statements of at most 16 MiB.
   */
  public static final int MAX_STATEMENT_CHARS = 16 * 1024 * 1024;

  /** The size of a statement as the limit counts it: its UTF-8 bytes. */
  public static long bytes(String statement) {
    long n = 0;
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < statement.length()
          && Character.isLowSurrogate(statement.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private SqlLimits() {
  }
}
