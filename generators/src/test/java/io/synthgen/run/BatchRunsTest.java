package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.BatchRefused;
import io.synthgen.series.SeriesPlans;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.template.Recipes;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs of batch k: what the folder and the manifest hold, and the batches that are refused. */
class BatchRunsTest {

  private static final ResolvedPlan PLAN = SeriesPlans.resolved();

  @TempDir
  Path dir;

  private static RunResult run(ResolvedPlan plan, Long batch, Path out) throws IOException {
    return Runs.generate(plan, batch, out, WriterOptions.parquetZstd(), new Engine(2, 128), Progress.NONE,
        new Cancellation());
  }

  private static Check check(RunResult r, String table, String column, String kind) {
    return r.validation().checks().stream().filter(c -> c.table().equals(table) && column.equals(c.column())
        && c.kind().equals(kind)).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " check of "
        + table + "." + column));
  }

  private static List<String> names(JsonNode tables) {
    List<String> out = new ArrayList<>();
    tables.forEach(t -> out.add(t.path("name").asText()));
    return out;
  }

  @Test
  void batchTwoWritesTheAppendSlicesWithTheirRolesAndWindows() throws Exception {
    Path out = dir.resolve("b2");
    RunResult r = run(PLAN, 2L, out);
    assertEquals(2L, r.batch());
    assertTrue(r.validation().passed(), r.validation().failures().toString());
    Check range = check(r, "readings", "reading_ts", "range");
    assertTrue(range.expected().startsWith("2024-01-03"), "the range moved with the batch: " + range);
    assertEquals("0 orphans", check(r, "items", "order_id", "foreign_key").observed(),
        "items point into orders of batch 2");
    assertEquals("0 orphans", check(r, "readings", "device_id", "foreign_key").observed(),
        "readings point into the static devices");
    assertTrue(r.validation().checks().stream().noneMatch(c -> c.table().equals("devices")),
        "a table not written is not checked");
    JsonNode m = new ObjectMapper().readTree(out.resolve(Manifest.FILE).toFile());
    assertEquals(2, m.path("batch").asLong());
    assertTrue(m.path("snapshot_after").isMissingNode());
    assertEquals("2024-01-01", m.path("series").path("start").asText());
    assertEquals("1 day", m.path("series").path("interval").asText());
    assertEquals(5, m.path("series").path("batches").asLong());
    assertEquals(List.of("readings", "orders", "items", "device_logs"), names(m.path("tables")));
    for (JsonNode t : m.path("tables")) {
      assertEquals("append", t.path("role").asText());
      assertEquals("2024-01-03T00:00:00", t.path("window").path("start").asText());
      assertEquals("2024-01-04T00:00:00", t.path("window").path("end").asText());
    }
    RunManifest read = RunManifest.read(out).orElseThrow();
    assertEquals(2L, read.batch());
    assertNull(read.snapshotAfter());
    assertEquals(PLAN.series(), read.series());
    assertEquals("append", read.table("items").orElseThrow().role());
    assertEquals(PLAN.windowStartMicros(2), read.table("items").orElseThrow().window().startMicros());
    assertFalse(Files.exists(out.resolve("devices.parquet")), "a static table is written with batch 0 only");

    try (Duck duck = new Duck()) {
      duck.parquetViews(out, "readings", "items", "orders");
      assertEquals("1001 1500 500", duck.one("SELECT min(reading_id) || ' ' || max(reading_id) || ' ' || "
          + "count(DISTINCT reading_id) FROM readings"), "batch 2 holds readings 1001..1500");
      assertEquals(0, duck.count("SELECT count(*) FROM readings WHERE reading_ts < TIMESTAMP '2024-01-03' "
          + "OR reading_ts >= TIMESTAMP '2024-01-04'"));
      assertEquals(0, duck.count("SELECT count(*) FROM items i LEFT JOIN orders o USING (order_id) "
          + "WHERE o.order_id IS NULL"), "every item of batch 2 belongs to an order of batch 2");
      assertEquals(121, duck.count("SELECT min(order_id) FROM orders"));
    }
  }

  @Test
  void noBatchRunsBatchZeroOfASeriesWithEveryTable() throws Exception {
    Path out = dir.resolve("b0");
    RunResult r = run(PLAN, null, out);
    assertEquals(0L, r.batch());
    assertTrue(r.validation().passed(), r.validation().failures().toString());
    JsonNode m = new ObjectMapper().readTree(out.resolve(Manifest.FILE).toFile());
    assertEquals(0, m.path("batch").asLong());
    JsonNode devices = m.path("tables").get(0);
    assertEquals("devices", devices.path("name").asText());
    assertEquals("static", devices.path("role").asText());
    assertTrue(devices.path("window").isMissingNode(), "a static table has no window");
  }

  @Test
  void aPlanWithoutSeriesKeepsItsManifestAndRefusesABatch() throws Exception {
    ResolvedPlan plain = Plans.resolve(Plans.read(SeriesPlans.document()));
    Path out = dir.resolve("plain");
    RunResult r = run(plain, null, out);
    assertNull(r.batch());
    JsonNode m = new ObjectMapper().readTree(out.resolve(Manifest.FILE).toFile());
    assertTrue(m.path("batch").isMissingNode() && m.path("series").isMissingNode()
        && m.path("tables").get(0).path("role").isMissingNode(), m.toString());
    assertTrue(RunVerifier.verify(out).passed(), RunVerifier.verify(out).failures().toString());
    Path manifest = out.resolve(Manifest.FILE);
    Files.writeString(manifest, Files.readString(manifest).replace("\"seconds\"", "\"batch\" : 0, \"seconds\""));
    assertTrue(RunVerifier.verify(out).failures().stream().anyMatch(c -> c.kind().equals("series")),
        "a batch in the manifest of a plan without a series fails");
    Path refused = dir.resolve("refused");
    BatchRefused e = assertThrows(BatchRefused.class, () -> run(plain, 0L, refused));
    assertTrue(e.getMessage().contains("has no series") && e.getMessage().contains("without a batch"),
        e.getMessage());
    assertFalse(Files.exists(refused), "a refused batch writes nothing");
  }

  @Test
  void aBatchOutsideTheSeriesIsRefusedWithTheFix() {
    Path out = dir.resolve("b5");
    BatchRefused e = assertThrows(BatchRefused.class, () -> run(PLAN, 5L, out));
    assertTrue(e.getMessage().contains("batches are 0..4") && e.getMessage().contains("series.batches"),
        e.getMessage());
    assertThrows(BatchRefused.class, () -> run(PLAN, -1L, out));
    assertFalse(Files.exists(out));
  }

  @Test
  void aSnapshotOfAPlanWithoutFeedsSaysWhatToAdd() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Runs.snapshot(PLAN, 2,
        dir.resolve("s"), WriterOptions.parquetZstd(), new Engine(1, 128), Progress.NONE, new Cancellation()));
    assertTrue(e.getMessage().contains("change_feed"), e.getMessage());
    assertThrows(BatchRefused.class, () -> Runs.snapshot(PLAN, 9, dir.resolve("s"), WriterOptions.parquetZstd(),
        new Engine(1, 128), Progress.NONE, new Cancellation()));
  }

  @Test
  void theVerifierRechecksABatchFolderAndCatchesAnEditedBatch() throws Exception {
    Path out = dir.resolve("v1");
    run(PLAN, 1L, out);
    ValidationReport ok = RunVerifier.verify(out);
    assertTrue(ok.passed(), ok.failures().toString());
    assertTrue(ok.checks().stream().anyMatch(c -> c.kind().equals("window") && c.table().equals("items")),
        "the window of every table is checked");

    Path manifest = out.resolve(Manifest.FILE);
    String text = Files.readString(manifest);
    Files.writeString(manifest, text.replace("\"batch\" : 1", "\"batch\" : 3"));
    ValidationReport edited = RunVerifier.verify(out);
    assertFalse(edited.passed());
    assertTrue(edited.failures().stream().anyMatch(c -> c.kind().equals("window")), edited.failures().toString());
    assertTrue(edited.failures().stream().anyMatch(c -> c.kind().equals("unique") && c.table().equals("readings")),
        "batch 1's keys are not batch 3's: " + edited.failures());

    Files.writeString(manifest, text.replace("\"batch\" : 1", "\"batch\" : 7"));
    assertTrue(RunVerifier.verify(out).failures().stream().anyMatch(c -> c.kind().equals("batch")),
        "a batch outside the series fails");
    Files.writeString(manifest, text.replace("\"role\" : \"append\"", "\"role\" : \"static\""));
    assertTrue(RunVerifier.verify(out).failures().stream().anyMatch(c -> c.kind().equals("role")));
  }

  @Test
  void feedsHistoriesAndTheStateAfterKRunWithTheirRoles() throws Exception {
    ResolvedPlan cdc = Plans.resolve(Recipes.cdc(Plans.template("retail", 400)));
    Map<String, String> roles0 = roles(run(cdc, 0L, dir.resolve("c0")));
    Map<String, String> roles2 = roles(run(cdc, 2L, dir.resolve("c2")));
    assertTrue(roles0.containsValue("feed") && roles0.containsValue("static"), roles0.toString());
    assertFalse(roles2.containsValue("static"), "static tables are batch 0's: " + roles2);
    assertTrue(roles2.containsValue("feed"), roles2.toString());
    for (String d : List.of("c0", "c2")) {
      ValidationReport r = RunVerifier.verify(dir.resolve(d));
      assertTrue(r.passed(), d + ": " + r.failures());
    }
    RunResult s = Runs.snapshot(cdc, 2, dir.resolve("s2"), WriterOptions.parquetZstd(), new Engine(2, 128),
        Progress.NONE, new Cancellation());
    assertEquals(2L, s.snapshotAfter());
    assertNull(s.batch());
    JsonNode m = new ObjectMapper().readTree(dir.resolve("s2").resolve(Manifest.FILE).toFile());
    assertEquals(2, m.path("snapshot_after").asLong());
    assertTrue(m.path("batch").isMissingNode());
    for (JsonNode t : m.path("tables")) {
      String role = t.path("role").asText();
      assertTrue(role.equals("state") || role.equals("history"), t.toString());
      assertEquals("2024-01-01T00:00:00".length(), t.path("window").path("start").asText().length());
    }
    ValidationReport r = RunVerifier.verify(dir.resolve("s2"));
    assertTrue(r.passed(), r.failures().toString());
  }

  private static Map<String, String> roles(RunResult r) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    RunManifest m = RunManifest.read(r.dir()).orElseThrow();
    m.tables().forEach(t -> out.put(t.name(), t.role()));
    return out;
  }
}
