package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full runs: what a finished run leaves, and that a cancelled or failed one leaves nothing. */
class RunsTest {

  @TempDir
  Path dir;

  private static RunResult generate(Plan plan, Path out, Engine engine, Progress progress, Cancellation cancel)
      throws IOException {
    return Runs.generate(Plans.resolve(plan), out, WriterOptions.parquetZstd(), engine, progress, cancel);
  }

  /** Every file under a folder (hidden ones included) with its SHA-256. */
  private static Map<String, String> snapshot(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), sha256(p));
      }
    }
    return out;
  }

  private static String sha256(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  @Test
  void aFinishedRunWritesTablesPlanAndManifest() throws Exception {
    Plan plan = Plans.template("retail", 300);
    ResolvedPlan resolved = Plans.resolve(plan);
    RunResult r = Runs.generate(resolved, dir, WriterOptions.parquetZstd(), new Engine(2, 1000), Progress.NONE,
        new Cancellation());
    Map<String, String> files = snapshot(dir);
    assertEquals(new java.util.TreeSet<>(java.util.List.of("customers.parquet", "products.parquet",
        "transactions.parquet", "line_items.parquet", "inventory.parquet", "manifest.json", "plan.json")),
        files.keySet());
    JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    assertEquals(r.planHash(), m.path("plan").path("hash").asText());
    assertEquals(r.planHash(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(dir.resolve("plan.json")))), "the hash is the SHA-256 of plan.json");
    assertEquals(42, m.path("plan").path("seed").asLong());
    assertTrue(m.path("validation").path("passed").asBoolean());
    for (JsonNode t : m.path("tables")) {
      String name = t.path("name").asText();
      assertEquals(resolved.table(name).rows(), t.path("rows").asLong(), name);
      JsonNode f = t.path("files").get(0);
      assertEquals(files.get(f.path("path").asText()), f.path("sha256").asText(), name + " checksum");
      assertEquals(Files.size(dir.resolve(f.path("path").asText())), f.path("bytes").asLong());
    }
    Plan written = PlanCodec.read(Files.readString(dir.resolve("plan.json")));
    assertEquals(resolved.table("line_items").rows(), written.table("line_items").orElseThrow().rows(),
        "plan.json carries exact row counts");

    // a second run into the same folder replaces everything, leaving nothing else behind
    generate(plan.withSeed(7), dir, new Engine(1, 1000), Progress.NONE, new Cancellation());
    Map<String, String> again = snapshot(dir);
    assertEquals(files.keySet(), again.keySet());
    assertTrue(!files.get("customers.parquet").equals(again.get("customers.parquet")), "replaced");
  }

  @Test
  void aCancelledRunLeavesTheFolderAsItWas() throws Exception {
    generate(Plans.template("retail", 200), dir, new Engine(1, 1000), Progress.NONE, new Cancellation());
    Map<String, String> before = snapshot(dir);

    Cancellation cancel = new Cancellation();
    AtomicInteger updates = new AtomicInteger();
    Progress cancelMidway = (table, done, total, runDone, runTotal) -> {
      if (updates.incrementAndGet() == 3) {
        cancel.cancel();
      }
    };
    assertThrows(CancellationException.class,
        () -> generate(Plans.template("retail", 20_000), dir, new Engine(2, 1000), cancelMidway, cancel));
    assertTrue(cancel.isCancelled());
    assertEquals(before, snapshot(dir), "no new table file, no staging folder, the earlier run untouched");
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no hidden leftovers");
    }
  }

  @Test
  void anOutputPathThatIsAFileGivesAClearError() throws Exception {
    Path file = dir.resolve("out");
    Files.writeString(file, "not a folder");
    IOException e = assertThrows(IOException.class,
        () -> generate(Plans.template("retail", 100), file, new Engine(1, 1000), Progress.NONE, new Cancellation()));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a folder"), "says what is wrong: " + e.getMessage());
    assertEquals("not a folder", Files.readString(file), "the file is left alone");
  }

  @Test
  void aFailingWriterRemovesItsStagingFolder() throws Exception {
    // a folder where the staging area would put a table file makes the writer fail midway
    Path out = dir.resolve("run");
    Files.createDirectories(out);
    Cancellation cancel = new Cancellation();
    Progress blockStaging = (table, done, total, runDone, runTotal) -> {
      if (table.equals("customers")) {
        try (Stream<Path> s = Files.list(dir)) {
          for (Path staging : s.filter(p -> p.getFileName().toString().startsWith(".synthgen-run.new-")).toList()) {
            Files.createDirectories(staging.resolve("products.parquet").resolve("blocker"));
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    Exception e = assertThrows(Exception.class,
        () -> generate(Plans.template("retail", 2_000), out, new Engine(1, 1000), blockStaging, cancel));
    assertTrue(e instanceof IOException || e instanceof java.io.UncheckedIOException, e.toString());
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(java.util.List.of(), s.map(p -> p.getFileName().toString()).toList(), "nothing left behind");
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(java.util.List.of("run"), s.map(p -> p.getFileName().toString()).toList(),
          "no staging folder or lock file beside the output folder");
    }
  }

  @Test
  void aFolderHoldingOtherFilesIsNotReplaced() throws Exception {
    Path out = dir.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "keep me");
    IOException e = assertThrows(IOException.class,
        () -> generate(Plans.template("retail", 100), out, new Engine(1, 1000), Progress.NONE, new Cancellation()));
    assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("choose an empty or new output folder"),
        e.getMessage());
    assertEquals("keep me", Files.readString(out.resolve("notes.txt")));

    // a file the person adds beside a finished run is not deleted by the next run either
    Path run = dir.resolve("run");
    generate(Plans.template("retail", 100), run, new Engine(1, 1000), Progress.NONE, new Cancellation());
    Map<String, String> before = snapshot(run);
    Files.writeString(run.resolve("README.txt"), "about this data");
    e = assertThrows(IOException.class,
        () -> generate(Plans.template("retail", 100), run, new Engine(1, 1000), Progress.NONE, new Cancellation()));
    assertTrue(e.getMessage().contains("README.txt") && e.getMessage().contains("not part of the run"),
        e.getMessage());
    Files.delete(run.resolve("README.txt"));
    assertEquals(before, snapshot(run));
  }

  @Test
  void aRerunWithFewerTablesLeavesNoTableOfTheEarlierRun() throws Exception {
    Path out = dir.resolve("run");
    generate(Plans.template("retail", 100), out, new Engine(1, 1000), Progress.NONE, new Cancellation());
    Plan one = Plans.template("retail", 100);
    Plan customersOnly = new Plan(one.format(), one.name(), one.industry(), one.description(), one.seed(),
        one.referenceDate(), "customers", one.tier(), one.destination(),
        java.util.List.of(one.table("customers").orElseThrow()));
    generate(customersOnly, out, new Engine(1, 1000), Progress.NONE, new Cancellation());
    assertEquals(java.util.Set.of("customers.parquet", "manifest.json", "plan.json"), snapshot(out).keySet());
  }
}
