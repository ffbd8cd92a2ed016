package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Change feeds, states and histories checked against the rows the plan makes: damaged feed values fail even with the
 * manifest's bytes and checksums patched to match; a feed's defects get their own check and their own pattern in
 * each batch.
 */
class FeedVerifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path root;

  /** The change-feeds example (devices, 200 rows, 40 operations a batch) with ten defects on the feed. */
  private static String withDefects() throws Exception {
    try (InputStream in = FeedVerifierTest.class.getResourceAsStream("feed-quality.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String clean() throws Exception {
    ObjectNode p = (ObjectNode) JSON.readTree(withDefects());
    for (JsonNode t : p.path("tables")) {
      ((ObjectNode) t).remove("quality");
    }
    return JSON.writeValueAsString(p);
  }

  private RunResult batch(String plan, long k, String dir) throws Exception {
    return Runs.generate(Plans.resolve(plan), k, root.resolve(dir), WriterOptions.parquetZstd(), new Engine(2, 64),
        Progress.NONE, new Cancellation());
  }

  private static Set<String> failed(ValidationReport r) {
    Set<String> s = new TreeSet<>();
    for (Check c : r.failures()) {
      s.add(c.table() + " " + c.kind());
    }
    return s;
  }

  private static Check check(ValidationReport r, String table, String kind) {
    return r.checks().stream().filter(c -> c.table().equals(table) && c.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " check of " + table + " in " + r.checks()));
  }

  @ParameterizedTest(name = "defects {0}, batch {1}")
  @CsvSource({"false, 0", "false, 2", "true, 0", "true, 2"})
  void untouchedFeedsAndHistoriesPassTheirValueChecks(boolean defects, long k) throws Exception {
    RunResult run = batch(defects ? withDefects() : clean(), k, "b" + k);
    ValidationReport r = RunVerifier.verify(run.dir());
    assertEquals(Set.of(), failed(r), r.checks().toString());
    assertTrue(check(r, "devices_cdc", "values").observed().startsWith("all "), r.checks().toString());
    assertTrue(check(r, "devices_history", "values").passed());
    if (defects) {
      // the defects check runs for a feed, in the run's own validation and when the folder is checked
      assertTrue(check(r, "devices", "defects").passed());
      assertTrue(check(run.validation(), "devices", "defects").passed(), run.validation().checks().toString());
    }
  }

  @Test
  void theStateAfterABatchPassesItsValueChecks() throws Exception {
    RunResult run = Runs.snapshot(Plans.resolve(withDefects()), 3, root.resolve("s3"), WriterOptions.parquetZstd(),
        new Engine(2, 64), Progress.NONE, new Cancellation());
    ValidationReport r = RunVerifier.verify(run.dir());
    assertEquals(Set.of(), failed(r), r.checks().toString());
    assertTrue(check(r, "devices", "values").passed());
    assertTrue(check(r, "devices_history", "values").passed());
  }

  @ParameterizedTest(name = "{0}, defects {1}")
  @CsvSource(delimiter = '|', value = {
      "firmware := GARBAGE|false|SELECT * REPLACE ('GARBAGE' AS firmware) FROM t ORDER BY file_row_number",
      "firmware := GARBAGE|true|SELECT * REPLACE ('GARBAGE' AS firmware) FROM t ORDER BY file_row_number",
      "DELETE := APPEND|false|SELECT * REPLACE (CASE WHEN operation = 'DELETE' THEN 'APPEND' ELSE operation END "
          + "AS operation) FROM t ORDER BY file_row_number",
      "an UPDATE's key := 99999|false|SELECT * REPLACE (CASE WHEN file_row_number = (SELECT min(file_row_number) "
          + "FROM t WHERE operation = 'UPDATE') THEN 99999 ELSE device_id END AS device_id) FROM t "
          + "ORDER BY file_row_number",
      "an UPDATE's key := 99999|true|SELECT * REPLACE (CASE WHEN file_row_number = (SELECT min(file_row_number) "
          + "FROM t WHERE operation = 'UPDATE') THEN 99999 ELSE device_id END AS device_id) FROM t "
          + "ORDER BY file_row_number"})
  void damagedFeedValuesFailWithTheManifestPatched(String damage, boolean defects, String select) throws Exception {
    RunResult run = batch(defects ? withDefects() : clean(), 2, "damaged");
    Path feed = run.dir().resolve("devices_cdc.parquet");
    Path tmp = root.resolve("rewritten.parquet");
    try (Duck duck = new Duck()) {
      duck.exec("CREATE VIEW t AS SELECT * FROM read_parquet('" + feed + "', file_row_number = true)");
      duck.exec("COPY (SELECT * EXCLUDE (file_row_number) FROM (" + select + ")) TO '" + tmp
          + "' (FORMAT parquet, COMPRESSION zstd)");
    }
    Files.move(tmp, feed, StandardCopyOption.REPLACE_EXISTING);
    patchManifest(run.dir(), "devices_cdc", feed);
    ValidationReport r = RunVerifier.verify(run.dir());
    Check values = check(r, "devices_cdc", "values");
    assertEquals(Set.of("devices_cdc values"), failed(r).contains("devices defects")
        ? minus(failed(r), "devices defects") : failed(r), damage + ": " + r.failures());
    String column = damage.startsWith("firmware") ? "firmware" : damage.startsWith("DELETE") ? "operation"
        : "device_id";
    assertTrue(values.observed().contains(" " + column + ": "), values.observed());
    assertTrue(values.observed().matches("\\d+ rows differ \\(\\d+ cells\\); first: row \\d+ .*"), values.observed());
  }

  private static Set<String> minus(Set<String> s, String x) {
    Set<String> out = new TreeSet<>(s);
    out.remove(x);
    return out;
  }

  /** Sets the manifest's bytes and SHA-256 of {@code table}'s single file to what {@code file} now holds. */
  private static void patchManifest(Path dir, String table, Path file) throws Exception {
    ObjectNode m = (ObjectNode) JSON.readTree(dir.resolve(Manifest.FILE).toFile());
    long size = Files.size(file);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    for (JsonNode t : m.path("tables")) {
      if (t.path("name").asText().equals(table)) {
        assertEquals(1, t.path("files").size());
        ObjectNode f = (ObjectNode) t.path("files").get(0);
        f.put("bytes", size);
        f.put("sha256", sha);
        ((ObjectNode) t).put("bytes", size);
      }
    }
    Files.writeString(dir.resolve(Manifest.FILE), JSON.writeValueAsString(m));
  }

  @Test
  void eachFeedBatchHasItsOwnDefectsAndTheSameBytesTwice() throws Exception {
    String plan = withDefects();
    String[] patterns = new String[3];
    for (int k = 1; k <= 2; k++) {
      RunResult run = batch(plan, k, "p" + k);
      try (Duck duck = new Duck()) {
        duck.view("truth", run.dir().resolve("devices_cdc_defects.parquet"));
        // positions only: the values differ between batches whatever the streams
        patterns[k] = duck.one("SELECT string_agg(defect || '@' || CAST(row AS VARCHAR), ',' ORDER BY row, defect) "
            + "FROM truth WHERE defect IN ('duplicates', 'jitter', 'out_of_order')");
      }
    }
    assertNotEquals(patterns[1], patterns[2], "batch 2 repeats batch 1's defect positions and offsets");
    RunResult again = batch(plan, 2, "p2again");
    for (String f : new String[] {"devices_cdc.parquet", "devices_cdc_defects.parquet"}) {
      assertArrayEquals(Files.readAllBytes(root.resolve("p2").resolve(f)), Files.readAllBytes(again.dir().resolve(f)),
          f);
    }
  }
}
