package io.synthgen.draft.predict;

import java.util.List;

/**
 * What a plan will make, said before it is generated: the shares of its weighted categorical columns, how its
 * foreign keys spread children over parents (per parent category when the key is weighted by one), and the
 * children per parent of its tables generated per parent. Every figure says how it was obtained ({@link Method});
 * lists are bounded ({@link Predictor}'s limits) and say how many entries they left off.
 *
 * @param columns weighted {@code values} columns, in plan order
 * @param foreignKeys foreign keys, in plan order
 * @param perParent tables generated per parent, in plan order
 * @param columnsLeftOff weighted columns past {@link Predictor#MAX_COLUMNS}
 * @param foreignKeysLeftOff foreign keys past {@link Predictor#MAX_FOREIGN_KEYS}
 * @param perParentLeftOff per-parent tables past {@link Predictor#MAX_PER_PARENT}
 */
public record Predictions(List<ColumnShares> columns, List<KeySpread> foreignKeys, List<PerParentCount> perParent,
    int columnsLeftOff, int foreignKeysLeftOff, int perParentLeftOff) {

  public Predictions {
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
    perParent = List.copyOf(perParent);
  }

  public boolean isEmpty() {
    return columns.isEmpty() && foreignKeys.isEmpty() && perParent.isEmpty();
  }

  /** How a figure was obtained. */
  public enum Method {
    /** From the plan's parameters by a formula: the expectation over the run's random draws. */
    ANALYTIC,
    /** From every row involved, computed as the run computes it: the expectation given those rows. */
    EXACT,
    /** Estimated from evenly spaced rows of the run ({@code sampleRows} of them), computed as the run computes them. */
    SAMPLE;

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One value's share of a column's rows.
   *
   * @param value the value as text
   * @param share fraction of all rows, NULLs included in the denominator
   * @param rows expected rows with the value
   */
  public record Share(String value, double share, double rows) {
  }

  /**
   * A weighted categorical column: the share of each value.
   *
   * @param shares the values in plan order (the most frequent {@link Predictor#MAX_CATEGORIES} when there are more)
   * @param nullShare fraction of NULL rows (the column's null rate)
   * @param otherValues values left off the list
   * @param otherShare their share together
   */
  public record ColumnShares(String table, String column, long rows, List<Share> shares, double nullShare,
      int otherValues, double otherShare, Method method) {

    public ColumnShares {
      shares = List.copyOf(shares);
    }
  }

  /**
   * Parents of one category of a foreign key's parent table, and the children they get.
   *
   * @param value the category value as text, null for parents whose category is NULL
   * @param parents expected parent rows with the value
   * @param parentShare their fraction of the parent rows
   * @param childrenPerParent expected children of one such parent
   * @param childShare their fraction of the children that have a parent (non-NULL keys)
   */
  public record CategorySpread(String value, double parents, double parentShare, double childrenPerParent,
      double childShare) {
  }

  /**
   * The fraction {@code childShare} of the children that the most-chosen {@code parentFraction} of the parents get
   * (1 % and 10 %, rounded up to whole parents).
   */
  public record TopShare(double parentFraction, double childShare) {
  }

  /**
   * How a foreign key spreads its table's rows over the parent rows.
   *
   * @param references {@code table.column} of the parent
   * @param distribution the key's distribution: {@code uniform}, {@code zipf} or {@code weighted}
   * @param by the parent column a weighted key is weighted by, or null
   * @param category the parent's categorical column the weight derives from, or null when there is none
   * @param childRows rows of the table holding the key
   * @param keyedRows of them, the expected rows with a non-NULL key
   * @param parents rows of the parent table
   * @param childrenPerParent expected children of one parent on average ({@code keyedRows / parents})
   * @param byCategory per category of {@code category}, in its plan order (bounded)
   * @param categoriesLeftOff categories past {@link Predictor#MAX_CATEGORIES}
   * @param top the share of the children the most-chosen parents get (zipf and weighted keys)
   * @param sampleRows parent rows the estimate was computed from, when {@code method} is SAMPLE or EXACT; else 0
   */
  public record KeySpread(String table, String column, String references, String parentTable, String distribution,
      String by, String category, long childRows, double keyedRows, long parents, double childrenPerParent,
      List<CategorySpread> byCategory, int categoriesLeftOff, List<TopShare> top, Method method, long sampleRows) {

    public KeySpread {
      byCategory = List.copyOf(byCategory);
      top = List.copyOf(top);
    }
  }

  /**
   * A table generated per parent: its parents' children.
   *
   * @param parents rows of the parent table
   * @param rows exact rows of the table
   * @param childrenPerParent exact mean count per parent ({@code rows / parents})
   * @param min the count's lower bound, or null when unbounded
   * @param max the count's upper bound, or null when unbounded
   */
  public record PerParentCount(String table, String parentTable, long parents, long rows, double childrenPerParent,
      Double min, Double max, Method method) {
  }
}
