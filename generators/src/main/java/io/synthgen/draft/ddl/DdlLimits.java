package io.synthgen.draft.ddl;

/**
 * The bounds on a DDL script, checked before and while it is read; each keeps the work proportional to a schema a
 * person may reasonably have. docs/from-ddl.md ("Limits") lists them; a script over one is refused with the limit
 * and how to stay under it.
 */
public final class DdlLimits {

  private DdlLimits() {
  }

  /** Characters of DDL text (a 1,000-table schema dump is well under it). */
  public static final int MAX_DDL_LENGTH = 1_000_000;

  /** Statements in one script. */
  public static final int MAX_STATEMENTS = 5_000;

  /**
   * Milliseconds JSqlParser may spend on one statement or CHECK expression: a syntax error deep inside nested
   * parentheses makes it backtrack for a very long time, so a statement that takes longer is refused.
   */
  public static final long PARSE_BUDGET_MILLIS = 2_000;

  /** Milliseconds all statements of a script may take to parse together. */
  public static final long TOTAL_PARSE_BUDGET_MILLIS = 20_000;

  /** Rows given to a table that references no other table (change them with revise_plan or --rows). */
  public static final long ROOT_ROWS = 1_000;

  /** A table that references others gets this many times the rows of its largest parent ... */
  public static final long ROWS_PER_PARENT = 5;

  /** ... up to this many rows. */
  public static final long MAX_DRAFTED_ROWS = 1_000_000;

  /**
   * A UNIQUE string column becomes a pattern with at least this many times rows² combinations (the plan's rule for
   * a pattern key, docs/plan-format.md "Keys") ...
   */
  public static final double UNIQUE_PATTERN_SAFETY = 5e8;

  /** ... counted for this many times the drafted rows, so the rows can grow before the pattern must. */
  public static final long UNIQUE_ROWS_HEADROOM = 10;

  /** Draws that estimate how many values of a drafted distribution a CHECK range would clamp. */
  public static final int CLAMP_SAMPLE = 4_096;

  /** The largest share of values a CHECK range may clamp before the distribution is moved or made uniform. */
  public static final double MAX_CLAMPED_SHARE = 0.01;
}
