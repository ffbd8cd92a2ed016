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
        case FEED, HISTORY -> throw notYet(t);
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
      TableRole role = TableRole.of(t);
      if (role == TableRole.FEED || role == TableRole.HISTORY) {
        throw notYet(t);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("plan " + plan.plan().name() + " has no table with a change feed and no "
          + "history table, so it has no state to write after batch " + k + "; add a change_feed to a table (or a "
          + "history table of one), or generate its batches instead");
    }
    return out;
  }

  /**
   * Refuses a batch the plan is not checked for: negative, at or past {@code series.batches}, or other than 0 on a
   * plan without a series.
   */
  static void checkBatch(ResolvedPlan plan, long k) {
    Series s = plan.series();
    if (s == null) {
      if (k != 0) {
        throw new IllegalArgumentException("plan " + plan.plan().name() + " has no series, so it has no batch " + k
            + "; add a \"series\" block ({\"start\": \"2024-01-01\", \"interval\": \"1 day\", \"batches\": 5}) or "
            + "run it without a batch");
      }
      return;
    }
    if (k < 0 || k >= s.batches()) {
      throw new IllegalArgumentException("batch " + k + " is outside the series of plan " + plan.plan().name()
          + ", whose batches are 0.." + (s.batches() - 1) + "; choose a batch in that range or raise "
          + "series.batches");
    }
  }

  private static IllegalStateException notYet(ResolvedTable t) {
    return new IllegalStateException("table " + t.name() + " has a "
        + (t.spec().history() != null ? "history" : "change feed") + ", which this build cannot generate yet; "
        + "remove it from the plan to run the other tables' batches");
  }
}
