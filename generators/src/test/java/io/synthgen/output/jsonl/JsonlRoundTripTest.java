package io.synthgen.output.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.output.AllTypes;
import io.synthgen.output.FileEntry;
import io.synthgen.output.Tables;
import io.synthgen.plan.Destination;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsonlRoundTripTest {

  @TempDir
  Path dir;

  /** DuckDB is told the types, as a loader would be; sniffing is not what is under test. */
  private String from(String rel) {
    String types = IntStream.range(0, AllTypes.COLUMNS.size())
        .mapToObj(c -> "'" + AllTypes.COLUMNS.get(c).name() + "': '" + AllTypes.DUCKDB_TYPES.get(c) + "'")
        .collect(Collectors.joining(", ", "{", "}"));
    return String.format("read_json('%s', format='newline_delimited', columns=%s)", dir.resolve(rel), types);
  }

  @ParameterizedTest
  @EnumSource(value = Destination.Compression.class, names = {"NONE", "GZIP"})
  void everyTypeReadsBackInDuckDbAndOurReader(Destination.Compression codec) throws Exception {
    List<FileEntry> files = Tables.writeAllTypes(dir, "t", Destination.Format.JSONL, codec, 0, 20_000, 7_000);
    String name = codec == Destination.Compression.GZIP ? "t.jsonl.gz" : "t.jsonl";
    assertEquals(List.of(name), files.stream().map(FileEntry::path).toList());
    Tables.assertDuckReads(from(name), 20_000);
    Tables.assertOwnReaderReads(dir.resolve(name), 20_000);
  }

  @Test
  void emptyTable() throws Exception {
    Tables.writeAllTypes(dir, "t", Destination.Format.JSONL, Destination.Compression.NONE, 0, 0, 100);
    Tables.assertOwnReaderReads(dir.resolve("t.jsonl"), 0);
  }

  @Test
  void partFiles() throws Exception {
    List<FileEntry> files = Tables.writeAllTypes(dir, "t", Destination.Format.JSONL, Destination.Compression.NONE,
        3_000, 7_500, 2_000);
    assertEquals(List.of(3_000L, 3_000L, 1_500L), files.stream().map(FileEntry::rows).toList());
    Tables.assertDuckReads(from("t/*.jsonl"), 7_500);
    Tables.assertOwnReaderReads(dir.resolve("t"), 7_500);
  }
}
