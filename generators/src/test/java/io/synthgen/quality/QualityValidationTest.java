package io.synthgen.quality;

import io.synthgen.plan.DefectKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TableReader;
import io.synthgen.output.WriterOptions;
import io.synthgen.output.formats.TableReaders;
import io.synthgen.plan.Quality;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.testing.Plans;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import io.synthgen.validate.Validator;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator knows what was injected: every defect at once passes every check, while writing and when read back
 * with its ground truth; the same rows checked without the ground truth fail; damage the ground truth does not
 * record is still caught.
 */
class QualityValidationTest {

  private static final long ROWS = 30_000;

  @TempDir
  Path root;

  private static ResolvedPlan plan(Quality.GroundTruth truth) {
    return Plans.resolve(QualityFixture.withDefects(QualityFixture.plan(ROWS), truth, QualityFixture.all()));
  }

  private static Set<String> failed(ValidationReport r) {
    Set<String> out = new TreeSet<>();
    for (Check c : r.failures()) {
      out.add(c.table() + (c.column() == null ? "" : "." + c.column()) + " " + c.kind());
    }
    return out;
  }

  private static Check defects(ValidationReport r) {
    return r.checks().stream().filter(c -> c.kind().equals("defects")).findFirst().orElseThrow();
  }

  private ValidationReport writeValidated(ResolvedPlan plan, Path dir) throws Exception {
    Validator v = new Validator(plan);
    List<TableSource> sources = QualitySources.applyAll(plan, TableSource.all(plan), v);
    new Engine(2, 4096).run(sources, dir, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(),
        QualitySources.observers(v));
    return v.finish();
  }

  /** Reads the run in {@code dir} back as the run verifier does: data restored with the ground truth beside it. */
  private static ValidationReport readBack(ResolvedPlan plan, Path dir) throws Exception {
    Validator v = new Validator(plan);
    for (ResolvedTable t : plan.tables()) {
      if (t.spec().quality() == null) {
        try (TableReader r = TableReaders.open(dir.resolve(t.name() + ".parquet"),
            io.synthgen.engine.Engine.outputColumns(t))) {
          r.forEachRemaining(b -> v.accept(t.name(), b));
        }
        continue;
      }
      List<OutputColumn> clean = io.synthgen.engine.Engine.outputColumns(t);
      List<OutputColumn> written = QualitySources.writtenColumns(t.spec(), clean);
      Path sidecar = dir.resolve(t.name() + "_defects.parquet");
      List<Path> truth = java.nio.file.Files.exists(sidecar) ? List.of(sidecar) : List.of();
      try (ReadBack back = ReadBack.open(t.spec(), clean, truth);
          TableReader r = TableReaders.open(dir.resolve(t.name() + ".parquet"), written)) {
        while (r.hasNext()) {
          Batch b = r.next();
          v.accept(t.name(), back.restore(b, b.rows()[0]));
        }
        back.finish(v);
      }
    }
    return v.finish();
  }

  @Test
  void everyDefectAtOncePassesWhileWritingAndReadBack() throws Exception {
    for (Quality.GroundTruth truth : Quality.GroundTruth.values()) {
      ResolvedPlan plan = plan(truth);
      Path dir = root.resolve(truth.name());
      ValidationReport written = writeValidated(plan, dir);
      assertTrue(written.passed(), truth + ": " + written.failures());
      Check d = defects(written);
      for (DefectKind k : DefectKind.values()) {
        assertTrue(d.expected().contains(k.id() + " "), d.expected());
      }
      assertTrue(d.observed().startsWith("all "), d.observed());
      ValidationReport read = readBack(plan, dir);
      assertTrue(read.passed(), truth + " read back: " + read.failures());
      assertEquals(d.expected(), defects(read).expected(), "the same ground truth written and read back");
    }
  }

  @Test
  void withoutTheGroundTruthTheInjectedDefectsWouldFail() throws Exception {
    ResolvedPlan plan = plan(Quality.GroundTruth.SIDECAR);
    Validator v = new Validator(plan);
    List<TableSource> sources = QualitySources.applyAll(plan, TableSource.all(plan));
    new Engine(2, 4096).run(sources, root.resolve("naive"), WriterOptions.parquetZstd(), Progress.NONE,
        new Cancellation(), s -> s.table() == null ? null : batch -> v.accept(s.name(),
            project(batch, io.synthgen.engine.Engine.outputColumns(s.table()))));
    Set<String> f = failed(v.finish());
    // copies break the key and the row count, orphans the foreign keys, the factor the range, the case the weights
    for (String expected : List.of("readings rows", "readings.value nulls", "readings.device_id foreign_key",
        "readings.serial foreign_key", "readings.amount range", "readings.status weights")) {
      assertTrue(f.contains(expected), expected + " in " + f);
    }
  }

