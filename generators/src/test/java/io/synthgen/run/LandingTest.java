package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.series.FeedSources;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingTest {

  private static final ResolvedPlan PLAN = Plans.resolve(Plans.template("retail", 600));
  private static final Engine ENGINE = new Engine(2, 97);

  @TempDir
  Path tmp;

  private Landing.Result land(Path root, long batch, Landing.Layout layout, WriterOptions o, boolean overwrite)
      throws IOException {
    return Landing.write(PLAN, TableSource.all(PLAN), batch, root, layout, o, overwrite, ENGINE, Progress.NONE,
        new Cancellation(), null);
  }

  private static WriterOptions json(long maxRecords) {
    return new WriterOptions(Destination.Format.JSONL, Destination.Compression.NONE, maxRecords);
  }

  @Test
  void batchesLayoutNamesEveryFolderAndPart() throws Exception {
    Path root = tmp.resolve("land");
    Landing.Result r = land(root, 0, Landing.Layout.BATCHES, json(0), false);
    for (TableSource s : TableSource.all(PLAN)) {
      Path part = root.resolve(s.name()).resolve("batch_0000").resolve("part-00000.json");
      assertTrue(Files.isRegularFile(part), part.toString());
      try (Stream<Path> f = Files.list(part.getParent())) {
        assertEquals(1, f.count(), "one part without a max records per file");
      }
    }
    assertEquals(Map.of(), hidden(root), "no staging or temporary file is left");
    assertTrue(Files.isRegularFile(root.resolve("_synthgen/batch_0000.json")));
    assertEquals(List.of(0L), Landing.landedBatches(root));
    assertEquals(1, Landing.nextBatch(root));
    assertEquals(PLAN.tables().stream().mapToLong(t -> t.rows()).sum(), r.rows());
  }

  @Test
  void maxRecordsPerFileSplitsAtExactMultiples() throws Exception {
    Path root = tmp.resolve("land");
    Landing.Result r = land(root, 3, Landing.Layout.BATCHES, json(70), false);
    try (Duck duck = new Duck()) {
      for (Landing.Landed t : r.tables()) {
        long rows = PLAN.table(t.table()).rows();
        assertEquals((rows + 69) / 70, t.files().size(), t.table());
        for (int k = 0; k < t.files().size(); k++) {
          String name = String.format("part-%05d.json", k);
          assertEquals(t.table() + "/batch_0003/" + name, t.files().get(k).path());
          Path file = root.resolve(t.files().get(k).path());
          long expected = Math.min(70, rows - 70L * k);
          assertEquals(expected, duck.count("SELECT count(*) FROM read_json_auto('" + file + "')"), file.toString());
        }
        assertEquals(rows, duck.count("SELECT count(*) FROM read_json_auto('" + root.resolve(t.folder())
            + "/*.json')"));
      }
    }
  }

  @Test
  void cdcRawLayoutUsesTheSeedsNames() throws Exception {
    Path root = tmp.resolve("land");
    WriterOptions csv = new WriterOptions(Destination.Format.CSV, Destination.Compression.NONE, 0);
    land(root, 0, Landing.Layout.CDC_RAW, csv, false);
    land(root, 1, Landing.Layout.CDC_RAW, csv, false);
    land(root, 12, Landing.Layout.CDC_RAW, csv, false);
    String t = PLAN.tables().get(0).name();
    assertTrue(Files.isRegularFile(root.resolve("cdc_raw/" + t + "/initial_load/part-00000.csv")));
    assertTrue(Files.isRegularFile(root.resolve("cdc_raw/" + t + "/batch_001/part-00000.csv")));
    assertTrue(Files.isRegularFile(root.resolve("cdc_raw/" + t + "/batch_012/part-00000.csv")));
    assertThrows(IllegalArgumentException.class, () -> land(root, 1000, Landing.Layout.CDC_RAW, csv, false));
  }

  @Test
  void aSecondBatchNeverTouchesTheFirst() throws Exception {
    Path root = tmp.resolve("land");
    WriterOptions parquet = new WriterOptions(Destination.Format.PARQUET, Destination.Compression.ZSTD, 100);
    land(root, 0, Landing.Layout.BATCHES, parquet, false);
    Map<String, String> before = checksums(root, "batch_0000");
    Map<String, Long> times = modified(root, "batch_0000");
    land(root, 1, Landing.Layout.BATCHES, parquet, false);
    assertEquals(before, checksums(root, "batch_0000"));
    assertEquals(times, modified(root, "batch_0000"));
    assertFalse(checksums(root, "batch_0001").isEmpty());
    assertEquals(List.of(0L, 1L), Landing.landedBatches(root));
  }

  @Test
  void anExistingBatchIsRefusedAndOverwriteReplacesExactlyIt() throws Exception {
    Path root = tmp.resolve("land");
    land(root, 0, Landing.Layout.BATCHES, json(0), false);
    land(root, 1, Landing.Layout.BATCHES, json(0), false);
    Map<String, Long> first = modified(root, "batch_0000");
    Landing.BatchExists e = assertThrows(Landing.BatchExists.class,
        () -> land(root, 1, Landing.Layout.BATCHES, json(50), false));
    assertEquals(PLAN.tables().size(), e.folders().size());
    assertEquals(1, Files.list(root.resolve(PLAN.tables().get(0).name()).resolve("batch_0001")).count(),
        "the refused batch changed nothing");
    Landing.Result r = land(root, 1, Landing.Layout.BATCHES, json(50), true);
    assertTrue(r.replaced());
    assertTrue(Files.list(root.resolve(PLAN.tables().get(0).name()).resolve("batch_0001")).count() > 1);
    assertEquals(first, modified(root, "batch_0000"));
    assertEquals(Map.of(), hidden(root));
  }

  @Test
  void anotherPlanOrLayoutOrForeignFilesAreRefused() throws Exception {
    Path root = tmp.resolve("land");
    land(root, 0, Landing.Layout.BATCHES, json(0), false);
    ResolvedPlan other = Plans.resolve(Plans.template("retail", 600).withSeed(7));
    assertThrows(Landing.NotALanding.class, () -> Landing.write(other, TableSource.all(other), 1, root,
        Landing.Layout.BATCHES, json(0), false, ENGINE, Progress.NONE, new Cancellation(), null));
    assertThrows(Landing.NotALanding.class, () -> land(root, 1, Landing.Layout.CDC_RAW, json(0), false));
    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertThrows(Landing.NotALanding.class, () -> land(foreign, 0, Landing.Layout.BATCHES, json(0), false));
    assertEquals(List.of(Path.of("notes.txt")), list(foreign));
  }

  @Test
  void aCancelledBatchLeavesNothingUnderAFinalName() throws Exception {
    Path root = tmp.resolve("land");
    land(root, 0, Landing.Layout.BATCHES, json(0), false);
    Map<String, String> before = checksums(root, "");
    Cancellation cancel = new Cancellation();
    // cancelled while the second table is being written: the first is complete in the staging folder only
    Progress cancelOnSecond = (t, d, n, rd, rt) -> {
      if (!t.equals(PLAN.tables().get(0).name())) {
        cancel.cancel();
      }
    };
    assertThrows(CancellationException.class, () -> Landing.write(PLAN, TableSource.all(PLAN), 1, root,
        Landing.Layout.BATCHES, json(0), false, ENGINE, cancelOnSecond, cancel, null));
    assertEquals(before, checksums(root, ""), "only batch 0 and its manifest");
    assertEquals(Map.of(), hidden(root));
    assertEquals(List.of(0L), Landing.landedBatches(root));
  }

  @Test
  void aChangeFeedLandedInTheSeedsLayoutMergesToItsState() throws Exception {
    ResolvedPlan plan = Plans.resolve(Plans.read("""
        {"format": "synthgen.plan/v1", "name": "devices_feed", "reference_date": "2025-01-01", "seed": 3,
         "series": {"start": "2024-01-01", "interval": "1 day", "batches": 4},
         "tables": [
          {"name": "devices", "rows": 300, "primary_key": "device_id", "columns": [
            {"name": "device_id", "type": "bigint", "strategy": "sequence"},
            {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0", "1.1", "2.0"]}],
           "change_feed": {"rows_per_batch": 60}}]}
        """));
    io.synthgen.resolve.ResolvedTable devices = plan.table("devices");
    Path root = tmp.resolve("cdc");
    for (long k = 0; k < 3; k++) {
      Landing.write(plan, List.of(FeedSources.feed(plan, devices, k)), k, root, Landing.Layout.CDC_RAW, json(25),
          false, ENGINE, Progress.NONE, new Cancellation(), null);
    }
    assertTrue(Files.isRegularFile(root.resolve("cdc_raw/devices_cdc/initial_load/part-00011.json")));
    assertTrue(Files.isRegularFile(root.resolve("cdc_raw/devices_cdc/batch_002/part-00002.json")));
    Path state = tmp.resolve("state");
    new Engine(1, 1000).run(List.of(FeedSources.state(plan, devices, 2)), state, json(0), Progress.NONE,
        new Cancellation(), null);
    try (Duck duck = new Duck()) {
      duck.exec("CREATE VIEW feed AS SELECT * FROM read_json_auto('" + root + "/cdc_raw/devices_cdc/*/*.json')");
      duck.exec("CREATE VIEW merged AS SELECT device_id, firmware FROM (SELECT *, row_number() OVER (PARTITION BY "
          + "device_id ORDER BY operation_date DESC) AS rn FROM feed) WHERE rn = 1 AND operation <> 'DELETE'");
      duck.exec("CREATE VIEW expected AS SELECT device_id, firmware FROM read_json_auto('" + state
          + "/devices.jsonl')");
      long n = duck.count("SELECT count(*) FROM expected");
      assertTrue(n > 0);
      assertEquals(n, duck.count("SELECT count(*) FROM merged"));
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM merged EXCEPT SELECT * FROM expected)"),
          "the landed feed of batches 0..2, merged, is the state after batch 2");
    }
  }

  /** Hidden entries of the landing other than its lock file: staging folders and temporary files. */
  private static Map<String, Long> hidden(Path root) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> p.getFileName().toString().startsWith(".")
          && !p.getFileName().toString().equals(Landing.LOCK_FILE)).forEach(p -> out.put(p.toString(), 0L));
    }
    return out;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(dir::relativize).toList();
    }
  }

  private static Map<String, String> checksums(Path root, String folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(p).toString();
        if (rel.contains(folder) && !rel.endsWith(Landing.LOCK_FILE)) {
          out.put(rel, HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
        }
      }
    }
    return out;
  }

  private static Map<String, Long> modified(Path root, String folder) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = root.relativize(p).toString();
        if (rel.contains(folder)) {
          out.put(rel, Files.getLastModifiedTime(p).toMillis());
        }
      }
    }
    return out;
  }
}
