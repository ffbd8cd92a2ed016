package io.synthgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.output.formats.TableWriters;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Destination.Compression;
import io.synthgen.plan.Destination.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Destination to writer options, in the one place the tools, the command line and publishing share: default
 * compression per format, text formats never with a Parquet codec, explicit choices over the destination's, rows per
 * file; and every result is options the writers accept.
 */
class WriterOptionsTest {

  @TempDir
  Path dir;

  private static Destination local(Format f, Compression c) {
    return new Destination(Destination.Kind.LOCAL, "out", f, c, null, null, null);
  }

  private static final Destination UC = new Destination(Destination.Kind.UNITY_CATALOG, null, Format.PARQUET,
      Compression.SNAPPY, "main", "demo", null);

  @Test
  void eachFormatHasItsDefaultCompression() {
    assertEquals(Compression.ZSTD, WriterOptions.defaultCompression(Format.PARQUET));
    assertEquals(Compression.NONE, WriterOptions.defaultCompression(Format.CSV));
    assertEquals(Compression.NONE, WriterOptions.defaultCompression(Format.JSONL));
    assertEquals(new WriterOptions(Format.CSV, Compression.NONE, 0), WriterOptions.of(Format.CSV));
    assertEquals(new WriterOptions(Format.JSONL, Compression.NONE, 0), WriterOptions.of(Format.JSONL));
    assertEquals(WriterOptions.parquetZstd(), WriterOptions.of(Format.PARQUET));
  }

  @Test
  void aDestinationKeepsItsFormatAndTheCompressionItsFormatCanWrite() {
    assertEquals(WriterOptions.parquetZstd(), WriterOptions.of((Destination) null));
    assertEquals(WriterOptions.parquetZstd(), WriterOptions.of(UC), "the staged run publishing loads");
    assertEquals(WriterOptions.parquetZstd(), WriterOptions.of(local(null, Compression.GZIP)));
    assertEquals(new WriterOptions(Format.PARQUET, Compression.SNAPPY, 0),
        WriterOptions.of(local(Format.PARQUET, Compression.SNAPPY)));
    assertEquals(WriterOptions.parquetZstd(), WriterOptions.of(local(Format.PARQUET, null)));
    assertEquals(new WriterOptions(Format.CSV, Compression.NONE, 0), WriterOptions.of(local(Format.CSV, null)));
    assertEquals(new WriterOptions(Format.JSONL, Compression.GZIP, 0),
        WriterOptions.of(local(Format.JSONL, Compression.GZIP)));
    // a destination the plan checks refuse still never gives a text format a Parquet codec
    assertEquals(new WriterOptions(Format.CSV, Compression.NONE, 0),
        WriterOptions.of(local(Format.CSV, Compression.ZSTD)));
    assertEquals(new WriterOptions(Format.JSONL, Compression.NONE, 0),
        WriterOptions.of(local(Format.JSONL, Compression.SNAPPY)));
  }

  @Test
  void explicitChoicesGoOverTheDestination() {
    Destination csvGzip = local(Format.CSV, Compression.GZIP);
    assertEquals(new WriterOptions(Format.CSV, Compression.GZIP, 0), WriterOptions.of(csvGzip, null, null, 0));
    assertEquals(WriterOptions.parquetZstd(), WriterOptions.of(csvGzip, Format.PARQUET, null, 0),
        "another format takes its own default, not the destination's compression");
    assertEquals(new WriterOptions(Format.JSONL, Compression.NONE, 0),
        WriterOptions.of(local(Format.PARQUET, Compression.SNAPPY), Format.JSONL, null, 0));
    assertEquals(new WriterOptions(Format.PARQUET, Compression.GZIP, 5_000),
        WriterOptions.of(null, null, Compression.GZIP, 5_000));
    assertEquals(new WriterOptions(Format.CSV, Compression.GZIP, 0),
        WriterOptions.of(UC, Format.CSV, Compression.GZIP, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WriterOptions.of(csvGzip, null, Compression.ZSTD, 0));
    assertTrue(e.getMessage().contains("csv files are written uncompressed or with gzip, not zstd"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WriterOptions.of(null, Format.JSONL, Compression.SNAPPY, 0));
    e = assertThrows(IllegalArgumentException.class, () -> WriterOptions.of(null, null, null, -1));
    assertTrue(e.getMessage().contains("rows per file"), e.getMessage());
  }

  /** Every destination and every choice over it: refused, or options the writers open (and name) as said. */
  @Test
  void everyResultIsWritable() throws Exception {
    List<Destination> destinations = new ArrayList<>(Arrays.asList(null, UC));
    List<Format> formats = new ArrayList<>(Arrays.asList(Format.values()));
    formats.add(null);
    List<Compression> compressions = new ArrayList<>(Arrays.asList(Compression.values()));
    compressions.add(null);
    for (Format f : formats) {
      for (Compression c : compressions) {
        destinations.add(local(f, c));
      }
    }
    int opened = 0;
    for (Destination d : destinations) {
      for (Format f : formats) {
        for (Compression c : compressions) {
          WriterOptions o;
          try {
            o = WriterOptions.of(d, f, c, 0);
          } catch (IllegalArgumentException refused) {
            assertTrue(f != Format.PARQUET && (c == Compression.ZSTD || c == Compression.SNAPPY),
                d + " " + f + " " + c + ": " + refused.getMessage());
            continue;
          }
          assertTrue(WriterOptions.writes(o.format(), o.compression()), o.toString());
          Path out = dir.resolve("w" + opened++);
          try (TableWriter w = TableWriters.open(out, "t", AllTypes.COLUMNS, o)) {
            w.append(w.encode(AllTypes.batch(0, 10)));
            String name = w.commit().get(0).path();
            String suffix = o.format().name().toLowerCase() + (o.format() != Format.PARQUET
                && o.compression() == Compression.GZIP ? ".gz" : "");
            assertTrue(name.endsWith("." + suffix), name + " for " + o);
          }
        }
      }
    }
    assertTrue(opened > 50, "options opened: " + opened);
  }
}
