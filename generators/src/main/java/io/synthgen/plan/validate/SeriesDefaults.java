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
   * The columns of {@code t} that move one interval per batch: {@code batch.advance} when given, else every date or
   * timestamp {@code date_range} column whose values fit in one interval ({@link #fitsOneInterval}). Empty for a
   * static table or a plan without a (valid) series.
   */
  public static List<String> advance(Plan plan, Table t) {
    if (t.batching().mode() != Batching.Mode.APPEND) {
      return List.of();
    }
    if (t.batching().advance() != null) {
      return t.batching().advance();
    }
    Duration interval = plan.series() == null ? null : TimeSpec.interval(plan.series().interval());
    List<String> out = new ArrayList<>();
    for (Column c : t.columns()) {
      if (interval != null && c.name() != null && fitsOneInterval(plan.referenceDate(), c, interval)) {
        out.add(c.name());
      }
    }
    return List.copyOf(out);
  }

  /**
   * True when {@code c} is a date or timestamp {@code date_range} column whose values, from start to end and one step
   * of the column's granularity past it, fit in {@code interval}: moved by k intervals in batch k, two batches never
   * share a value. A date column needs an interval of whole days.
   */
  public static boolean fitsOneInterval(LocalDate reference, Column c, Duration interval) {
    Duration span = span(reference, c);
    return span != null && span.compareTo(interval) <= 0
        && (c.type().kind() != DataType.Kind.DATE || interval.toSeconds() % 86_400 == 0);
  }

  /**
   * The length a date_range column's values take: end - start plus one step of its granularity; null when the column
   * is not a valid date/timestamp date_range (or its instants need a reference date the plan lacks).
   */
  static Duration span(LocalDate reference, Column c) {
    if (!(c.gen() instanceof ColumnGen.DateRange r) || c.type() == null || !c.type().isTemporal()) {
      return null;
    }
    TimeSpec.Instant start = TimeSpec.instant(r.start());
    TimeSpec.Instant end = TimeSpec.instant(r.end());
    Duration step = TimeSpec.interval(r.interval());
    if (start == null || end == null || step == null || reference == null && (start.relative() || end.relative())) {
      return null;
    }
    LocalDateTime s = start.resolve(reference);
    LocalDateTime e = end.resolve(reference);
    return e.isBefore(s) ? null : Duration.between(s, e).plus(step);
  }

  /**
   * The columns an UPDATE of {@code t}'s feed draws anew: {@code changes} when given, else every output column but
   * the primary key, unique columns and the strategies that are keys or derived from other columns ({@link
   * #changeable}: not sequence, uuid, foreign_key, parent, child_index, child_aggregate, lookup, expression,
   * constant). Empty for a table without a feed.
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
   * child's parent or child_index) must keep its value, a derived column (lookup, expression, child_aggregate) is
   * recomputed from the columns it reads, and a constant never changes. A foreign key may change.
   */
  static String changeable(Table t, Column c) {
    if (c.name() != null && c.name().equals(t.primaryKey())) {
      return "it is the primary key, which identifies the row across versions";
    }
    if (c.unique()) {
      return "it is unique: a new draw could repeat another row's value";
    }
    ColumnGen g = c.gen();
    if (g instanceof ColumnGen.Sequence || g instanceof ColumnGen.Uuid) {
      return "a " + g.strategy() + " column is a key: a new draw would give the row another identity";
    }
    if (g instanceof ColumnGen.Parent || g instanceof ColumnGen.ChildIndex) {
      return "a " + g.strategy() + " column follows the per_parent layout, which does not change";
    }
    if (g instanceof ColumnGen.Lookup || g instanceof ColumnGen.Expression || g instanceof ColumnGen.ChildAggregate) {
      return "a " + g.strategy() + " column is computed from other columns: change those, it follows";
    }
    if (g instanceof ColumnGen.Constant) {
      return "a constant column has one value, a new draw gives the same";
    }
    return null;
  }

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

  /** The series interval, or null when the plan has no valid one. */
  static Duration interval(Series s) {
    return s == null ? null : TimeSpec.interval(s.interval());
  }
}
