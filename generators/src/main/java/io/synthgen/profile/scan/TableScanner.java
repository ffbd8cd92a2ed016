package io.synthgen.profile.scan;

import io.synthgen.plan.DataType;
import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.stats.BloomBudget;
import io.synthgen.profile.stats.ColumnAccumulator;
import io.synthgen.profile.stats.KeyValues;
import io.synthgen.random.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Streams one table's files through one {@link ColumnAccumulator} per column: Parquet ({@link ParquetScan}), CSV
 * ({@link CsvScan}) or JSONL ({@link JsonlScan}). Memory is the accumulators' bounds plus one batch, whatever the
 * row count.
 */
final class TableScanner {

  /** The seed of the sampling stream: profiling is deterministic, and independent of any plan's seed. */
  static final long SAMPLE_SEED = 42;

  /** A problem with the data itself (not I/O): reported as a violation naming the file. */
  static final class DataException extends Exception {
    private static final long serialVersionUID = 1L;

    DataException(String message) {
      super(message);
    }
  }

  /** A scanned table: its column accumulators, rows, and notes about what was skipped. */
  record Scanned(List<ColumnAccumulator> columns, long rows, List<String> notes) {

    List<ColumnProfile> profiles() {
      return columns.stream().map(ColumnAccumulator::profile).toList();
    }

    /** Notes on what was skipped, with the columns that lost key detection to the Bloom filter budget. */
    List<String> allNotes(String location) {
      List<String> out = new ArrayList<>(notes);
      for (ColumnAccumulator a : columns) {
        if (a.lostKeyDetection()) {
          out.add("column " + a.name() + " of " + location + " has more than " + ProfileLimits.EXACT_DISTINCT
              + " distinct values and the source's " + ProfileLimits.MAX_BLOOM_FILTERS + " Bloom filters were taken:"
              + " it was not tested as a key or a foreign key");
        }
      }
      return out;
    }

    Map<String, KeyValues> keyValues() {
      Map<String, KeyValues> out = new LinkedHashMap<>();
      for (ColumnAccumulator a : columns) {
        KeyValues k = a.keyValues();
        if (k != null) {
          out.put(a.name(), k);
        }
      }
      return out;
    }
  }

  final TableSource table;
  private final BloomBudget budget;
  private final Stream stream;
  final List<String> notes = new ArrayList<>();

  TableScanner(TableSource table, BloomBudget budget) {
    this.table = table;
    this.budget = budget;
    this.stream = Stream.root(SAMPLE_SEED).child("profile").child(table.name());
  }

  Scanned scan() throws IOException, DataException {
    return switch (table.format()) {
      case "parquet" -> ParquetScan.scan(this);
      case "csv" -> CsvScan.scan(this);
      case "jsonl" -> JsonlScan.scan(this);
      default -> throw new IllegalStateException("unknown format " + table.format());
    };
  }

  ColumnAccumulator accumulator(String name, String sourceName, DataType declared) {
    return new ColumnAccumulator(name, name.equals(sourceName) ? null : sourceName, declared,
        stream.child(name), budget);
  }

  Reader open(Path part) throws IOException {
    InputStream in = Files.newInputStream(part);
    if (table.gzip()) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

}
