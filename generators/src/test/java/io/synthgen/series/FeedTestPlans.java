package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.series.keys.OperationCounts;
import static io.synthgen.testing.Plans.document;
import static io.synthgen.testing.Plans.read;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.History;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small random plans with a change-feed table {@code customers} (and a lookup parent {@code regions}). */
final class FeedTestPlans {

  /** Columns an UPDATE may be asked to change. */
  static final List<String> CHANGEABLE = List.of("status", "region_id", "score", "event_ts", "code", "flag", "qty");

  private FeedTestPlans() {
  }

  static String customers(long rows) {
    return """
        {"name": "customers", "rows": %d, "primary_key": "id", "columns": [
          {"name": "id", "type": "bigint", "strategy": "sequence", "start": 1000},
          {"name": "status", "type": "string", "strategy": "values", "values": ["new", "active", "gone"],
           "weights": [2, 5, 1], "null_rate": 0.2},
          {"name": "region_id", "type": "bigint", "strategy": "foreign_key", "references": "regions.region_id"},
          {"name": "region_name", "type": "string", "strategy": "lookup", "via": "region_id", "column": "region"},
          {"name": "score", "type": "double", "strategy": "uniform", "min": 0, "max": 100},
          {"name": "amount", "type": "decimal(10,2)", "strategy": "expression", "expr": "round(score * 3, 2)"},
          {"name": "label", "type": "string", "strategy": "expression", "expr": "concat(status, '/', region_name)"},
          {"name": "helper", "type": "double", "strategy": "uniform", "min": 0, "max": 1, "omit": true},
          {"name": "qty", "type": "int", "strategy": "expression", "expr": "floor(helper * 50)"},
          {"name": "event_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01T00:00:00",
           "end": "2024-01-01T23:59:59", "interval": "1 second"},
          {"name": "birth", "type": "date", "strategy": "date_range", "start": "1950-01-01", "end": "2000-12-31"},
          {"name": "code", "type": "string", "strategy": "pattern", "pattern": "C-####"},
          {"name": "flag", "type": "boolean", "strategy": "boolean", "probability": 0.5}]}""".formatted(rows);
  }

  static String regions() {
    return """
        {"name": "regions", "rows": 4, "primary_key": "region_id", "columns": [
          {"name": "region_id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "region", "type": "string", "strategy": "values", "values": ["north", "south", "east", "west"]}]}""";
  }

  /** The plan with customers' feed, a history table {@code customers_history} and a series of 6 daily batches. */
  static Plan plan(long seed, long rows, ChangeFeed feed) {
    Plan p = read(document(seed, regions() + "," + customers(rows)));
    List<Table> tables = new ArrayList<>();
    for (Table t : p.tables()) {
      tables.add(t.name().equals("customers") ? t.withChangeFeed(feed) : t);
    }
    return p.withTables(tables).withSeries(new Series("2024-01-01", "1 day", 6));
  }

  static ResolvedPlan resolve(Plan p) {
    return Plans.resolve(p);
  }

  /** The history table of customers, as a plan record. */
  static Table historyTable() {
    return new Table("customers_history", 0, null, null, null, List.of(), null, null, new History("customers"),
        null);
  }

  /** A random feasible feed for {@code rows} base rows over 6 batches. */
  static ChangeFeed randomFeed(SplittableRandom r, long rows, ChangeFeed.Format format) {
    while (true) {
      long perBatch = r.nextInt(13);
      ChangeFeed.Weights w = new ChangeFeed.Weights(r.nextInt(4) * 10, r.nextInt(4) * 10, r.nextInt(3) * 10);
      if (w.append() + w.update() + w.delete() == 0) {
        continue;
      }
      OperationCounts c = OperationCounts.of(w.append(), w.update(), w.delete(), perBatch);
      KeyLifecycle life = KeyLifecycle.of(io.synthgen.random.Stream.root(1), rows, c);
      if (life.lastBatch() < 5) {
        continue;
      }
      List<String> changes = null;
      if (r.nextBoolean()) {
        changes = new ArrayList<>();
        for (String col : CHANGEABLE) {
          if (r.nextInt(3) == 0) {
            changes.add(col);
          }
        }
      }
      return new ChangeFeed(null, perBatch, w, changes, format, r.nextBoolean() ? "INSERT" : "APPEND", null, null);
    }
  }
}
