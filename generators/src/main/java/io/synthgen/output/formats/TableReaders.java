package io.synthgen.output.formats;

import io.synthgen.output.BatchSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TableReader;
import io.synthgen.output.csv.CsvTableReader;
import io.synthgen.output.jsonl.JsonlTableReader;
import io.synthgen.output.parquet.ParquetTableReader;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Opens synthgen's own output (one file or a folder of {@code part-*} files) for reading back. */
public final class TableReaders {

  private TableReaders() {
  }

  /**
   * Opens {@code file} ({@code .parquet}, {@code .csv[.gz]}, {@code .jsonl[.gz]}) or a folder of part files; the
   * file's columns must match {@code expected} by name and type (IOException naming the difference otherwise).
   */
  public static TableReader open(Path file, List<OutputColumn> expected) throws IOException {
    if (Files.isDirectory(file)) {
      List<Path> parts = new ArrayList<>();
      try (Stream<Path> s = Files.list(file)) {
        s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().forEach(parts::add);
      }
      if (parts.isEmpty()) {
        throw new IOException("folder " + file + " holds no part-* files; point at a table file or a folder of parts");
      }
      return new PartsReader(parts, expected);
    }
    return openFile(file, expected, 0);
  }

  static TableReader openFile(Path file, List<OutputColumn> expected, long firstRow) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".parquet")) {
      return new ParquetTableReader(file, expected, firstRow);
    }
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      return new CsvTableReader(file, expected, firstRow);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
      return new JsonlTableReader(file, expected, firstRow);
    }
    throw new IOException("cannot tell the format of " + file
        + "; expected a name ending in .parquet, .csv, .csv.gz, .jsonl or .jsonl.gz");
  }

  /** Reads part files one after another, numbering rows across them. */
  private static final class PartsReader extends BatchSource {
    private final List<Path> parts;
    private final List<OutputColumn> expected;
    private int next;
    private long rows;
    private TableReader current;

    PartsReader(List<Path> parts, List<OutputColumn> expected) {
      this.parts = parts;
      this.expected = expected;
    }

    @Override
    protected Batch read() throws IOException {
      while (true) {
        if (current != null && current.hasNext()) {
          Batch b = current.next();
          rows += b.size();
          return b;
        }
        if (current != null) {
          current.close();
          current = null;
        }
        if (next == parts.size()) {
          return null;
        }
        current = openFile(parts.get(next++), expected, rows);
      }
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
      }
    }
  }
}
