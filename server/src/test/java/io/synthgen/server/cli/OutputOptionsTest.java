package io.synthgen.server.cli;

import static io.synthgen.server.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.server.cli.CliRun.Result;
import io.synthgen.testing.Duck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line writes a plan's destination as the tools do (one rule, {@code WriterOptions.of}), with its flags
 * over it: a gzip CSV destination stays gzip (before, the command line dropped the compression of text formats), a
 * format flag takes that format's default, and a text format with a Parquet codec is refused before anything runs.
 */
class OutputOptionsTest {

  @TempDir
  Path dir;

  /** The retail template for 200 customers, written to a plan file with the given destination. */
  private Path plan(Destination.Format format, Destination.Compression compression) throws Exception {
    Result r = run("plan", "retail", "--rows", "200");
    assertEquals(0, r.code(), r.toString());
    Plan p = PlanCodec.read(r.out());
    Plan withDest = new Plan(p.format(), p.name(), p.industry(), p.description(), p.seed(), p.referenceDate(),
        p.mainTable(), p.tier(), new Destination(Destination.Kind.LOCAL, "retail", format, compression, null, null,
            null), p.tables());
    Path file = dir.resolve("plan-" + format + "-" + compression + ".json");
    Files.writeString(file, PlanCodec.write(withDest));
    return file;
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aGzipCsvDestinationIsWrittenAsGzipCsv() throws Exception {
    Path out = dir.resolve("csv-gz");
    Result r = run("generate", plan(Destination.Format.CSV, Destination.Compression.GZIP).toString(), "--out",
        out.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(names(out).contains("customers.csv.gz"), names(out).toString());
    try (Duck duck = new Duck()) {
      assertEquals(200, duck.count("SELECT count(*) FROM read_csv('" + out.resolve("customers.csv.gz") + "')"));
    }
    assertEquals(0, run("validate", out.toString()).code());
  }

  @Test
  void aFormatFlagTakesThatFormatsDefaultCompression() throws Exception {
    Path out = dir.resolve("parquet");
    Result r = run("generate", plan(Destination.Format.JSONL, Destination.Compression.GZIP).toString(), "--out",
        out.toString(), "--format", "parquet");
    assertEquals(0, r.code(), r.toString());
    assertTrue(names(out).contains("customers.parquet"), names(out).toString());
    try (Duck duck = new Duck()) {
      assertEquals("ZSTD", duck.one("SELECT DISTINCT compression FROM parquet_metadata('"
          + out.resolve("customers.parquet") + "')"));
    }
  }

  @Test
  void aTextFormatWithAParquetCodecIsRefusedBeforeWriting() throws Exception {
    Path out = dir.resolve("refused");
    Result r = MainTest.badInput("generate", plan(Destination.Format.PARQUET, Destination.Compression.SNAPPY)
        .toString(), "--out", out.toString(), "--format", "csv", "--compression", "zstd");
    assertTrue(r.err().contains("csv files are written uncompressed or with gzip, not zstd"), r.toString());
    assertFalse(Files.exists(out), "nothing written: " + out);
  }
}
