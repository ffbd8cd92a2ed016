package io.synthgen.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Duck;
import io.synthgen.testing.FeedOracle;
import io.synthgen.testing.FeedOracle.Feed;
import io.synthgen.testing.FeedOracle.HistoryTable;
import io.synthgen.testing.MergeSql;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request, "sensor readings, 10,000 rows per batch as an incremental job, with a slowly changing device
 * table", as a plan of its own tables: devices with a change feed and an SCD2 history table, readings appended daily
 * with a foreign key to devices. Batches 0 and 1 go through the engine to Parquet and DuckDB checks them: reading ids
 * of batch 1 continue batch 0's without overlap, no reading is shared, batch 1's readings lie in the series' second
 * day, and the device history is versioned with contiguous ranges and one current row per live device.
 */
class IncrementalReadingsTest {

  static final long READINGS = 10_000;
  static final long DEVICES = 1_000;

  static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "readings_with_devices", "seed": 42, "reference_date": "2024-06-01",
       "series": {"start": "2024-01-01", "interval": "1 day", "batches": 5},
       "tables": [
        {"name": "devices", "rows": %d, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "device_type", "type": "string", "strategy": "values",
           "values": ["thermostat", "meter", "camera"], "weights": [5, 3, 2]},
          {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0.0", "1.1.0", "2.0.0"]},
          {"name": "status", "type": "string", "strategy": "values", "values": ["Online", "Offline", "Maintenance"],
           "weights": [80, 15, 5]},
          {"name": "installed_on", "type": "date", "strategy": "date_range", "start": "2020-01-01",
           "end": "2023-12-31"}],
         "change_feed": {"rows_per_batch": 100, "weights": {"append": 20, "update": 70, "delete": 10},
                         "changes": ["firmware", "status"]}},
        {"name": "devices_history", "history": {"of": "devices"}},
        {"name": "readings", "rows": %d, "primary_key": "reading_id", "batch": {"mode": "append", "advance": ["reading_ts"]},
         "columns": [
          {"name": "reading_id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "device_id", "type": "bigint", "strategy": "foreign_key", "references": "devices.device_id"},
          {"name": "reading_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01T00:00:00",
           "end": "2024-01-01T23:59:59", "interval": "1 second"},
          {"name": "value", "type": "double", "strategy": "distribution",
           "distribution": {"type": "normal", "mean": 20, "stddev": 5}}]}]}
      """.formatted(DEVICES, READINGS);

  @Test
  void batchOneContinuesBatchZerosReadingsAndVersionsTheDevices(@TempDir Path dir) throws Exception {
    ResolvedPlan plan = Plans.resolve(PLAN);
    Path b0 = dir.resolve("batch_0");
    Path b1 = dir.resolve("batch_1");
    Map<String, Long> rows0 = FeedOracle.write(Batches.batch(plan, 0), null, b0);
    Map<String, Long> rows1 = FeedOracle.write(Batches.batch(plan, 1), null, b1);
    assertEquals(List.of("devices_cdc", "devices_history", "readings"), List.copyOf(rows0.keySet()));
    assertEquals(rows0.keySet(), rows1.keySet(), "every batch writes the feed, the history and a readings slice");
    System.err.println("incremental readings: batch 0 " + rows0 + ", batch 1 " + rows1);
    try (Duck duck = new Duck()) {
      duck.view("r0", FeedOracle.file(b0, "readings"));
      duck.view("r1", FeedOracle.file(b1, "readings"));
      assertEquals(READINGS, duck.count("SELECT count(*) FROM r0"));
      assertEquals(READINGS, duck.count("SELECT count(*) FROM r1"));
      assertEquals(1, duck.count("SELECT min(reading_id) FROM r0"));
      assertEquals(duck.count("SELECT max(reading_id) FROM r0") + 1, duck.count("SELECT min(reading_id) FROM r1"),
          "batch 1's ids start right after batch 0's");
      assertEquals(2 * READINGS, duck.count("SELECT max(reading_id) FROM r1"));
      assertEquals(2 * READINGS, duck.count("SELECT count(DISTINCT reading_id) FROM (SELECT reading_id FROM r0 "
          + "UNION ALL SELECT reading_id FROM r1) x"), "no id in both batches, none twice");
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT device_id, reading_ts, value FROM r0 INTERSECT "
          + "SELECT device_id, reading_ts, value FROM r1) x"), "no reading is in both batches");
      assertTrue(duck.count("SELECT count(*) FROM r0 JOIN r1 ON r1.reading_id = r0.reading_id + " + READINGS
          + " WHERE r1.value = r0.value") < 10, "batch 1 is not batch 0 renumbered");
      assertEquals(List.of(List.of("2024-01-01", "2024-01-01", "2024-01-02", "2024-01-02")), duck.rows("SELECT "
          + "CAST(CAST(min(r0.reading_ts) AS DATE) AS VARCHAR), CAST(CAST(max(r0.reading_ts) AS DATE) AS VARCHAR), "
          + "CAST(CAST(min(r1.reading_ts) AS DATE) AS VARCHAR), CAST(CAST(max(r1.reading_ts) AS DATE) AS VARCHAR) "
          + "FROM r0 POSITIONAL JOIN r1"), "batch 0 spans the first day, batch 1 the second");
      assertEquals(0, duck.count("SELECT count(*) FROM r0 WHERE reading_ts < TIMESTAMP '2024-01-01' OR reading_ts "
          + ">= TIMESTAMP '2024-01-02'"), "batch 0's readings are in the first day");
      assertEquals(0, duck.count("SELECT count(*) FROM r1 WHERE reading_ts < TIMESTAMP '2024-01-02' OR reading_ts "
          + ">= TIMESTAMP '2024-01-03'"), "batch 1's readings are in the second day");

      // the devices: the full load, then batch 1's changes, merged; readings reference loaded devices
      Feed feed = FeedOracle.feeds(plan).get(0);
      HistoryTable history = FeedOracle.histories(plan).get(0);
      MergeSql sql = new MergeSql(MergeSql.Dialect.DUCKDB);
      duck.view("d0", FeedOracle.file(b0, "devices_cdc"));
      duck.view("d1", FeedOracle.file(b1, "devices_cdc"));
      assertEquals(DEVICES, duck.count("SELECT count(*) FROM d0 WHERE operation = 'APPEND'"));
      assertEquals(100, duck.count("SELECT count(*) FROM d1"));
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT device_id FROM r0 UNION SELECT device_id FROM r1) r "
          + "WHERE device_id NOT IN (SELECT device_id FROM d0)"), "every reading's device is loaded");
      duck.exec("CREATE TABLE devices AS SELECT " + String.join(", ", feed.columns()) + " FROM d0 LIMIT 0");
      duck.exec(sql.merge(feed, "devices", sql.changes(feed, "d0", List.of())));
      duck.exec(sql.merge(feed, "devices", sql.changes(feed, "d1", List.of())));
      Path snapshot = dir.resolve("snapshot_1");
      FeedOracle.writeSnapshot(plan, 1, snapshot);
      duck.view("expected", FeedOracle.file(snapshot, "devices"));
      MergeOracleTest.assertSame(duck, "devices", "expected", "devices after batch 1");

      duck.view("history", FeedOracle.file(b1, "devices_history"));
      MergeOracleTest.Scd2.assertScd2(duck, history, "history", "devices", "batch 1");
      MergeOracleTest.Scd2.assertVersionsAreTheFeeds(duck, history, feed, "history", "read_parquet("
          + MergeOracleTest.list(List.of(FeedOracle.file(b0, "devices_cdc").toString(),
              FeedOracle.file(b1, "devices_cdc").toString())) + ")", "batch 1");
      long updates = duck.count("SELECT count(*) FROM d1 WHERE operation = 'UPDATE'");
      long appends = duck.count("SELECT count(*) FROM d1 WHERE operation = 'APPEND'");
      long deletes = duck.count("SELECT count(*) FROM d1 WHERE operation = 'DELETE'");
      assertEquals(List.of(20L, 70L, 10L), List.of(appends, updates, deletes), "batch 1's operations: 20/70/10");
      assertEquals(DEVICES + appends + updates, duck.count("SELECT count(*) FROM history"), "a row per version");
      assertEquals(updates, duck.count("SELECT count(*) FROM (SELECT device_id FROM history GROUP BY device_id "
          + "HAVING count(*) = 2) x"), "each updated device has two versions");
      assertEquals(DEVICES + appends - deletes, duck.count("SELECT count(*) FROM history WHERE is_current"),
          "one current row per live device");
      assertEquals(0, duck.count("SELECT count(*) FROM history h JOIN d1 ON d1.device_id = h.device_id "
          + "AND d1.operation = 'UPDATE' WHERE h.is_current AND h.effective_from <> d1.operation_date"),
          "an updated device's current version starts at its update");
    }
  }
}