  /** The batch's columns that keep their type (date formats made strings of one). */
  private static Batch project(Batch b, List<OutputColumn> clean) {
    List<String> names = new ArrayList<>();
    List<Vec> vecs = new ArrayList<>();
    for (OutputColumn c : clean) {
      Vec x = b.vector(c.name());
      if (x.type().equals(c.type())) {
        names.add(c.name());
        vecs.add(x);
      }
    }
    return new Batch(b.rows(), b.size(), names, vecs);
  }

  @Test
  void damageTheGroundTruthDoesNotRecordIsCaughtReadBack() throws Exception {
    ResolvedPlan plan = plan(Quality.GroundTruth.SIDECAR);
    Path dir = root.resolve("damaged");
    // a bug after injection: the first row of every chunk gets a count of 999 (the plan says 1..50)
    List<TableSource> sources = new ArrayList<>();
    for (TableSource s : QualitySources.applyAll(plan, TableSource.all(plan))) {
      sources.add(s instanceof DefectiveSource ? QualityFixture.damaging(s) : s);
    }
    new Engine(2, 4096).run(sources, dir, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(), null);
    ValidationReport r = readBack(plan, dir);
    assertEquals(Set.of("readings.count range"), failed(r));
    assertTrue(defects(r).passed(), "what was injected still matches");
  }

  @Test
  void aWrittenCellTheGroundTruthDoesNotExplainFailsTheDefectsCheckWhileWriting() {
    ResolvedPlan plan = plan(Quality.GroundTruth.SIDECAR);
    DefectiveSource s = (DefectiveSource) QualitySources.apply(plan, plan.table("readings").spec(),
        TableSource.of(plan, plan.table("readings"))).get(0);
    DefectChunk c = s.defects(4096, 4096);
    Restorer ok = new Restorer(s.spec(), io.synthgen.engine.Engine.outputColumns(s.table()));
    assertNull(QualitySources.difference(c.clean(), ok.restore(QualitySources.positional(c.defective(), c.outputStart()), c.outputStart(), c.records())));
    assertEquals(0, ok.mismatches());
    ((LongVec) c.defective().vector("count")).values[7] = 999;
    Restorer bad = new Restorer(s.spec(), io.synthgen.engine.Engine.outputColumns(s.table()));
    String diff = QualitySources.difference(c.clean(), bad.restore(QualitySources.positional(c.defective(), c.outputStart()), c.outputStart(), c.records()));
    assertNotNull(diff);
    assertTrue(diff.contains("count: written 999"), diff);
    // a record the rows do not bear out is a mismatch too
    List<TruthRecord> wrong = new ArrayList<>(c.records());
    TruthRecord first = wrong.stream().filter(t -> t.column() != null && t.defect().equals("nulls")).findFirst()
        .orElseThrow();
    wrong.set(wrong.indexOf(first), new TruthRecord(first.row(), first.key(), first.defect(), first.column(),
        first.original(), "not what was written"));
    Restorer lying = new Restorer(s.spec(), io.synthgen.engine.Engine.outputColumns(s.table()));
    lying.restore(QualitySources.positional(c.defective(), c.outputStart()), c.outputStart(), wrong);
    assertEquals(1, lying.mismatches(), lying.firstMismatch());
    assertFalse(lying.firstMismatch().isEmpty());
  }

  @Test
  void chunksWithoutDefectsWriteEmptySidecarChunksInEveryFormat() throws Exception {
    ResolvedPlan plan = Plans.resolve(QualityFixture.withDefects(QualityFixture.plan(20_000),
        Quality.GroundTruth.SIDECAR, new io.synthgen.plan.Defect.Nulls(List.of("status"), 0.0002)));
    for (io.synthgen.plan.Destination.Format f : io.synthgen.plan.Destination.Format.values()) {
      Path dir = root.resolve("rare-" + f);
      List<io.synthgen.engine.TableRun> runs = QualityFixture.write(plan, dir,
          new WriterOptions(f, io.synthgen.plan.Destination.Compression.NONE, 0), new Engine(2, 500));
      long recorded = runs.stream().filter(r -> r.table().equals("readings_defects")).findFirst().orElseThrow().rows();
      assertTrue(recorded > 0 && recorded < 40, f + ": " + recorded);
      try (io.synthgen.testing.Duck duck = new io.synthgen.testing.Duck()) {
        String file = runs.stream().filter(r -> r.table().equals("readings_defects")).findFirst().orElseThrow()
            .files().get(0).path();
        duck.view("truth", dir.resolve(file));
        assertEquals(recorded, duck.count("SELECT count(*) FROM truth WHERE defect = 'nulls'"), f.toString());
      }
    }
  }
}
