package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.series.keys.OperationCounts;
import io.synthgen.series.keys.OperationTimes;
import io.synthgen.engine.Engine;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Series;
import io.synthgen.plan.validate.SeriesDefaults;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's change feed resolved for generation: its key lifecycle, operation times, the columns an UPDATE draws
 * anew and the columns that advance with the batch. Shared by the feed, the state after K and the SCD2 history, so
 * all three see the same versions. Immutable and thread-safe.
 *
 * <p>Streams: the lifecycle is keyed by {@code root.child("<table>#feed")}, the operation times by
 * {@code root.child("<table>#feed.times")} (a SQL executor derives the same keys).
 *
 * <p><b>Changed columns.</b> The {@code changes} columns (by default every output column but the primary key,
 * unique, sequence, uuid and key columns), the hidden helpers they are computed from (a helper is part of the value
 * it feeds), and transitively every column that reads one of those — through an expression, a lookup through a
 * changed foreign key, or a foreign key whose distribution reads one. Every other column keeps the key's row; so
 * does a child aggregate (the children do not change with the parent's versions).
 */
public final class FeedSpec {

  private final ResolvedPlan plan;
  private final ResolvedTable table;
  private final ChangeFeed feed;
  private final KeyLifecycle lifecycle;
  private final OperationTimes times;
  private final long intervalMicros;
  private final long batches;
  private final Set<String> changed;
  private final Set<String> advance;
  private final List<OutputColumn> baseColumns;
  private final String keyColumn;

  private FeedSpec(ResolvedPlan plan, ResolvedTable table) {
    this.plan = plan;
    this.table = table;
    this.feed = table.spec().changeFeed();
    Series series = plan.plan().series();
    if (feed == null) {
      throw new IllegalArgumentException("table " + table.name() + " has no change_feed");
    }
    if (series == null) {
      throw new IllegalArgumentException("table " + table.name() + " has a change_feed but the plan has no series; "
          + "add \"series\": {\"start\": \"2024-01-01\", \"interval\": \"1 day\", \"batches\": 5}");
    }
    if (table.layout() != null) {
      throw new IllegalArgumentException("table " + table.name() + " is generated per parent; a change feed needs "
          + "an independent table (rows and keys of its own)");
    }
    this.keyColumn = table.spec().primaryKey();
    if (keyColumn == null || table.spec().column(keyColumn).map(Column::omit).orElse(true)) {
      throw new IllegalArgumentException("table " + table.name() + " has a change_feed but no primary_key column "
          + "in its output; a feed is merged by key, so set primary_key");
    }
    ChangeFeed.Weights w = feed.weights() == null ? ChangeFeed.Weights.GENERIC : feed.weights();
    OperationCounts counts = OperationCounts.of(w.append(), w.update(), w.delete(), feed.rowsPerBatch());
    this.lifecycle = KeyLifecycle.of(plan.root().child(table.name() + "#feed"), table.rows(), counts);
    long start = plan.windowStartMicros(0);
    this.intervalMicros = plan.intervalMicros();
    this.times = new OperationTimes(plan.root().child(table.name() + "#feed.times"), start, intervalMicros);
    this.batches = series.batches();
    this.changed = changedColumns(table, SeriesDefaults.changes(table.spec()));
    this.advance = table.advance();
    this.baseColumns = Engine.outputColumns(table);
  }

  /** The feed of a plan table with a change feed. */
  public static FeedSpec of(ResolvedPlan plan, ResolvedTable table) {
    return new FeedSpec(plan, table);
  }

  public ResolvedPlan plan() {
    return plan;
  }

  public ResolvedTable table() {
    return table;
  }

  public ChangeFeed feed() {
    return feed;
  }

  public KeyLifecycle lifecycle() {
    return lifecycle;
  }

  public long intervalMicros() {
    return intervalMicros;
  }

  /** The feed's output name. */
  public String name() {
    return feed.name() == null ? ChangeFeed.defaultName(table.name()) : feed.name();
  }

  public ChangeFeed.Format format() {
    return feed.format() == null ? ChangeFeed.Format.PLAIN : feed.format();
  }

  /** The operation written for an APPEND in the plain format: {@code APPEND} or {@code INSERT}. */
  public String appendName() {
    return feed.appendAs() == null ? "APPEND" : feed.appendAs();
  }

  public String operationColumn() {
    return feed.operationColumn() == null ? ChangeFeed.DEFAULT_OPERATION_COLUMN : feed.operationColumn();
  }

  public String sequenceColumn() {
    return feed.sequenceColumn() == null ? ChangeFeed.DEFAULT_SEQUENCE_COLUMN : feed.sequenceColumn();
  }

  /** The primary key column. */
  public String keyColumn() {
    return keyColumn;
  }

  /** The base table's output columns, as the feed, the state and the history carry them. */
  public List<OutputColumn> baseColumns() {
    return baseColumns;
  }

  /** Columns an UPDATE recomputes at its version row (see the class comment). */
  public Set<String> changed() {
    return changed;
  }

  /**
   * Date/timestamp columns shifted by {@code batch · interval} of the batch their value was made in: the resolver's
   * {@link ResolvedTable#advance()} set.
   */
  public Set<String> advance() {
    return advance;
  }

  /**
   * Checks that batch k can be generated.
   *
   * @throws IllegalArgumentException when k is outside the series or past the lifecycle's last feasible batch
   */
  public void checkBatch(long k) {
    if (k < 0 || k >= batches) {
      throw new IllegalArgumentException("batch " + k + " of " + table.name() + " is outside the series: batches are "
          + "0.." + (batches - 1) + "; ask for one of those or raise series.batches");
    }
    lifecycle.rows(k);
  }

  /** The operation instant (µs since the epoch) of row t of batch b. */
  public long instant(long batch, long row) {
    return times.time(batch, row, lifecycle.rows(batch));
  }

  private static Set<String> changedColumns(ResolvedTable table, List<String> changes) {
    Set<String> seeds = new LinkedHashSet<>();
    for (String name : changes) {
      addWithHelpers(table, table.column(name), seeds);
    }
    Map<String, Boolean> memo = new HashMap<>();
    Set<String> out = new LinkedHashSet<>();
    for (ResolvedColumn c : table.columns()) {
      if (!(c.spec().gen() instanceof ColumnGen.ChildAggregate) && dependsOnChange(table, c.name(), seeds, memo)) {
        out.add(c.name());
      }
    }
    return Set.copyOf(out);
  }

  private static void addWithHelpers(ResolvedTable table, ResolvedColumn c, Set<String> seeds) {
    if (!seeds.add(c.name())) {
      return;
    }
    for (String d : c.generator().dependencies()) {
      ResolvedColumn dc = table.column(d);
      if (dc.spec().omit() && !isKey(dc)) {
        addWithHelpers(table, dc, seeds);
      }
    }
  }

  private static boolean isKey(ResolvedColumn c) {
    ColumnGen g = c.spec().gen();
    return g instanceof ColumnGen.Sequence || g instanceof ColumnGen.Uuid || g instanceof ColumnGen.ForeignKey
        || g instanceof ColumnGen.Parent || g instanceof ColumnGen.ChildIndex;
  }

  private static boolean dependsOnChange(ResolvedTable table, String name, Set<String> seeds,
      Map<String, Boolean> memo) {
    Boolean known = memo.get(name);
    if (known != null) {
      return known;
    }
    boolean result = seeds.contains(name);
    if (!result) {
      for (String d : table.column(name).generator().dependencies()) {
        if (dependsOnChange(table, d, seeds, memo)) {
          result = true;
          break;
        }
      }
    }
    memo.put(name, result);
    return result;
  }
}
