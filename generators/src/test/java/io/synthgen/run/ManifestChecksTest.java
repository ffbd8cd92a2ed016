package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The manifest's own fields are checked: only the fields synthgen writes; its plan fields as plan.json says; its
 * format and compression as the files' names and bytes show. Every real run of every format and compression passes.
 */
class ManifestChecksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path root;

  private Path run(Destination.Format format, Destination.Compression compression, long rowsPerFile)
      throws Exception {
    Path out = root.resolve(format + "-" + compression);
    Runs.generate(Plans.resolve(Plans.template("retail", 120)), out, new WriterOptions(format, compression,
        rowsPerFile), new Engine(2, 100), Progress.NONE, new Cancellation());
    return out;
  }

  private static Set<String> failed(ValidationReport r) {
    Set<String> s = new TreeSet<>();
    for (Check c : r.failures()) {
      s.add(c.table() + " " + c.kind());
    }
    return s;
  }

  private static ObjectNode manifest(Path out) throws Exception {
    return (ObjectNode) JSON.readTree(out.resolve("manifest.json").toFile());
  }

  private static void write(Path out, ObjectNode m) throws Exception {
    Files.writeString(out.resolve("manifest.json"), JSON.writeValueAsString(m));
  }

  private static Check failure(ValidationReport r, String table, String kind) {
    return r.failures().stream().filter(c -> c.table().equals(table) && c.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new AssertionError("no failed " + table + " " + kind + " in " + failed(r)));
  }

  @ParameterizedTest
  @CsvSource({"PARQUET, ZSTD, 0", "PARQUET, SNAPPY, 150", "PARQUET, GZIP, 0", "PARQUET, NONE, 0", "CSV, NONE, 0",
      "CSV, GZIP, 150", "JSONL, NONE, 150", "JSONL, GZIP, 0"})
  void everyRealRunPasses(Destination.Format format, Destination.Compression compression, long rowsPerFile)
      throws Exception {
    ValidationReport r = RunVerifier.verify(run(format, compression, rowsPerFile));
    assertTrue(r.passed(), r.failures().toString());
    Set<String> kinds = new TreeSet<>();
    r.checks().forEach(c -> kinds.add(c.kind().split(" ")[0]));
    assertTrue(kinds.containsAll(Set.of("fields", "format", "name", "content", "plan.seed", "plan.name")),
        kinds.toString());
  }

  @Test
  void editedPlanFieldsFail() throws Exception {
    Path out = run(Destination.Format.CSV, Destination.Compression.NONE, 0);
    ObjectNode m = manifest(out);
    ObjectNode plan = (ObjectNode) m.path("plan");
    plan.put("seed", 7).put("reference_date", "1999-01-01").put("name", "other").put("industry", "finance")
        .put("file", "other.json");
    write(out, m);
    ValidationReport r = RunVerifier.verify(out);
    assertEquals(Set.of("manifest.json plan.seed", "manifest.json plan.reference_date", "manifest.json plan.name",
        "manifest.json plan.industry", "manifest.json plan.file"), failed(r));
    Check seed = failure(r, "manifest.json", "plan.seed");
    assertEquals("42 (plan.json's seed)", seed.expected());
    assertEquals("7", seed.observed());
  }

  @Test
  void aSeedBeyond64BitsIsNotReadAsItsWrappedValue() throws Exception {
    Path out = run(Destination.Format.CSV, Destination.Compression.NONE, 0);
    ObjectNode m = manifest(out);
    // 2^64 + 42 reads as 42 in a 64-bit read
    ((ObjectNode) m.path("plan")).set("seed", JSON.readTree("18446744073709551658"));
    m.set("synthgen_manifest", JSON.readTree("1"));
    write(out, m);
    ValidationReport r = RunVerifier.verify(out);
    assertEquals(Set.of("manifest.json plan.seed", "manifest.json fields"), failed(r));
    assertTrue(failure(r, "manifest.json", "fields").observed().contains("plan.seed is not a 64-bit whole number"));
    m.set("synthgen_manifest", JSON.readTree("4294967297"));
    write(out, m);
    assertEquals(Set.of("manifest.json reads"), failed(RunVerifier.verify(out)));
  }

  @Test
  void editedCompressionFailsEveryFileContent() throws Exception {
    Path out = run(Destination.Format.CSV, Destination.Compression.NONE, 0);
    ObjectNode m = manifest(out);
    m.put("compression", "gzip");
    write(out, m);
    ValidationReport r = RunVerifier.verify(out);
    Check content = failure(r, "customers", "content customers.csv");
    assertEquals("gzip data (starts with 1f 8b) (the manifest's format and compression)", content.expected());
    assertEquals("uncompressed text (no gzip or Parquet magic)", content.observed());
    assertTrue(failed(r).contains("customers name customers.csv"), failed(r).toString());
    m.put("compression", "zstd");
    write(out, m);
    ValidationReport zstd = RunVerifier.verify(out);
    assertEquals("csv with zstd", failure(zstd, "manifest.json", "format").observed());
  }

  @Test
  void aParquetCodecOtherThanTheManifestsFails() throws Exception {
    Path out = run(Destination.Format.PARQUET, Destination.Compression.ZSTD, 0);
    ObjectNode m = manifest(out);
    m.put("compression", "snappy");
    write(out, m);
    ValidationReport r = RunVerifier.verify(out);
    Check content = failure(r, "customers", "content customers.parquet");
    assertTrue(content.expected().startsWith("Parquet (PAR1 at both ends), codec snappy"), content.expected());
    assertEquals("Parquet (PAR1 at both ends), codec zstd", content.observed());
    assertFalse(failed(r).contains("customers name customers.parquet"), "the name fits parquet of any codec");
  }

  @Test
  void editedFormatFailsNamesAndContent() throws Exception {
    Path out = run(Destination.Format.PARQUET, Destination.Compression.NONE, 0);
    ObjectNode m = manifest(out);
    m.put("format", "csv");
    write(out, m);
    ValidationReport r = RunVerifier.verify(out);
    assertEquals("products.parquet", failure(r, "products", "name products.parquet").observed());
    assertTrue(failure(r, "products", "content products.parquet").observed().startsWith("Parquet (PAR1"));
  }

  @Test
  void unknownAndMissingFieldsFail() throws Exception {
    Path out = run(Destination.Format.JSONL, Destination.Compression.GZIP, 0);
    ObjectNode m = manifest(out);
    m.put("note", "x");
    ((ObjectNode) m.path("plan")).put("plan_id", "pln_x").remove("hash");
    ((ObjectNode) m.path("tables").get(0)).put("extra", 1);
    ((ObjectNode) m.path("tables").get(1).path("files").get(0)).put("md5", "abc");
    ((ObjectNode) m.path("validation").path("checks").get(0)).put("why", "x");
    ((ObjectNode) m.path("tables").get(2)).put("seconds", "slow");
    write(out, m);
    ValidationReport r = RunVerifier.verify(out);
    String observed = failure(r, "manifest.json", "fields").observed();
    for (String problem : new String[] {"unknown field note", "unknown field plan.plan_id", "missing plan.hash",
        "unknown field tables[0].extra", "unknown field tables[1].files[0].md5",
        "unknown field validation.checks[0].why", "tables[2].seconds is not a finite number of 0 or more"}) {
      assertTrue(observed.contains(problem), problem + " in " + observed);
    }
  }
}
