package io.synthgen.series;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.Series;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.util.ArrayList;
import java.util.List;

/**
 * What each batch of a plan's series writes. Batch k is a pure function of (plan, k): nothing of batches 0..k-1 is
 * generated to make it, and the same k gives the same sources (hence the same bytes) whatever was run before.
 *
 * <p>Roles ({@link TableRole}): a static table is written with batch 0 only; an append table writes its batch-k
 * slice ({@link AppendSlices}); a table with a change feed writes its feed under the feed's name; a history table
 * writes its SCD2 history after batches 0..k.
 */
public final class Batches {

  /** The suffix of a ground-truth table of injected defects: {@code <source>_defects}. */
  public static final String DEFECTS_SUFFIX = "_defects";

  private Batches() {
  }

  /** What batch k writes, in plan order (static tables only in batch 0; append slices; feeds; history tables). */
  public static List<TableSource> batch(ResolvedPlan plan, long k) {
    checkBatch(plan, k);
    List<TableSource> out = new ArrayList<>();
    for (ResolvedTable t : plan.tables()) {
      switch (TableRole.of(t)) {
        case STATIC -> {
          if (k == 0) {
            out.add(TableSource.of(plan, t));
          }
        }
        case APPEND -> out.add(AppendSlices.slice(plan, t, k));
        case FEED -> out.add(FeedSources.feed(plan, t, k));
        case HISTORY -> out.add(FeedSources.history(plan, t.spec(), k));
        case STATE, DEFECTS -> throw new IllegalStateException(t.name() + " is a plan table, not a "
            + TableRole.of(t).label() + " source");
      }
    }
    return out;
  }

  /** The state after batches 0..k: every change-feed table under its own name, and every history table. */
  public static List<TableSource> snapshot(ResolvedPlan plan, long k) {
    checkBatch(plan, k);
    List<TableSource> out = new ArrayList<>();
    for (ResolvedTable t : plan.tables()) {
      switch (TableRole.of(t)) {
        case FEED -> out.add(FeedSources.state(plan, t, k));
        case HISTORY -> out.add(FeedSources.history(plan, t.spec(), k));
        case STATIC, APPEND, STATE, DEFECTS -> {
          // not part of the state: static tables are batch 0's, append slices are events
        }
      }
    }
    if (out.isEmpty()) {
      throw new BatchRefused("plan " + plan.plan().name() + " has no table with a change feed and no "
          + "history table, so it has no state to write after batch " + k + "; add a change_feed to a table (or a "
          + "history table of one), or generate its batches instead");
    }
    return out;
  }

  /**
   * The batch a run of the plan makes: {@code batch} when the plan's series has it, batch 0 when none is given for a
   * plan with a series, null (the plan as one snapshot) for a plan without a series and no batch. Refuses a batch on
   * a plan without a series and one outside the series, saying how to fix it.
   */
  public static Long toRun(ResolvedPlan plan, Long batch) {
    if (plan.series() == null) {
      if (batch != null) {
        throw new BatchRefused("plan " + plan.plan().name() + " has no series, so it has no batch " + batch
            + "; run it without a batch, or add a \"series\" block ({\"start\": \"2024-01-01\", \"interval\": "
            + "\"1 day\", \"batches\": 5}) and give a table \"batch\": {\"mode\": \"append\"} or a change_feed");
      }
      return null;
    }
    long k = batch == null ? 0 : batch;
    checkBatch(plan, k);
    return k;
  }

  /**
   * The role a source written by batch k (or by the snapshot after k) plays: a plan table's own role, a feed by its
   * name, a table's state in a snapshot, or the {@code <name>_defects} ground truth of another source.
   */
  public static TableRole role(ResolvedPlan plan, String sourceName, boolean snapshot) {
    for (ResolvedTable t : plan.tables()) {
      TableRole own = TableRole.of(t);
      if (t.name().equals(sourceName)) {
        return snapshot && own == TableRole.FEED ? TableRole.STATE : own;
      }
      if (own == TableRole.FEED && feedName(t).equals(sourceName)) {
        return TableRole.FEED;
      }
    }
    if (sourceName.endsWith(DEFECTS_SUFFIX) && sourceName.length() > DEFECTS_SUFFIX.length()) {
      role(plan, sourceName.substring(0, sourceName.length() - DEFECTS_SUFFIX.length()), snapshot);
      return TableRole.DEFECTS;
    }
    throw new IllegalArgumentException("no table or feed " + sourceName + " in plan " + plan.plan().name());
  }

  /** The name a table's change feed is written under. */
  public static String feedName(ResolvedTable t) {
    String n = t.spec().changeFeed().name();
    return n == null ? io.synthgen.plan.ChangeFeed.defaultName(t.name()) : n;
  }

  /**
   * The window a source written by batch k (or by the snapshot after k) covers: batch k's interval for an append
   * slice or a feed, batch 0's start to batch k's end for a state or a history after k, its source's for a
   * {@code _defects} table; null for a static table (written once, with batch 0).
   */
  public static Window window(ResolvedPlan plan, String sourceName, boolean snapshot, long k) {
    return switch (role(plan, sourceName, snapshot)) {
      case STATIC -> null;
      case APPEND, FEED -> new Window(plan.windowStartMicros(k), plan.windowStartMicros(k + 1));
      case HISTORY, STATE -> new Window(plan.windowStartMicros(0), plan.windowStartMicros(k + 1));
      case DEFECTS -> window(plan, sourceName.substring(0, sourceName.length() - DEFECTS_SUFFIX.length()), snapshot,
          k);
    };
  }

  /**
   * Refuses a batch the plan is not checked for: negative, at or past {@code series.batches}, or other than 0 on a
   * plan without a series.
   */
  static void checkBatch(ResolvedPlan plan, long k) {
    Series s = plan.series();
    if (s == null) {
      if (k != 0) {
        throw new BatchRefused("plan " + plan.plan().name() + " has no series, so it has no batch " + k
            + "; add a \"series\" block ({\"start\": \"2024-01-01\", \"interval\": \"1 day\", \"batches\": 5}) or "
            + "run it without a batch");
      }
      return;
    }
    if (k < 0 || k >= s.batches()) {
      throw new BatchRefused("batch " + k + " is outside the series of plan " + plan.plan().name()
          + ", whose batches are 0.." + (s.batches() - 1) + "; choose a batch in that range or raise "
          + "series.batches");
    }
  }
}
