package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.run.RunManifest;
import io.synthgen.server.catalog.PublishRequest.FileFormat;
import io.synthgen.server.catalog.PublishRequest.Mode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which local run a publish may send as it is, and where it generates one otherwise. */
class PublishRunsTest {

  @TempDir
  static Path generated;
  static PublishSource src;
  static final WriterOptions PARQUET = PublishRuns.writerOptions(PublishFixture.tables(Mode.OVERWRITE));

  @TempDir
  Path dir;

  @BeforeAll
  static void generate() throws Exception {
    src = PublishFixture.generate(generated, PublishFixture.tables(Mode.OVERWRITE));
  }

  /** A copy of the generated run that a test may damage. */
  private Path copy() throws IOException {
    Path to = dir.resolve("run");
    try (Stream<Path> all = Files.walk(generated)) {
      for (Path p : all.toList()) {
        Files.copy(p, to.resolve(generated.relativize(p).toString()));
      }
    }
    return to;
  }

  private static Path firstFile(Path run) {
    return run.resolve(src.run().tables().get(0).files().get(0).path());
  }

  @Test
  void parquetForPublishingHasTheCompressionOfThePlansUnityCatalogDestination() {
    Destination uc = new Destination(Destination.Kind.UNITY_CATALOG, null, Destination.Format.PARQUET,
        Destination.Compression.GZIP, "main", "demo", null);
    Destination local = Destination.local("out");
    assertEquals(new WriterOptions(Destination.Format.PARQUET, Destination.Compression.GZIP, 0),
        PublishRuns.writerOptions(PublishFixture.tables(Mode.OVERWRITE), uc));
    assertEquals(new WriterOptions(Destination.Format.PARQUET, Destination.Compression.GZIP, 0),
        PublishRuns.writerOptions(PublishFixture.files(Mode.OVERWRITE, FileFormat.PARQUET), uc));
    assertEquals(new WriterOptions(Destination.Format.CSV, Destination.Compression.NONE, 0),
        PublishRuns.writerOptions(PublishFixture.files(Mode.OVERWRITE, FileFormat.CSV), uc));
    assertEquals(WriterOptions.parquetZstd(), PublishRuns.writerOptions(PublishFixture.tables(Mode.OVERWRITE),
        local), "a local destination's compression is its own run's");
  }

  @Test
  void writerOptionsFollowTheRequestedFormat() {
    assertEquals(WriterOptions.parquetZstd(), PARQUET);
    assertEquals(new WriterOptions(Destination.Format.CSV, Destination.Compression.NONE, 0),
        PublishRuns.writerOptions(PublishFixture.files(Mode.OVERWRITE, FileFormat.CSV)));
    assertEquals(new WriterOptions(Destination.Format.JSONL, Destination.Compression.NONE, 0),
        PublishRuns.writerOptions(PublishFixture.files(Mode.OVERWRITE, FileFormat.JSON)));
  }

  @Test
  void reusesAFinishedRunOfTheSamePlanAndFormat() throws Exception {
    Optional<RunManifest> m = PublishRuns.reusable(generated, src.planHash(), PARQUET);
    assertTrue(m.isPresent());
    assertEquals(src.run(), m.get());
  }

  @Test
  void refusesARunOfAnotherPlan() throws Exception {
    String other = "0".repeat(64);
    assertEquals(Optional.empty(), PublishRuns.reusable(generated, other, PARQUET));
  }

  @Test
  void refusesARunInAnotherFormatOrCompression() throws Exception {
    assertEquals(Optional.empty(), PublishRuns.reusable(generated, src.planHash(),
        PublishRuns.writerOptions(PublishFixture.files(Mode.OVERWRITE, FileFormat.CSV))));
    assertEquals(Optional.empty(), PublishRuns.reusable(generated, src.planHash(),
        new WriterOptions(Destination.Format.PARQUET, Destination.Compression.SNAPPY, 0)));
  }

  @Test
  void refusesARunWithAMissingFile() throws Exception {
    Path run = copy();
    assertTrue(PublishRuns.reusable(run, src.planHash(), PARQUET).isPresent());
    Files.delete(firstFile(run));
    assertEquals(Optional.empty(), PublishRuns.reusable(run, src.planHash(), PARQUET));
  }

  @Test
  void refusesARunWithATruncatedFile() throws Exception {
    Path run = copy();
    try (RandomAccessFile file = new RandomAccessFile(firstFile(run).toFile(), "rw")) {
      file.setLength(file.length() - 1);
    }
    assertEquals(Optional.empty(), PublishRuns.reusable(run, src.planHash(), PARQUET));
  }

  @Test
  void aFolderWithoutAManifestHoldsNoRun() throws Exception {
    assertEquals(Optional.empty(), PublishRuns.reusable(dir, src.planHash(), PARQUET));
  }

  @Test
  void generatesIntoAFolderNamedAfterTheRunAndFormat() {
    Path root = Path.of("out");
    assertEquals(root.resolve(PublishRuns.FOLDER).resolve(src.runKey() + "-parquet"),
        PublishRuns.runDir(root, src, PARQUET));
    assertTrue(src.runKey().matches("retail-[0-9a-f]{12}"), src.runKey());
  }
}
