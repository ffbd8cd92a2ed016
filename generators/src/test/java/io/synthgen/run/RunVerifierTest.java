package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.testing.Plans;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run checked against itself: each kind of edit to the manifest, plan.json or the files fails its named check. */
class RunVerifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path root;

  private Path out;

  @BeforeEach
  void run() throws Exception {
    out = root.resolve("run");
    // part files, so per-file row counts and row numbering across parts are exercised
    Runs.generate(Plans.resolve(Plans.template("retail", 300)), out,
        new WriterOptions(Destination.Format.PARQUET, Destination.Compression.ZSTD, 400), new Engine(2, 250),
        Progress.NONE, new Cancellation());
  }

  private static Set<String> failed(ValidationReport r) {
    Set<String> s = new TreeSet<>();
    for (Check c : r.failures()) {
      s.add(c.table() + (c.column() == null ? "" : "." + c.column()) + " " + c.kind());
    }
    return s;
  }

  private ObjectNode manifest() throws Exception {
    return (ObjectNode) JSON.readTree(out.resolve("manifest.json").toFile());
  }

  private void write(ObjectNode m) throws Exception {
    Files.writeString(out.resolve("manifest.json"), JSON.writeValueAsString(m));
  }

  @Test
  void anUntouchedRunPasses() throws Exception {
    ValidationReport r = RunVerifier.verify(out);
    assertTrue(r.passed(), r.failures().toString());
    Set<String> kinds = new TreeSet<>();
    r.checks().forEach(c -> kinds.add(c.kind().split(" ")[0]));
    assertTrue(kinds.containsAll(Set.of("hash", "bytes", "sha256", "rows", "manifest", "files")), kinds.toString());
    assertTrue(r.checks().stream().anyMatch(c -> c.kind().equals("rows transactions/part-00001.parquet")),
        "transactions is split into parts: " + r.checks());
  }

  @Test
  void editedRowCountsFail() throws Exception {
    ObjectNode m = manifest();
    ObjectNode customers = (ObjectNode) m.path("tables").get(0);
    customers.put("rows", customers.path("rows").asLong() + 1);
    ObjectNode file = (ObjectNode) m.path("tables").get(2).path("files").get(0);
    file.put("rows", file.path("rows").asLong() - 1);
    write(m);
    String fileName = file.path("path").asText();
    String table = m.path("tables").get(2).path("name").asText();
    assertEquals(Set.of("customers manifest rows", table + " rows " + fileName, table + " manifest rows"),
        failed(RunVerifier.verify(out)));
  }

  @Test
  void editedByteCountsFail() throws Exception {
    ObjectNode m = manifest();
    ObjectNode products = (ObjectNode) m.path("tables").get(1);
    ObjectNode file = (ObjectNode) products.path("files").get(0);
    file.put("bytes", file.path("bytes").asLong() + 10);
    write(m);
    assertEquals(Set.of("products bytes products.parquet", "products manifest bytes"),
        failed(RunVerifier.verify(out)));
  }

  @Test
  void anEditedPlanFailsTheHashCheck() throws Exception {
    Path plan = out.resolve("plan.json");
    Files.writeString(plan, Files.readString(plan).replaceFirst("\"seed\"\\s*:\\s*42", "\"seed\": 43"));
    ValidationReport r = RunVerifier.verify(out);
    assertTrue(failed(r).contains("plan.json hash"), failed(r).toString());
    Check hash = r.failures().stream().filter(c -> c.kind().equals("hash")).findFirst().orElseThrow();
    assertEquals(manifest().path("plan").path("hash").asText() + " (the manifest's plan.hash)", hash.expected());
  }

  @Test
  void aPlanThatIsNotUtf8IsAFailedCheck() throws Exception {
    Path plan = out.resolve("plan.json");
    byte[] b = Files.readAllBytes(plan);
    b[10] = (byte) 0xC3;
    b[11] = (byte) 0x28;
    Files.write(plan, b);
    assertEquals(Set.of("plan.json hash", "plan.json reads"), failed(RunVerifier.verify(out)));
  }

  @Test
  void strayAndMissingFilesFail() throws Exception {
    Files.writeString(out.resolve("extra.csv"), "a\n1\n");
    Files.writeString(out.resolve("transactions").resolve("part-00099.parquet"), "x");
    Files.delete(out.resolve("customers.parquet"));
    ValidationReport r = RunVerifier.verify(out);
    assertTrue(failed(r).containsAll(Set.of("run files", "customers file customers.parquet", "customers rows")),
        failed(r).toString());
    Check files = r.failures().stream().filter(c -> c.kind().equals("files")).findFirst().orElseThrow();
    assertEquals("also extra.csv, transactions/part-00099.parquet", files.observed());
  }
}
