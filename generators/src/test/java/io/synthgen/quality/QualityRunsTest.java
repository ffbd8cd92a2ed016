package io.synthgen.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableRun;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.run.RunResult;
import io.synthgen.run.RunVerifier;
import io.synthgen.run.Runs;
import io.synthgen.template.Recipes;
import io.synthgen.template.Templates;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Full runs of plans with defects: every template with its data-quality recipe, and every table of a template with
 * the generic defaults, pass the run's checks and the run verifier's re-check of the folder (ground truth read
 * back from the files); the manifest counts the rows written, copies included.
 */
class QualityRunsTest {

  @TempDir
  Path root;

  static List<String> industries() {
    return Templates.INDUSTRIES;
  }

  private RunResult run(Plan p, Path out, WriterOptions options) throws Exception {
    return Runs.generate(Plans.resolve(p), out, options, new Engine(2, 2048), Progress.NONE, new Cancellation());
  }

  private static void assertPasses(RunResult r, Path out, long qualityTables) throws Exception {
    assertTrue(r.validation().passed(), r.validation().failures().toString());
    assertEquals(qualityTables, r.validation().checks().stream().filter(c -> c.kind().equals("defects")).count());
    ValidationReport again = RunVerifier.verify(out);
    assertTrue(again.passed(), again.failures().toString());
    List<Check> defects = again.checks().stream().filter(c -> c.kind().equals("defects")).toList();
    assertEquals(qualityTables, defects.size());
    for (Check c : defects) {
      Check written = r.validation().checks().stream().filter(x -> x.kind().equals("defects")
          && x.table().equals(c.table())).findFirst().orElseThrow();
      assertEquals(written.expected(), c.expected(), "the ground truth read back is the one written");
    }
  }

  @ParameterizedTest
  @MethodSource("industries")
  void everyTemplateWithItsQualityRecipe(String industry) throws Exception {
    Plan p = Recipes.quality(Plans.template(industry, 1500));
    long withDefects = p.tables().stream().filter(t -> t.quality() != null).count();
    assertTrue(withDefects > 0);
    Path out = root.resolve(industry);
    RunResult r = run(p, out, WriterOptions.parquetZstd());
    assertPasses(r, out, withDefects);
    try (Duck duck = new Duck()) {
      for (TableRun t : r.tables()) {
        assertEquals(duck.count("SELECT count(*) FROM read_parquet('" + out.resolve(t.table() + ".parquet") + "')"),
            t.rows(), t.table() + ": the manifest counts the rows written");
      }
    }
  }

  @Test
  void theVerifierCatchesWhatTheGroundTruthDoesNotRecord() throws Exception {
    Plan p = QualityFixture.withDefects(QualityFixture.plan(5000), io.synthgen.plan.Quality.GroundTruth.SIDECAR,
        QualityFixture.all());
    Path out = root.resolve("run");
    RunResult r = run(p, out, WriterOptions.parquetZstd());
    assertPasses(r, out, 1);
    // the same rows with one bug after injection: the first row of every chunk gets a count of 999 (plan: 1..50)
    io.synthgen.resolve.ResolvedPlan plan = Plans.resolve(p);
    List<io.synthgen.engine.TableSource> sources = new ArrayList<>();
    for (io.synthgen.engine.TableSource s : QualitySources.applyAll(plan, io.synthgen.engine.TableSource.all(plan))) {
      sources.add(s instanceof DefectiveSource ? QualityFixture.damaging(s) : s);
    }
    Path damaged = root.resolve("damaged");
    new Engine(2, 2048).run(sources, damaged, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(), null);
    Path file = out.resolve("readings.parquet");
    Files.copy(damaged.resolve("readings.parquet"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // the manifest is made to agree with the new file, so only the data checks can tell
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode m =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(out.resolve("manifest.json").toFile());
    for (com.fasterxml.jackson.databind.JsonNode t : m.path("tables")) {
      if (t.path("name").asText().equals("readings")) {
        com.fasterxml.jackson.databind.node.ObjectNode f =
            (com.fasterxml.jackson.databind.node.ObjectNode) t.path("files").get(0);
        f.put("bytes", Files.size(file));
        f.put("sha256", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(file))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) t).put("bytes", Files.size(file));
      }
    }
    Files.writeString(out.resolve("manifest.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(m));
    ValidationReport again = RunVerifier.verify(out);
    List<String> failed = again.failures().stream().map(c -> c.table() + "." + c.column() + " " + c.kind()).toList();
    assertEquals(List.of("readings.count range"), failed);
    assertTrue(again.checks().stream().anyMatch(c -> c.kind().equals("defects") && c.passed()));
  }

  @Test
  void genericDefaultsOnEveryTableInCsvPartsWithColumnGroundTruth() throws Exception {
    Plan t = Plans.template("retail", 1500);
    List<Table> ts = new ArrayList<>();
    for (Table x : t.tables()) {
      io.synthgen.plan.Quality q = Recipes.genericQuality(x);
      ts.add(x.withQuality(new io.synthgen.plan.Quality(q.defects(), io.synthgen.plan.Quality.GroundTruth.COLUMNS)));
    }
    Path out = root.resolve("generic");
    RunResult r = run(t.withTables(ts), out,
        new WriterOptions(Destination.Format.CSV, Destination.Compression.NONE, 700));
    assertPasses(r, out, ts.size());
    try (Duck duck = new Duck()) {
      Path folder = out.resolve("customers");
      assertTrue(Files.isDirectory(folder));
      long rows = duck.count("SELECT count(*) FROM read_csv('" + folder + "/part-*.csv')");
      long marked = duck.count("SELECT count(*) FROM read_csv('" + folder + "/part-*.csv') WHERE _defects IS NOT NULL");
      assertTrue(marked > 0 && marked < rows, marked + " of " + rows);
    }
  }
}
