package io.synthgen.plan.validate;

import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The derived parts of a series plan, in one place for the validator, the engine and the rendered plan: the columns
 * an append table advances when {@code batch.advance} is left out, and the columns an UPDATE draws anew when
 * {@code change_feed.changes} is left out.
 */
public final class SeriesDefaults {

  private SeriesDefaults() {
  }

  /**
   * The columns of {@code t} that move one interval per batch (the rows of an append table, the appended and updated
   * rows of a table with a change feed): {@code batch.advance} when given, else every date or timestamp
   * {@code date_range} column whose range spans at most one interval ({@link #span}: end - start), event times
   * rather than birth dates. Empty for another table or a plan without a (valid) series.
   */
  public static List<String> advance(Plan plan, Table t) {
    if (!appends(plan, t) && t.changeFeed() == null) {
      return List.of();
    }
    if (t.batching().advance() != null) {
      return t.batching().advance();
    }
    Duration interval = plan.series() == null ? null : TimeSpec.interval(plan.series().interval());
    List<String> out = new ArrayList<>();
    for (Column c : t.columns()) {
      Duration span = span(plan.referenceDate(), c);
      if (interval != null && c.name() != null && span != null && span.compareTo(interval) <= 0) {
        out.add(c.name());
      }
    }
    return List.copyOf(out);
  }

  /**
   * True when {@code t} gets new rows in every batch: its batch mode is append, or it is generated per row of a table
   * that does (a per_parent child of an append table is append too, whatever its own mode).
   */
  public static boolean appends(Plan plan, Table t) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Table x = t; x != null && (x.name() == null || seen.add(x.name()));) {
      if (x.batching().mode() == Batching.Mode.APPEND) {
        return true;
      }
      x = x.perParent() == null || x.perParent().table() == null ? null : plan.table(x.perParent().table())
          .orElse(null);
    }
    return false;
  }

  /**
   * The span of a date or timestamp date_range column's range, end - start; null when the column is not a valid
   * one (or its instants need a reference date the plan lacks).
   */
  public static Duration span(LocalDate reference, Column c) {
    if (!(c.gen() instanceof ColumnGen.DateRange r) || c.type() == null || !c.type().isTemporal()) {
      return null;
    }
    TimeSpec.Instant start = TimeSpec.instant(r.start());
    TimeSpec.Instant end = TimeSpec.instant(r.end());
    if (start == null || end == null || reference == null && (start.relative() || end.relative())) {
      return null;
    }
    LocalDateTime s = start.resolve(reference);
    LocalDateTime e = end.resolve(reference);
    return e.isBefore(s) ? null : Duration.between(s, e);
  }

  /**
   * The columns an UPDATE of {@code t}'s feed draws anew: {@code changes} when given, else every output column but
   * the primary key, unique columns, keys (sequence, uuid, foreign_key, parent, child_index) and child aggregates,
   * as the feed's engine derives them. A column computed
   * from changed columns is recomputed whether listed or not. Empty for a table without a feed.
   */
  public static List<String> changes(Table t) {
    ChangeFeed f = t.changeFeed();
    if (f == null) {
      return List.of();
    }
    if (f.changes() != null) {
      return f.changes();
    }
    List<String> out = new ArrayList<>();
    for (Column c : t.columns()) {
      if (c.name() != null && !c.omit() && changeable(t, c) == null && !(c.gen() instanceof ColumnGen.ForeignKey)) {
        out.add(c.name());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Why an UPDATE cannot draw {@code c} anew, or null when it can: a key (primary, unique, sequence, uuid, a
   * child's parent or child_index) keeps its value through every version, and a child aggregate follows the
   * children, which do not change with the versions. A foreign key may change (the default changes leave it out); an expression or lookup
   * listed is evaluated at the version from the columns as they are in it.
   */
  static String changeable(Table t, Column c) {
    if (c.name() != null && c.name().equals(t.primaryKey())) {
      return "it is the primary key, which identifies the row across versions";
    }
    if (c.unique()) {
      return "it is unique: a new draw could repeat another row's value";
    }
    return c.gen() == null ? null : c.gen().accept(FIXED);
  }

  /** Why a strategy's value stays the same in every version of a row, or null when an UPDATE may draw it anew. */
  private static final ColumnGen.Visitor<String> FIXED = new ColumnGen.Visitor<>() {
    @Override
    public String sequence(ColumnGen.Sequence g) {
      return key(g);
    }

    @Override
    public String uuid(ColumnGen.Uuid g) {
      return key(g);
    }

    @Override
    public String parent(ColumnGen.Parent g) {
      return layout(g);
    }

    @Override
    public String childIndex(ColumnGen.ChildIndex g) {
      return layout(g);
    }

    @Override
    public String childAggregate(ColumnGen.ChildAggregate g) {
      return "a child_aggregate column is computed from the children, which do not change with the versions";
    }

    @Override
    public String uniform(ColumnGen.Uniform g) {
      return null;
    }

    @Override
    public String values(ColumnGen.Values g) {
      return null;
    }

    @Override
    public String dist(ColumnGen.Dist g) {
      return null;
    }

    @Override
    public String dateRange(ColumnGen.DateRange g) {
      return null;
    }

    @Override
    public String dictionary(ColumnGen.Dictionary g) {
      return null;
    }

    @Override
    public String pattern(ColumnGen.Pattern g) {
      return null;
    }

    @Override
    public String bool(ColumnGen.Bool g) {
      return null;
    }

    @Override
    public String constant(ColumnGen.Constant g) {
      return null;
    }

    @Override
    public String foreignKey(ColumnGen.ForeignKey g) {
      return null;
    }

    @Override
    public String lookup(ColumnGen.Lookup g) {
      return null;
    }

    @Override
    public String expression(ColumnGen.Expression g) {
      return null;
    }

    private String key(ColumnGen g) {
      return "a " + g.strategy() + " column is a key: a new draw would give the row another identity";
    }

    private String layout(ColumnGen g) {
      return "a " + g.strategy() + " column follows the per_parent layout, which does not change";
    }
  };

  /** The columns of {@code t} an UPDATE may draw anew (output columns {@link #changeable} allows), for messages. */
  static List<String> changesCandidates(Table t) {
    List<String> out = new ArrayList<>();
    for (Column c : t.columns()) {
      if (c.name() != null && !c.omit() && changeable(t, c) == null) {
        out.add(c.name());
      }
    }
    return out;
  }

  /**
   * How many keys a table with {@code rows} rows has by the last batch of the series: {@code rows} for a static
   * table (or a plan without a series), {@code rows x batches} for an append table, {@code rows + (batches - 1) x
   * rows_per_batch} for a table with a change feed (an upper bound: only the APPENDs of a batch add keys).
   * Saturates at {@link Long#MAX_VALUE}.
   */
  public static long keysOverSeries(Plan plan, Table t, long rows) {
    long batches = plan.series() == null ? 1 : Math.max(1, plan.series().batches());
    try {
      if (t.changeFeed() != null) {
        return Math.addExact(rows, Math.multiplyExact(batches - 1, Math.max(0, t.changeFeed().rowsPerBatch())));
      }
      return appends(plan, t) ? Math.multiplyExact(rows, batches) : rows;
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The series interval, or null when the plan has no valid one. */
  static Duration interval(Series s) {
    return s == null ? null : TimeSpec.interval(s.interval());
  }
}
