package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.error;
import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.synthgen.server.catalog.databricks.WorkspaceStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Sensor readings as an incremental job, with a slowly changing device table", end to end as an assistant drives
 * it: the packaged server over stdio, the person's two tables made incremental by revise operations (a daily series,
 * readings appended per batch, a change feed and an SCD2 history of the devices), approval, batches 0 and 1 landed
 * by generate_full and read back with DuckDB; and the same batches appended to a Unity Catalog volume (the stand-in).
 */
class BatchesStdioIT {

  /** Sensor readings (10,000 a batch) and the devices they come from, as the person describes them. */
  private static final String PROPOSE = """
      {"name": "sensors", "tables": [
        {"name": "devices", "rows": 200, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence"},
          {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0.0", "1.1.0", "2.0.0"]},
          {"name": "status", "type": "string", "strategy": "values", "values": ["Online", "Offline", "Maintenance"],
           "weights": [80, 15, 5]}]},
        {"name": "readings", "rows": 10000, "primary_key": "reading_id", "columns": [
          {"name": "reading_id", "type": "bigint", "strategy": "sequence"},
          {"name": "device_id", "type": "bigint", "strategy": "foreign_key", "references": "devices.device_id"},
          {"name": "reading_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01",
           "end": "2024-01-01T23:59:59"},
          {"name": "value", "type": "double", "strategy": "uniform", "min": 0, "max": 100}]}]}
      """;

  /** "An incremental job, with a slowly changing device table": daily batches, appended readings, a device feed. */
  private static final String INCREMENTAL = "[{\"op\": \"set_series\", \"start\": \"2024-01-01\", "
      + "\"interval\": \"1 day\", \"batches\": 5}, "
      + "{\"op\": \"set_batch\", \"table\": \"readings\", \"mode\": \"append\"}, "
      + "{\"op\": \"set_change_feed\", \"table\": \"devices\", \"rows_per_batch\": 30, "
      + "\"changes\": [\"firmware\", \"status\"]}, "
      + "{\"op\": \"add_history\", \"table\": \"devices_history\", \"of\": \"devices\"}]";

  /** Proposes the tables, makes them incremental and approves the result; returns the plan id. */
  private static String approved(McpSyncClient c) {
    String id = ok(c, "propose_plan", PROPOSE).path("plan_id").asText();
    JsonNode v2 = ok(c, "revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": "
        + INCREMENTAL + "}");
    assertEquals(2, v2.path("version").asInt(), v2.toString());
    assertEquals("not_approved", error(c, "generate_full", "{\"plan_id\": \"" + id + "\", \"batch\": 0}"));
    ok(c, "approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 2}");
    return id;
  }

  @TempDir
  Path dir;

