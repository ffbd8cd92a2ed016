package io.synthgen.output.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.output.AllTypes;
import io.synthgen.output.FileEntry;
import io.synthgen.output.Tables;
import io.synthgen.plan.Destination;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRoundTripTest {

  @TempDir
  Path dir;

  private String from(String rel) {
    return "read_parquet('" + dir.resolve(rel) + "')";
  }

  @Test
  void everyTypeWithManyRowGroupsAndPagesReadsBackInDuckDbAndOurReader() throws Exception {
    // 300K-row batches: several 1 MB pages per column chunk; 650K rows: three row groups
    List<FileEntry> files = Tables.writeAllTypes(dir, "t", Destination.Format.PARQUET, Destination.Compression.ZSTD,
        0, 650_000, 300_000);
    assertEquals(List.of("t.parquet"), files.stream().map(FileEntry::path).toList());
    Tables.assertDuckReads(from("t.parquet"), 650_000);
    Tables.assertOwnReaderReads(dir.resolve("t.parquet"), 650_000);
    List<List<String>> meta = Tables.duck("SELECT count(DISTINCT row_group_id), max(num_values) FROM "
        + "parquet_metadata('" + dir.resolve("t.parquet") + "')");
    assertEquals("3", meta.get(0).get(0));
    List<List<String>> pages = Tables.duck("SELECT max(total_uncompressed_size) FROM parquet_metadata('"
        + dir.resolve("t.parquet") + "') WHERE path_in_schema = 's_plain'");
    assertTrue(Long.parseLong(pages.get(0).get(0)) > 2 << 20, "s_plain chunks span several pages");
  }

  @ParameterizedTest
  @EnumSource(Destination.Compression.class)
  void everyCodecReadsBack(Destination.Compression codec) throws Exception {
    Tables.writeAllTypes(dir, "t", Destination.Format.PARQUET, codec, 0, 5_000, 2_000);
    Tables.assertDuckReads(from("t.parquet"), 5_000);
    Tables.assertOwnReaderReads(dir.resolve("t.parquet"), 5_000);
    String expected = codec == Destination.Compression.NONE ? "UNCOMPRESSED" : codec.name();
    assertEquals(expected, Tables.duck("SELECT DISTINCT compression FROM parquet_metadata('" + dir.resolve("t.parquet")
        + "')").get(0).get(0));
  }

  @Test
  void emptyTableHasSchemaAndNoRows() throws Exception {
    List<FileEntry> files = Tables.writeAllTypes(dir, "t", Destination.Format.PARQUET,
        Destination.Compression.ZSTD, 0, 0, 100);
    assertEquals(0, files.get(0).rows());
    Tables.assertDuckReads(from("t.parquet"), 0);
    Tables.assertOwnReaderReads(dir.resolve("t.parquet"), 0);
  }

  @Test
  void partFilesSplitAtExactRowBoundaries() throws Exception {
    List<FileEntry> files = Tables.writeAllTypes(dir, "t", Destination.Format.PARQUET,
        Destination.Compression.ZSTD, 4_000, 10_000, 3_000);
    assertEquals(List.of("t/part-00000.parquet", "t/part-00001.parquet", "t/part-00002.parquet"),
        files.stream().map(FileEntry::path).toList());
    assertEquals(List.of(4_000L, 4_000L, 2_000L), files.stream().map(FileEntry::rows).toList());
    Tables.assertDuckReads(from("t/*.parquet"), 10_000);
    Tables.assertOwnReaderReads(dir.resolve("t"), 10_000);
  }

  @Test
  void footerCarriesStatisticsColumnOrderAndColumnComments() throws Exception {
    Tables.writeAllTypes(dir, "t", Destination.Format.PARQUET, Destination.Compression.ZSTD, 0, 1_000, 1_000);
    String f = dir.resolve("t.parquet").toString();
    List<List<String>> stats = Tables.duck("SELECT path_in_schema, stats_min_value, stats_max_value, stats_null_count "
        + "FROM parquet_metadata('" + f + "') ORDER BY column_id");
    assertEquals(List.of("id", "0", "999", "0"), stats.get(0));
    BigDecimal min = null;
    BigDecimal max = null;
    int nulls = 0;
    for (long r = 0; r < 1_000; r++) {
      BigDecimal v = (BigDecimal) AllTypes.value(4, r);
      if (v == null) {
        nulls++;
      } else {
        min = min == null || v.compareTo(min) < 0 ? v : min;
        max = max == null || v.compareTo(max) > 0 ? v : max;
      }
    }
    assertEquals(List.of("dec", min.toPlainString(), max.toPlainString(), Integer.toString(nulls)), stats.get(4));
    assertEquals("", stats.get(6).get(1), "min of s_dict is the empty string");
    assertEquals("with,comma", stats.get(6).get(2));
    List<List<String>> kv = Tables.duck("SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + f + "')");
    assertEquals("synthgen.columns", kv.get(0).get(0));
    assertTrue(kv.get(0).get(1).contains("\"comment\":\"money, may be negative\""), kv.get(0).get(1));
    assertEquals(ParquetFormat.CREATED_BY,
        Tables.duck("SELECT created_by FROM parquet_file_metadata('" + f + "')").get(0).get(0));
  }
}
