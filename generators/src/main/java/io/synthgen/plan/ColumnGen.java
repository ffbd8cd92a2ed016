package io.synthgen.plan;

import java.util.List;

/**
 * How a column's values are made: one record per strategy. JSON type id: {@code strategy}.
 * Every value is a pure function of (plan seed, table, column, row index) and, for derived strategies, of other
 * cells; see {@code docs/plan-format.md} for each strategy's parameters and semantics.
 *
 * <p>Code that handles every strategy (the generator factory, the plan's description, table schemas, the plan
 * encoder, reachable value ranges, the plan rules) dispatches through {@link Visitor}, so a new strategy does not
 * compile until each of them handles it.
 */
public sealed interface ColumnGen {

  /** The JSON type id. */
  String strategy();

  /** Calls the method of {@code v} named after this record and returns its result. */
  <R> R accept(Visitor<R> v);

  /**
   * One method per strategy, named after its record. Implement it (no default methods, no adapter with defaults)
   * wherever every strategy needs an answer: adding a record to {@link ColumnGen} then fails to compile at each
   * such place instead of reaching an {@code else} branch at run time.
   *
   * @param <R> what the dispatch computes ({@link Void} for side effects only)
   */
  interface Visitor<R> {
    R sequence(Sequence g);

    R uniform(Uniform g);

    R values(Values g);

    R dist(Dist g);

    R dateRange(DateRange g);

    R dictionary(Dictionary g);

    R pattern(Pattern g);

    R uuid(Uuid g);

    R bool(Bool g);

    R constant(Constant g);

    R foreignKey(ForeignKey g);

    R parent(Parent g);

    R childIndex(ChildIndex g);

    R lookup(Lookup g);

    R childAggregate(ChildAggregate g);

    R expression(Expression g);
  }

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
    public <R> R accept(Visitor<R> v) { return v.sequence(this); }
  }

  /**
   * Uniform over [min, max] (inclusive for integers and decimals). {@code step}, when set, restricts values to
   * min, min+step, ... For decimals values are rounded to the column's scale.
   */
  record Uniform(double min, double max, Double step) implements ColumnGen {
    public String strategy() { return "uniform"; }
    public <R> R accept(Visitor<R> v) { return v.uniform(this); }
  }

  /** One of {@code values}, with probabilities proportional to {@code weights} (all equal when empty). */
  record Values(List<Object> values, List<Double> weights) implements ColumnGen {
    public String strategy() { return "values"; }
    public <R> R accept(Visitor<R> v) { return v.values(this); }
  }

  /** A draw from a distribution, scaled, offset, clamped and rounded. */
  record Dist(Shaped shaped) implements ColumnGen {
    public String strategy() { return "distribution"; }
    public <R> R accept(Visitor<R> v) { return v.dist(this); }
  }

  /**
   * A date or timestamp in [start, end] at {@code interval} granularity, with a time profile shaping the density.
   * start and end are dates, timestamps or reference-relative instants ({@code ref}, {@code ref-180d}).
   */
  record DateRange(String start, String end, String interval, TimeProfile profile) implements ColumnGen {
    public String strategy() { return "date_range"; }
    public <R> R accept(Visitor<R> v) { return v.dateRange(this); }
  }

  /** A value from a named dictionary (first names, cities, companies...); see {@code synthgen dictionaries}. */
  record Dictionary(String dictionary) implements ColumnGen {
    public String strategy() { return "dictionary"; }
    public <R> R accept(Visitor<R> v) { return v.dictionary(this); }
  }

  /** A string from a template: {@code #} digit, {@code !} digit 1-9, {@code ?} letter A-Z, {@code *} A-Z or 0-9. */
  record Pattern(String pattern) implements ColumnGen {
    public String strategy() { return "pattern"; }
    public <R> R accept(Visitor<R> v) { return v.pattern(this); }
  }

  /** A random (version 4 layout) UUID string. */
  record Uuid() implements ColumnGen {
    public String strategy() { return "uuid"; }
    public <R> R accept(Visitor<R> v) { return v.uuid(this); }
  }

  /** true with the given probability. */
  record Bool(double probability) implements ColumnGen {
    public String strategy() { return "boolean"; }
    public <R> R accept(Visitor<R> v) { return v.bool(this); }
  }

  /** The same value on every row. */
  record Constant(Object value) implements ColumnGen {
    public String strategy() { return "constant"; }
    public <R> R accept(Visitor<R> v) { return v.constant(this); }

    @Override
    public boolean mayDeriveNull() {
      return value == null;
    }
  }

  /** A key of a row of {@code references} ("table.column"), spread as {@code distribution} says. */
  record ForeignKey(String references, FkDistribution distribution) implements ColumnGen {
    public String strategy() { return "foreign_key"; }
    public <R> R accept(Visitor<R> v) { return v.foreignKey(this); }
  }

  /** In a table generated per parent: the key of the parent row this row belongs to ("table.column"). */
  record Parent(String references) implements ColumnGen {
    public String strategy() { return "parent"; }
    public <R> R accept(Visitor<R> v) { return v.parent(this); }
  }

  /** In a table generated per parent: this row's position among its parent's children, from {@code start}. */
  record ChildIndex(long start) implements ColumnGen {
    public String strategy() { return "child_index"; }
    public <R> R accept(Visitor<R> v) { return v.childIndex(this); }
  }

  /** An attribute of the parent row that the foreign key column {@code via} points to. */
  record Lookup(String via, String column) implements ColumnGen {
    public String strategy() { return "lookup"; }
    public <R> R accept(Visitor<R> v) { return v.lookup(this); }

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
    public <R> R accept(Visitor<R> v) { return v.childAggregate(this); }

    @Override
    public boolean mayDeriveNull() {
      return true;
    }
  }

  /** A SQL expression over the row's other columns; see {@code docs/expressions.md}. */
  record Expression(String expr) implements ColumnGen {
    public String strategy() { return "expression"; }
    public <R> R accept(Visitor<R> v) { return v.expression(this); }

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