  @Test
  void incrementalReadingsWithAnScd2DeviceTable() throws Exception {
    Path out = dir.resolve("out");
    try (McpSyncClient c = Clients.stdio(dir.resolve("state"), out, null)) {
      String id = approved(c);

      JsonNode b0 = ok(c, "generate_full", "{\"plan_id\": \"" + id + "\", \"batch\": 0, \"wait_seconds\": 60}");
      assertEquals("succeeded", b0.path("status").asText(), b0.toString());
      assertEquals(0, b0.path("batch").asInt());
      assertEquals("batches", b0.path("layout").asText());
      assertTrue(b0.path("result").path("manifest").path("tables").toString()
          .contains("readings/batch_0000"), b0.toString());
      Path root = Path.of(b0.path("output_dir").asText());
      Map<String, String> batch0 = checksums(root, "batch_0000");

      JsonNode b1 = ok(c, "generate_full", "{\"plan_id\": \"" + id + "\", \"batch\": 1, \"wait_seconds\": 60}");
      assertEquals("succeeded", b1.path("status").asText(), b1.toString());
      assertEquals(batch0, checksums(root, "batch_0000"), "landing batch 1 leaves batch 0's files as they were");

      try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
        st.execute("CREATE VIEW r0 AS SELECT * FROM read_parquet('" + root + "/readings/batch_0000/*.parquet')");
        st.execute("CREATE VIEW r1 AS SELECT * FROM read_parquet('" + root + "/readings/batch_0001/*.parquet')");
        long n0 = one(st, "SELECT count(*) FROM r0");
        long n1 = one(st, "SELECT count(*) FROM r1");
        assertEquals(10_000, n0);
        assertEquals(10_000, n1);
        assertEquals(one(st, "SELECT max(reading_id) FROM r0") + 1, one(st, "SELECT min(reading_id) FROM r1"),
            "batch 1's reading ids continue batch 0's");
        assertEquals(n1, one(st, "SELECT count(DISTINCT reading_id) FROM r1"));
        assertEquals(0, one(st, "SELECT count(*) FROM r0 JOIN r1 USING (reading_id)"), "no id in both batches");
        assertEquals(0, one(st, "SELECT count(*) FROM (SELECT * EXCLUDE (reading_id) FROM r0 INTERSECT "
            + "SELECT * EXCLUDE (reading_id) FROM r1)"), "no reading of batch 0 is repeated in batch 1");
        assertTrue(one(st, "SELECT count(*) FROM r1 WHERE reading_ts <= (SELECT max(reading_ts) FROM r0)") == 0,
            "batch 1's readings come after batch 0's");

        // the device history after batch 1: contiguous versions, at most one current row, exactly one for a live key
        st.execute("CREATE VIEW h AS SELECT * FROM read_parquet('" + root
            + "/devices_history/batch_0001/*.parquet')");
        assertTrue(one(st, "SELECT count(*) FROM h") > one(st, "SELECT count(DISTINCT device_id) FROM h"),
            "some devices have more than one version after batch 1");
        assertEquals(0, one(st, "SELECT count(*) FROM (SELECT device_id FROM h GROUP BY device_id "
            + "HAVING count(*) FILTER (WHERE is_current) > 1)"), "at most one current row per device");
        assertEquals(0, one(st, "SELECT count(*) FROM h WHERE is_current <> (effective_to IS NULL)"),
            "the current row is the open one");
        assertEquals(0, one(st, "SELECT count(*) FROM (SELECT effective_to, lead(effective_from) OVER (PARTITION BY "
            + "device_id ORDER BY effective_from) AS next FROM h) WHERE next IS NOT NULL AND effective_to <> next"),
            "each version ends where the next begins");
        // the snapshot after batch 1 is the history's current rows
        JsonNode snap = ok(c, "generate_full", "{\"plan_id\": \"" + id + "\", \"snapshot_after\": 1, "
            + "\"wait_seconds\": 60}");
        assertEquals("succeeded", snap.path("status").asText(), snap.toString());
        Path state = Path.of(snap.path("output_dir").asText());
        assertEquals(one(st, "SELECT count(*) FROM h WHERE is_current"), one(st, "SELECT count(*) FROM "
            + "read_parquet('" + state + "/devices.parquet')"), "live devices after batch 1");
      }

      // batch 1 again: the person confirms (the test client says yes); exactly batch 1 is replaced
      JsonNode again = ok(c, "generate_full", "{\"plan_id\": \"" + id + "\", \"batch\": 1, \"wait_seconds\": 60}");
      assertEquals("succeeded", again.path("status").asText(), again.toString());
      assertTrue(again.path("result").path("replaced").asBoolean(), again.toString());
      assertEquals(batch0, checksums(root, "batch_0000"));
      assertEquals("batch_outside_series", error(c, "generate_full", "{\"plan_id\": \"" + id + "\", \"batch\": 5}"));
    }
  }

  @Test
  void writeToUcFilesAppendsEachBatchBesideTheEarlierOnes() throws Exception {
    try (WorkspaceStandIn ws = WorkspaceStandIn.start().addCatalog("demo")) {
      try (McpSyncClient c = Clients.stdio(dir.resolve("state"), dir.resolve("out"), null, ws.environment())) {
        String id = approved(c);
        String call = "{\"plan_id\": \"" + id + "\", \"catalog\": \"demo\", \"schema\": \"sensors\", \"target\": "
            + "\"files\", \"volume\": \"landing\", \"format\": \"json\", \"wait_seconds\": 60, \"batch\": ";
        JsonNode dry = ok(c, "write_to_uc", call.replace("\"wait_seconds\": 60", "\"dry_run\": true") + "0}");
        assertTrue(dry.path("creates").toString().contains("/Volumes/demo/sensors/landing/readings/batch_0000"),
            dry.toString());
        JsonNode b0 = ok(c, "write_to_uc", call + "0}");
        assertEquals("succeeded", b0.path("status").asText(), b0.toString());
        Path volume = ws.localPath("/Volumes/demo/sensors/landing");
        Map<String, String> first = checksums(volume, "batch_0000");
        assertTrue(first.keySet().stream().anyMatch(f -> f.startsWith("readings/batch_0000/part-00000.json")),
            first.toString());
        JsonNode b1 = ok(c, "write_to_uc", call + "1}");
        assertEquals("succeeded", b1.path("status").asText(), b1.toString());
        assertEquals(first, checksums(volume, "batch_0000"), "appending batch 1 leaves batch 0 as it was");
        assertTrue(Files.isRegularFile(volume.resolve("readings/batch_0001/part-00000.json")));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
          assertEquals(0, one(st, "SELECT count(*) FROM read_json_auto('" + volume
              + "/readings/batch_0000/*.json') a JOIN read_json_auto('" + volume
              + "/readings/batch_0001/*.json') b USING (reading_id)"));
        }
        assertEquals("batch_needs_files", error(c, "write_to_uc", "{\"plan_id\": \"" + id + "\", \"catalog\": "
            + "\"demo\", \"schema\": \"sensors\", \"batch\": 1}"));
      }
    }
  }

  private static long one(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, String> checksums(Path root, String folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(p).toString();
        if (rel.contains(folder)) {
          out.put(rel, HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
        }
      }
    }
    return out;
  }
}
