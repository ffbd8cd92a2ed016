package io.synthgen.series;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;

/**
 * The sources of a change-feed table in a series: its feed of batch k, its state after batches 0..K and its SCD2
 * history after batches 0..K. All three are pure functions of (plan, seed, k) — no earlier batch is generated —
 * and agree: applying feeds 0..K by key (latest operation wins, delete on DELETE) gives the state, and the
 * history's versions are the feeds' images of each key in order. See {@code docs/change-feeds.md}.
 */
public final class FeedSources {

  private FeedSources() {
  }

  /**
   * The table's change feed, batch k, under the feed's name.
   *
   * @throws IllegalArgumentException when the table has no change feed, the plan no series, or k is outside the
   *     series or past the lifecycle's last feasible batch
   */
  public static TableSource feed(ResolvedPlan plan, ResolvedTable table, long batch) {
    return new FeedSource(FeedSpec.of(plan, table), batch);
  }

  /** The table's state after batches 0..{@code after}, under the table's own name. */
  public static TableSource state(ResolvedPlan plan, ResolvedTable table, long after) {
    return new StateSource(FeedSpec.of(plan, table), after);
  }

  /** A history table ({@link Table#history()}) after batches 0..{@code after} of its source's feed. */
  public static TableSource history(ResolvedPlan plan, Table historyTable, long after) {
    if (historyTable.history() == null) {
      throw new IllegalArgumentException("table " + historyTable.name() + " is not a history table");
    }
    ResolvedTable source = plan.table(historyTable.history().of());
    return new HistorySource(FeedSpec.of(plan, source), historyTable.name(), after);
  }
}
