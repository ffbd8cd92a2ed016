package io.synthgen.plan;

import java.util.List;

/**
 * How a column's values are made: one record per strategy. JSON type id: {@code strategy}.
 * Every value is a pure function of (plan seed, table, column, row index) and, for derived strategies, of other
 * cells; see {@code docs/plan-format.md} for each strategy's parameters and semantics.
 */
public sealed interface ColumnGen {

  /** The JSON type id. */
  String strategy();

  /**
   * True when values can be NULL apart from the column's null rate: derived values inherit NULLs from their
   * inputs (a NULL parent attribute, a NULL operand) and a NULL constant is NULL everywhere.
   */
  default boolean mayDeriveNull() {
    return false;
  }

  /** start, start+step, start+2*step, ... by row index. */
  record Sequence(long start, long step) implements ColumnGen {
    public String strategy() { return "sequence"; }
  }

  /**
   * Uniform over [min, max] (inclusive for integers and decimals). {@code step}, when set, restricts values to
   * min, min+step, ... For decimals values are rounded to the column's scale.
   */
  record Uniform(double min, double max, Double step) implements ColumnGen {
    public String strategy() { return "uniform"; }
  }

  /** One of {@code values}, with probabilities proportional to {@code weights} (all equal when empty). */
  record Values(List<Object> values, List<Double> weights) implements ColumnGen {
    public String strategy() { return "values"; }
  }

  /** A draw from a distribution, scaled, offset, clamped and rounded. */
  record Dist(Shaped shaped) implements ColumnGen {
    public String strategy() { return "distribution"; }
  }

  /**
   * A date or timestamp in [start, end] at {@code interval} granularity, with a time profile shaping the density.
   * start and end are dates, timestamps or reference-relative instants ({@code ref}, {@code ref-180d}).
   */
  record DateRange(String start, String end, String interval, TimeProfile profile) implements ColumnGen {
    public String strategy() { return "date_range"; }
  }

  /** A value from a named dictionary (first names, cities, companies...); see {@code synthgen dictionaries}. */
  record Dictionary(String dictionary) implements ColumnGen {
    public String strategy() { return "dictionary"; }
  }

  /** A string from a template: {@code #} digit, {@code !} digit 1-9, {@code ?} letter A-Z, {@code *} A-Z or 0-9. */
  record Pattern(String pattern) implements ColumnGen {
    public String strategy() { return "pattern"; }
  }

  /** A random (version 4 layout) UUID string. */
  record Uuid() implements ColumnGen {
    public String strategy() { return "uuid"; }
  }

  /** true with the given probability. */
  record Bool(double probability) implements ColumnGen {
    public String strategy() { return "boolean"; }
  }

  /** The same value on every row. */
  record Constant(Object value) implements ColumnGen {
    public String strategy() { return "constant"; }

    @Override
    public boolean mayDeriveNull() {
      return value == null;
    }
  }

  /** A key of a row of {@code references} ("table.column"), spread as {@code distribution} says. */
  record ForeignKey(String references, FkDistribution distribution) implements ColumnGen {
    public String strategy() { return "foreign_key"; }
  }

  /** In a table generated per parent: the key of the parent row this row belongs to ("table.column"). */
  record Parent(String references) implements ColumnGen {
    public String strategy() { return "parent"; }
  }

  /** In a table generated per parent: this row's position among its parent's children, from {@code start}. */
  record ChildIndex(long start) implements ColumnGen {
    public String strategy() { return "child_index"; }
  }

  /** An attribute of the parent row that the foreign key column {@code via} points to. */
  record Lookup(String via, String column) implements ColumnGen {
    public String strategy() { return "lookup"; }

    @Override
    public boolean mayDeriveNull() {
      return true;
    }
  }

  /**
   * An aggregate over this row's children in a table generated per parent of this table: count, or sum/min/max/avg
   * of one of their columns.
   */
  record ChildAggregate(String table, String function, String column) implements ColumnGen {
    /** The aggregate functions, in documentation order. */
    public static final List<String> FUNCTIONS = List.of("count", "sum", "min", "max", "avg");

    public String strategy() { return "child_aggregate"; }

    @Override
    public boolean mayDeriveNull() {
      return true;
    }
  }

  /** A SQL expression over the row's other columns; see {@code docs/expressions.md}. */
  record Expression(String expr) implements ColumnGen {
    public String strategy() { return "expression"; }

    @Override
    public boolean mayDeriveNull() {
      return true;
    }
  }

  /** Every strategy's JSON id, in documentation order. */
  List<String> STRATEGIES = List.of("sequence", "uniform", "values", "distribution", "date_range", "dictionary",
      "pattern", "uuid", "boolean", "constant", "foreign_key", "parent", "child_index", "lookup", "child_aggregate",
      "expression");
}
