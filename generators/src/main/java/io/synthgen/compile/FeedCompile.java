package io.synthgen.compile;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.series.FeedSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the compiler makes of change feeds and history tables (docs/change-feeds.md, "Change feeds in Spark SQL"):
 * batch k of a feed under the feed's name, a state after K under the table's name, an SCD2 history after K; and
 * what it refuses, as violations: a debezium feed, a batch past the feed's last feasible batch, a batch or state
 * that would look back over more than {@link #MAX_VERSION_BATCHES} batches.
 */
final class FeedCompile {

  /**
   * Most batches a compiled feed batch, state or history looks back over for a key's last version: the SQL holds
   * one inverse of each batch's update order per row (about 4 KB of SQL each), so a feed batch k needs k - 1 of
   * them and a state or history after K needs K. Beyond, generate locally.
   */
  static final long MAX_VERSION_BATCHES = 100;

  private FeedCompile() {
  }

  /**
   * The violations of table {@code ti} (with a change feed) for producing batch {@code k} ({@code state}: false) or
   * the state and history after k ({@code state}: true).
   */
  static void check(ResolvedPlan plan, int ti, long k, boolean state, List<Violation> out) {
    Table spec = plan.plan().tables().get(ti);
    ChangeFeed feed = spec.changeFeed();
    if (feed.format() == ChangeFeed.Format.DEBEZIUM) {
      out.add(new Violation("tables[" + ti + "].change_feed.format", "debezium", "a debezium feed's JSON images "
          + "are text the local engine writes (doubles in Java's Double.toString spelling, timestamps as zone-less ISO "
          + "text with six fraction digits); Spark's to_json writes doubles with its own JSON generator and timestamps "
          + "in the session time zone, so the SQL could not promise the same bytes (docs/change-feeds.md); the SQL "
          + "compiler makes plain and delta_cdf feeds", "use format "
          + "plain or delta_cdf to compile, or generate the debezium feed locally"));
      return;
    }
    if (feed.format() == ChangeFeed.Format.DELTA_CDF) {
      out.add(new Violation("tables[" + ti + "].change_feed.format", "delta_cdf", "a delta_cdf feed is made by the "
          + "local engine: its compiled SELECT (an UPDATE as two images through posexplode) is not yet proven equal "
          + "on Spark, so the SQL compiler makes plain feeds, their states and histories", "use format plain to "
          + "compile (delta_cdf rows are the plain rows with each UPDATE also as its preimage), or generate the "
          + "delta_cdf feed locally"));
      return;
    }
    if (plan.series() == null || k < 0 || k >= plan.series().batches()) {
      return; // the batch itself is refused by the caller
    }
    long lookBack = state ? k : Math.max(0, k - 1);
    if (lookBack > MAX_VERSION_BATCHES) {
      out.add(new Violation("tables[" + ti + "].change_feed", String.valueOf(k), String.format(Locale.ROOT,
          "in SQL a key's last version looks back over at most %d batches; %s %d of %s looks back over %d",
          MAX_VERSION_BATCHES, state ? "the state after" : "batch", k, spec.name(), lookBack), "compile a batch up to "
          + (state ? MAX_VERSION_BATCHES : MAX_VERSION_BATCHES + 1) + ", or generate it locally"));
      return;
    }
    try {
      FeedSpec.of(plan, plan.table(spec.name())).checkBatch(k);
    } catch (IllegalArgumentException e) {
      out.add(new Violation("tables[" + ti + "].change_feed", String.valueOf(k), e.getMessage(), "compile an earlier "
          + "batch, or change the feed's weights so more keys stay live"));
    }
  }

  /** Batch {@code options.batchNumber()} of a table's change feed. */
  static CompiledTable feed(ResolvedPlan plan, ResolvedTable table, SqlOptions options) {
    return FeedSql.compiled(plan, table, options.batchNumber(), options);
  }

  /** The history table {@code table} after batch k. */
  static CompiledTable history(ResolvedPlan plan, ResolvedTable table, long k, SqlOptions options) {
    return HistorySql.compiled(plan, table.spec(), k, options);
  }

  /** See {@link StateSql#compile}. */
  static CompiledPlan snapshot(ResolvedPlan plan, long after, SqlOptions options) throws PlanException {
    List<Violation> out = new ArrayList<>();
    if (plan.series() == null) {
      out.add(new Violation("series", String.valueOf(after), "the plan has no series, so it has no state after batch "
          + after, "add a series and a change_feed, or compile the plan itself"));
      throw new PlanException(out);
    }
    if (after < 0 || after >= plan.series().batches()) {
      out.add(new Violation("series.batches", String.valueOf(after), "the series has batches 0 to "
          + (plan.series().batches() - 1), "choose a batch below " + plan.series().batches()));
      throw new PlanException(out);
    }
    List<Table> specs = plan.plan().tables();
    boolean any = false;
    for (int ti = 0; ti < specs.size(); ti++) {
      Table spec = specs.get(ti);
      if (spec.changeFeed() != null) {
        any = true;
        check(plan, ti, after, true, out);
      } else if (spec.history() != null) {
        any = true;
        int source = indexOf(specs, spec.history().of());
        if (source >= 0 && specs.get(source).changeFeed() != null) {
          check(plan, source, after, true, out);
        }
      }
    }
    if (!any) {
      out.add(new Violation("tables", plan.plan().name(), "the plan has no table with a change feed and no history "
          + "table, so it has no state", "add a change_feed to a table, or compile its batches instead"));
    }
    if (!out.isEmpty()) {
      throw new PlanException(out.stream().distinct().toList());
    }
    List<CompiledTable> tables = new ArrayList<>();
    for (ResolvedTable t : plan.tables()) {
      if (t.spec().changeFeed() != null) {
        tables.add(StateSql.compiled(plan, t, after, options));
      } else if (t.spec().history() != null) {
        tables.add(history(plan, t, after, options));
      }
    }
    return new CompiledPlan(tables, List.of(), PlanCodec.write(plan.plan()));
  }

  private static int indexOf(List<Table> specs, String name) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
