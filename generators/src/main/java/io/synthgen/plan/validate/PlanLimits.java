package io.synthgen.plan.validate;

/**
 * The bounds a plan must stay within, checked when the plan is read or validated, before anything is laid out,
 * loaded or generated. Each bound keeps one kind of work (memory, time, output size) proportional to what a
 * plan may reasonably ask for; docs/plan-format.md ("Limits") lists them with the reason, and the plan schema
 * states those that JSON Schema can express.
 */
public final class PlanLimits {

  private PlanLimits() {
  }

  /** Rows of one table (for a table generated per parent: its expected rows). */
  public static final long MAX_ROWS = 1_000_000_000_000L;

  /** Rows of all tables of a plan together (expected rows for tables generated per parent). */
  public static final long MAX_TOTAL_ROWS = 1_000_000_000_000L;

  /** Tables in a plan. */
  public static final int MAX_TABLES = 1_000;

  /** Columns in a table. */
  public static final int MAX_COLUMNS = 1_000;

  /** Table, column and plan names. */
  public static final int MAX_NAME_LENGTH = 128;

  /** Descriptions and notes. */
  public static final int MAX_TEXT_LENGTH = 4_000;

  /** String parameters (references, dictionary names, dates, string values and constants). */
  public static final int MAX_STRING_LENGTH = 1_000;

  /** A pattern's template: every character of it is written on every row. */
  public static final int MAX_PATTERN_LENGTH = 256;

  /** A local destination's path. */
  public static final int MAX_PATH_LENGTH = 1_024;

  /** Entries of a values column (and so its weights). */
  public static final int MAX_VALUES = 10_000;

  /**
   * Buckets a time profile weighs (one per hour of the range, or per interval when longer): each takes 36 bytes of
   * the column's tables.
   */
  public static final long MAX_PROFILE_BUCKETS = 1_000_000;

  /** Holidays, and incident windows, of one time profile. */
  public static final int MAX_PROFILE_ENTRIES = 1_000;

  /**
   * Children one parent row may get: the largest value a per_parent count can reach (its max, or the largest value
   * the distribution draws). An aggregate over a parent's children recomputes all of them.
   */
  public static final long MAX_CHILDREN_PER_PARENT = 100_000;

  /**
   * Rows of the parent of a table generated per parent. Laying the children out reads every parent's count once
   * and keeps 8 bytes per 128 parents (at this bound: a billion draws and 63 MB).
   */
  public static final long MAX_PER_PARENT_PARENTS = 1_000_000_000L;

  /** Rows of the parent of a foreign key weighted by a parent column: its alias table holds 12 bytes per row. */
  public static final long MAX_WEIGHTED_PARENTS = 20_000_000L;

  /**
   * Batches of a series: the plan is checked for each of batches 0 .. batches - 1 (key lifecycles, key bounds, time
   * windows), so checking costs time in proportion.
   */
  public static final long MAX_BATCHES = 100_000;

  /** Operations of one change-feed batch after the first (each is a row, two for a Delta CDF update). */
  public static final long MAX_FEED_ROWS_PER_BATCH = 1_000_000_000L;

  /** Defects injected into one table: each is applied to every row the table writes. */
  public static final int MAX_DEFECTS = 32;

  /** Formats of one date_formats defect. */
  public static final int MAX_DATE_FORMATS = 16;

  /** Characters of one date_formats pattern (a java.time pattern). */
  public static final int MAX_DATE_FORMAT_LENGTH = 64;
}
