package io.synthgen.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.output.formats.TableWriters;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Destination;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Temporary names, commit, abort, checksums and determinism, for every format. */
class TableWriterProtocolTest {

  @TempDir
  Path dir;

  private static List<String> listAll(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @EnumSource(Destination.Format.class)
  void filesAppearOnlyOnCommitAndChecksumsMatch(Destination.Format format) throws Exception {
    List<FileEntry> files;
    try (TableWriter w = TableWriters.open(dir, "t", AllTypes.COLUMNS,
        new WriterOptions(format, Destination.Compression.NONE, 1_500))) {
      w.append(w.encode(AllTypes.batch(0, 2_000)));
      w.append(w.encode(AllTypes.batch(2_000, 2_000)));
      for (String f : listAll(dir)) {
        assertTrue(f.startsWith(".") && f.contains(".inprogress-"), "only hidden temporary files before commit: " + f);
      }
      files = w.commit();
    }
    assertEquals(3, files.size());
    List<String> finals = new ArrayList<>();
    for (FileEntry e : files) {
      byte[] bytes = Files.readAllBytes(dir.resolve(e.path()));
      assertEquals(bytes.length, e.bytes());
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), e.sha256());
      finals.add(e.path());
    }
    assertEquals(finals, listAll(dir), "no temporary files left after commit");
  }

  @ParameterizedTest
  @EnumSource(Destination.Format.class)
  void abortLeavesNothing(Destination.Format format) throws Exception {
    try (TableWriter w = TableWriters.open(dir, "t", AllTypes.COLUMNS,
        new WriterOptions(format, Destination.Compression.NONE, 1_000))) {
      w.append(w.encode(AllTypes.batch(0, 2_500)));
      w.abort();
      w.abort();
    }
    assertEquals(List.of(), listAll(dir));
    try (TableWriter w = TableWriters.open(dir, "u", AllTypes.COLUMNS,
        new WriterOptions(format, Destination.Compression.NONE, 0))) {
      w.append(w.encode(AllTypes.batch(0, 100)));
      // closed without commit: aborts
    }
    assertEquals(List.of(), listAll(dir));
  }

  @ParameterizedTest
  @EnumSource(Destination.Format.class)
  void sameBatchesGiveIdenticalBytesWhateverTheThreadCount(Destination.Format format) throws Exception {
    Destination.Compression c = format == Destination.Format.PARQUET ? Destination.Compression.ZSTD
        : Destination.Compression.GZIP;
    byte[] one = write(dir.resolve("a"), format, c, 1);
    byte[] four = write(dir.resolve("b"), format, c, 4);
    assertArrayEquals(one, four);
  }

  private static byte[] write(Path out, Destination.Format format, Destination.Compression c, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (TableWriter w = TableWriters.open(out, "t", AllTypes.COLUMNS, new WriterOptions(format, c, 0))) {
      List<Future<EncodedChunk>> chunks = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        int first = k * 3_000;
        chunks.add(pool.submit(() -> w.encode(AllTypes.batch(first, 3_000))));
      }
      for (Future<EncodedChunk> f : chunks) {
        w.append(f.get());
      }
      FileEntry e = w.commit().get(0);
      return Files.readAllBytes(out.resolve(e.path()));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void mistakesAreExplained() throws Exception {
    List<OutputColumn> cols = List.of(new OutputColumn("n", DataType.INT, false, -1, null));
    try (TableWriter w = TableWriters.open(dir, "t", cols, WriterOptions.parquetZstd())) {
      LongVec big = new LongVec(DataType.INT, new long[] {1L << 40}, 1);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> w.encode(new Batch(new long[] {0}, 1, List.of("n"), List.<Vec>of(big))));
      assertTrue(e.getMessage().contains("outside the 32-bit range"), e.getMessage());
      LongVec withNull = new LongVec(DataType.INT, new long[] {1}, 1);
      withNull.setNull(0);
      e = assertThrows(IllegalArgumentException.class,
          () -> w.encode(new Batch(new long[] {0}, 1, List.of("n"), List.<Vec>of(withNull))));
      assertTrue(e.getMessage().contains("is not nullable"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableWriters.open(dir, "t", cols,
        new WriterOptions(Destination.Format.CSV, Destination.Compression.ZSTD, 0)));
    assertTrue(e.getMessage().contains("none or gzip"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("t.parquet")));
  }
}
