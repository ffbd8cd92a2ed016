package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate --batch (run folders and landing zones), the refusals with their fixes, and stream over the CLI. */
public class BatchCommandsTest {

  /** Devices (static) and readings appended per batch, 1,000 a batch, over 5 daily batches. */
  public static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "readings_stream", "reference_date": "2025-01-01", "seed": 5,
       "series": {"start": "2024-01-01", "interval": "1 day", "batches": 5},
       "tables": [
        {"name": "devices", "rows": 50, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence"},
          {"name": "status", "type": "string", "strategy": "values", "values": ["active", "idle", "fault"]}]},
        {"name": "readings", "rows": 1000, "primary_key": "reading_id", "batch": {"mode": "append"}, "columns": [
          {"name": "reading_id", "type": "bigint", "strategy": "sequence"},
          {"name": "device_id", "type": "bigint", "strategy": "foreign_key", "references": "devices.device_id"},
          {"name": "reading_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01",
           "end": "2024-01-01T23:59:59"},
          {"name": "value", "type": "double", "strategy": "uniform", "min": 0, "max": 100}]}]}
      """;

  /** Devices with a change feed over 4 daily batches. */
  static final String FEED_PLAN = """
      {"format": "synthgen.plan/v1", "name": "devices_feed", "reference_date": "2025-01-01", "seed": 3,
       "series": {"start": "2024-01-01", "interval": "1 day", "batches": 4},
       "tables": [
        {"name": "devices", "rows": 300, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence"},
          {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0", "1.1", "2.0"]}],
         "change_feed": {"rows_per_batch": 60}}]}
      """;

  /** Readings appended per batch and devices with a change feed and an SCD2 history. */
  static final String SENSORS = """
      {"format": "synthgen.plan/v1", "name": "sensors", "reference_date": "2025-01-01", "seed": 42,
       "series": {"start": "2024-01-01", "interval": "1 day", "batches": 5},
       "tables": [
        {"name": "devices", "rows": 200, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence"},
          {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0.0", "1.1.0", "2.0.0"]},
          {"name": "status", "type": "string", "strategy": "values", "values": ["Online", "Offline"]}],
         "change_feed": {"rows_per_batch": 30, "changes": ["firmware", "status"]}},
        {"name": "devices_history", "history": {"of": "devices"}},
        {"name": "readings", "rows": 10000, "primary_key": "reading_id", "batch": {"mode": "append"}, "columns": [
          {"name": "reading_id", "type": "bigint", "strategy": "sequence"},
          {"name": "device_id", "type": "bigint", "strategy": "foreign_key", "references": "devices.device_id"},
          {"name": "reading_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01",
           "end": "2024-01-01T23:59:59"},
          {"name": "value", "type": "double", "strategy": "uniform", "min": 0, "max": 100}]}]}
      """;

  @TempDir
  Path tmp;
  Path plan;

  @BeforeEach
  void writePlan() throws Exception {
    plan = tmp.resolve("plan.json");
    Files.writeString(plan, PLAN);
  }

  private CliRun.Result generate(String... more) {
    String[] args = new String[more.length + 4];
    args[0] = "generate";
    args[1] = plan.toString();
    args[2] = "--threads";
    args[3] = "2";
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.run(args);
  }

  @Test
  void aLandedBatchHasExactFolderAndPartNamesAndTheSameBytesTwice() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    CliRun.Result r = generate("--batch", "1", "--layout", "batches", "--format", "json", "--max-records-per-file",
        "300", "--out", a.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("landed batch 1 of 5"), r.out());
    assertEquals(List.of("_synthgen/batch_0001.json", "_synthgen/landing.json", "readings/batch_0001/part-00000.json",
        "readings/batch_0001/part-00001.json", "readings/batch_0001/part-00002.json",
        "readings/batch_0001/part-00003.json"), files(a), "a static table is written with batch 0 only");
    assertEquals(0, generate("--batch", "1", "--layout", "batches", "--format", "json", "--max-records-per-file",
        "300", "--out", b.toString()).code());
    Map<String, String> sa = checksums(a, "readings/");
    assertEquals(sa, checksums(b, "readings/"), "batch 1 twice: the same bytes");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT count(*), min(reading_id), max(reading_id), count(DISTINCT reading_id) "
          + "FROM read_json_auto('" + a + "/readings/batch_0001/*.json')");
      rs.next();
      assertEquals(1000, rs.getLong(1));
      assertEquals(1000, rs.getLong(4));
      long first = rs.getLong(2);
      for (int k = 0; k < 4; k++) {
        ResultSet p = st.executeQuery("SELECT count(*) FROM read_json_auto('" + a
            + "/readings/batch_0001/part-0000" + k + ".json')");
        p.next();
        assertEquals(k < 3 ? 300 : 100, p.getLong(1), "part " + k);
      }
      // batch 0 added later: its own folders, batch 1 untouched, ids of batch 1 continue batch 0's
      assertEquals(0, generate("--batch", "0", "--layout", "batches", "--format", "json", "--max-records-per-file",
          "300", "--out", a.toString()).code());
      assertEquals(sa, checksums(a, "readings/batch_0001"));
      assertTrue(Files.isRegularFile(a.resolve("devices/batch_0000/part-00000.json")));
      rs = st.executeQuery("SELECT max(reading_id) FROM read_json_auto('" + a + "/readings/batch_0000/*.json')");
      rs.next();
      assertEquals(first - 1, rs.getLong(1), "batch 1's ids continue batch 0's");
    }
    JsonNode m = new ObjectMapper().readTree(a.resolve("_synthgen/batch_0001.json").toFile());
    assertEquals(1, m.path("batch").asLong());
    assertEquals("batches", m.path("layout").asText());
    assertEquals(300, m.path("max_records_per_file").asLong());
  }

  @Test
  void anExistingBatchIsRefusedWithTheFixAndOverwriteReplacesOnlyIt() throws Exception {
    Path out = tmp.resolve("land");
    assertEquals(0, generate("--batch", "0", "--layout", "cdc_raw", "--format", "csv", "--out", out.toString()).code());
    assertEquals(0, generate("--batch", "1", "--layout", "cdc_raw", "--format", "csv", "--out", out.toString()).code());
    assertTrue(Files.isRegularFile(out.resolve("cdc_raw/readings/initial_load/part-00000.csv")));
    assertTrue(Files.isRegularFile(out.resolve("cdc_raw/readings/batch_001/part-00000.csv")));
    Map<String, String> first = checksums(out, "initial_load");
    CliRun.Result again = generate("--batch", "1", "--layout", "cdc_raw", "--format", "csv", "--out",
        out.toString());
    assertEquals(2, again.code(), again.toString());
    assertTrue(again.err().contains("already landed") && again.err().contains("--batch 2")
        && again.err().contains("--overwrite"), again.err());
    CliRun.Result replaced = generate("--batch", "1", "--layout", "cdc_raw", "--format", "csv",
        "--max-records-per-file", "400", "--overwrite", "--out", out.toString());
    assertEquals(0, replaced.code(), replaced.toString());
    assertEquals(List.of("cdc_raw/readings/batch_001/part-00000.csv", "cdc_raw/readings/batch_001/part-00001.csv",
        "cdc_raw/readings/batch_001/part-00002.csv"), files(out).stream().filter(f -> f.contains("batch_001"))
        .toList());
    assertEquals(first, checksums(out, "initial_load"));
  }

  @Test
  void refusalsSayTheFix() throws Exception {
    CliRun.Result past = generate("--batch", "5", "--layout", "batches", "--out", tmp.resolve("x").toString());
    assertEquals(2, past.code(), past.toString());
    assertTrue(past.err().contains("0..4"), past.err());
    assertFalse(Files.exists(tmp.resolve("x").resolve("readings")));
    CliRun.Result cdc = generate("--cdc", "--batch", "1", "--out", tmp.resolve("y").toString());
    assertEquals(2, cdc.code(), cdc.toString());
    assertTrue(cdc.err().contains("plan file") && cdc.err().contains("template name"), cdc.err());
    CliRun.Result records = generate("--max-records-per-file", "10", "--out", tmp.resolve("z").toString());
    assertEquals(2, records.code(), records.toString());
    assertTrue(records.err().contains("--layout"), records.err());
    CliRun.Result noSeries = CliRun.run("generate", "retail", "--rows", "200", "--layout", "batches", "--out",
        tmp.resolve("w").toString());
    assertEquals(2, noSeries.code(), noSeries.toString());
    assertTrue(noSeries.err().contains("series"), noSeries.err());
    CliRun.Result rate = CliRun.run("stream", plan.toString(), "--rate", "0", "--out", tmp.resolve("s").toString());
    assertEquals(2, rate.code(), rate.toString());
    assertTrue(rate.err().contains("--rate"), rate.err());
  }

  @Test
  void streamLandsTheBatchesAskedForAndTheNextStreamContinues() throws Exception {
    Path out = tmp.resolve("stream");
    CliRun.Result r = CliRun.run("stream", plan.toString(), "--rate", "100000000", "--batches", "3", "--out",
        out.toString(), "--threads", "1");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("batch 2:"), r.err());
    assertTrue(r.out().contains("landed 3 batches") && r.out().contains("starts at batch 3"), r.out());
    assertTrue(Files.isRegularFile(out.resolve("readings/batch_0002/part-00000.json")));
    CliRun.Result rest = CliRun.run("stream", plan.toString(), "--rate", "100000000", "--out", out.toString(),
        "--threads", "1");
    assertEquals(0, rest.code(), rest.toString());
    assertTrue(rest.out().contains("landed 2 batches") && rest.out().contains("the series is complete"), rest.out());
    CliRun.Result done = CliRun.run("stream", plan.toString(), "--rate", "1000", "--out", out.toString());
    assertEquals(2, done.code(), done.toString());
    assertTrue(done.err().contains("every batch of the series"), done.err());
  }

  @Test
  void aBatchRunIsTheSameBytesTwiceAndItsManifestRecordsTheBatch() throws Exception {
    Path a = tmp.resolve("run-a");
    Path b = tmp.resolve("run-b");
    CliRun.Result r = generate("--batch", "2", "--out", a.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("batch 2 of 5"), r.out());
    assertEquals(0, generate("--batch", "2", "--out", b.toString()).code());
    assertEquals(checksums(a, "readings"), checksums(b, "readings"));
    assertFalse(checksums(a, "readings").isEmpty());
    JsonNode m = new ObjectMapper().readTree(a.resolve("manifest.json").toFile());
    assertEquals(2, m.path("batch").asLong(), m.toString());
    CliRun.Result past = generate("--batch", "5", "--out", tmp.resolve("run-c").toString());
    assertEquals(2, past.code(), past.toString());
    assertTrue(past.err().contains("0..4") || past.err().contains("0 .. 4"), past.err());
  }

  @Test
  void theSnapshotAfterKIsTheLandedFeedMerged() throws Exception {
    Path feedPlan = tmp.resolve("feed.json");
    Files.writeString(feedPlan, FEED_PLAN);
    Path land = tmp.resolve("land");
    for (int k = 0; k <= 2; k++) {
      CliRun.Result r = CliRun.run("generate", feedPlan.toString(), "--batch", Integer.toString(k), "--layout",
          "cdc_raw", "--format", "json", "--out", land.toString());
      assertEquals(0, r.code(), r.toString());
    }
    Path state = tmp.resolve("state");
    CliRun.Result snap = CliRun.run("snapshot", feedPlan.toString(), "--after", "2", "--format", "jsonl", "--out",
        state.toString());
    assertEquals(0, snap.code(), snap.toString());
    assertTrue(snap.out().contains("after batch 2 of 4"), snap.out());
    assertEquals(2, new ObjectMapper().readTree(state.resolve("manifest.json").toFile()).path("snapshot_after")
        .asLong());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("CREATE VIEW feed AS SELECT * FROM read_json_auto('" + land + "/cdc_raw/devices_cdc/*/*.json')");
      st.execute("CREATE VIEW merged AS SELECT device_id, firmware FROM (SELECT *, row_number() OVER (PARTITION BY "
          + "device_id ORDER BY operation_date DESC) AS rn FROM feed) WHERE rn = 1 AND operation <> 'DELETE'");
      st.execute("CREATE VIEW expected AS SELECT device_id, firmware FROM read_json_auto('" + state
          + "/devices.jsonl')");
      ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM expected), (SELECT count(*) FROM merged), "
          + "(SELECT count(*) FROM (SELECT * FROM merged EXCEPT SELECT * FROM expected))");
      rs.next();
      assertTrue(rs.getLong(1) > 0);
      assertEquals(rs.getLong(1), rs.getLong(2));
      assertEquals(0, rs.getLong(3));
    }
    CliRun.Result noFeed = CliRun.run("snapshot", plan.toString(), "--after", "1", "--out",
        tmp.resolve("nofeed").toString());
    assertEquals(2, noFeed.code(), noFeed.toString());
  }

  @Test
  void theCdcRecipeOfATemplateRunsAsBatches() throws Exception {
    Path out = tmp.resolve("retail-2");
    CliRun.Result r = CliRun.run("generate", "retail", "--cdc", "--rows", "500", "--batch", "2", "--threads", "2",
        "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("customers_cdc"), r.out());
    CliRun.Result snap = CliRun.run("snapshot", "retail", "--cdc", "--rows", "500", "--after", "4", "--out",
        tmp.resolve("retail-state").toString());
    assertEquals(0, snap.code(), snap.toString());
    assertTrue(snap.out().contains("customers"), snap.out());
  }

  @Test
  void landedBatchesOfFeedsHistoriesAndAppendTables() throws Exception {
    Path sensors = tmp.resolve("sensors.json");
    Files.writeString(sensors, SENSORS);
    Path root = tmp.resolve("landing");
    for (int k = 0; k <= 1; k++) {
      CliRun.Result r = CliRun.run("generate", sensors.toString(), "--batch", Integer.toString(k), "--layout",
          "batches", "--out", root.toString());
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().contains("validation: ") && r.out().contains(" 0 failed"), r.out());
    }
    assertTrue(Files.isRegularFile(root.resolve("devices_cdc/batch_0001/part-00000.parquet")));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("CREATE VIEW r0 AS SELECT * FROM read_parquet('" + root + "/readings/batch_0000/*.parquet')");
      st.execute("CREATE VIEW r1 AS SELECT * FROM read_parquet('" + root + "/readings/batch_0001/*.parquet')");
      st.execute("CREATE VIEW h AS SELECT * FROM read_parquet('" + root + "/devices_history/batch_0001/*.parquet')");
      ResultSet rs = st.executeQuery("SELECT (SELECT max(reading_id) FROM r0), (SELECT min(reading_id) FROM r1), "
          + "(SELECT count(*) FROM r0 JOIN r1 USING (reading_id)), "
          + "(SELECT count(*) FROM (SELECT * EXCLUDE (reading_id) FROM r0 INTERSECT SELECT * EXCLUDE (reading_id) "
          + "FROM r1)), "
          + "(SELECT count(*) FROM h) - (SELECT count(DISTINCT device_id) FROM h), "
          + "(SELECT count(*) FROM (SELECT device_id FROM h GROUP BY device_id HAVING count(*) FILTER (WHERE "
          + "is_current) > 1)), "
          + "(SELECT count(*) FROM h WHERE is_current <> (effective_to IS NULL)), "
          + "(SELECT count(*) FROM (SELECT effective_to, lead(effective_from) OVER (PARTITION BY device_id ORDER BY "
          + "effective_from) AS next FROM h) WHERE next IS NOT NULL AND effective_to <> next)");
      rs.next();
      assertEquals(rs.getLong(1) + 1, rs.getLong(2), "batch 1's reading ids continue batch 0's");
      assertEquals(0, rs.getLong(3));
      assertEquals(0, rs.getLong(4), "no reading repeated");
      assertTrue(rs.getLong(5) > 0, "some devices changed in batch 1");
      assertEquals(0, rs.getLong(6), "at most one current row per device");
      assertEquals(0, rs.getLong(7), "the current row is the open one");
      assertEquals(0, rs.getLong(8), "contiguous versions");
    }
  }

  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
          .filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  private static Map<String, String> checksums(Path root, String under) throws Exception {
    Map<String, String> out = new TreeMap<>();
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (String f : files(root)) {
      if (f.contains(under)) {
        out.put(f, HexFormat.of().formatHex(md.digest(Files.readAllBytes(root.resolve(f)))));
      }
    }
    return out;
  }
}
