package io.synthgen.output.formats;

import io.synthgen.output.FileFormat;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TableWriter;
import io.synthgen.output.WriterOptions;
import io.synthgen.output.csv.CsvFormat;
import io.synthgen.output.jsonl.JsonlFormat;
import io.synthgen.output.parquet.ParquetFormat;
import io.synthgen.plan.Destination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens the writer for one table in the format and compression the options name. It sits above {@code output} and
 * the format packages, which use {@code output}'s types, so that no package cycle joins them.
 */
public final class TableWriters {

  private TableWriters() {
  }

  /**
   * Opens a writer whose files land in {@code outputDir}: {@code {table}.parquet} (or {@code .csv}, {@code .csv.gz},
   * {@code .jsonl}, {@code .jsonl.gz}), or {@code {table}/part-00000.parquet ...} when {@code rowsPerFile > 0} and
   * the table has more rows than that. Nothing appears under a final name before {@link TableWriter#commit()}.
   */
  public static TableWriter open(Path outputDir, String table, List<OutputColumn> columns, WriterOptions options)
      throws IOException {
    checkColumns(table, columns);
    if (table.isEmpty() || table.contains("/") || table.contains("\\") || table.startsWith(".")) {
      throw new IllegalArgumentException("table name '" + table
          + "' cannot be used as a file name; use letters, digits and underscores");
    }
    Files.createDirectories(outputDir);
    return TableWriter.parted(outputDir, table, columns, format(columns, options), options.rowsPerFile());
  }

  private static FileFormat format(List<OutputColumn> columns, WriterOptions options) {
    Destination.Format f = options.format();
    Destination.Compression c = options.compression();
    switch (f) {
      case PARQUET:
        return new ParquetFormat(columns, c);
      case CSV:
        return new CsvFormat(columns, textGzip(f, c));
      case JSONL:
        return new JsonlFormat(columns, textGzip(f, c));
    }
    throw new IllegalArgumentException("unknown format " + f + "; use parquet, csv or jsonl");
  }

  private static boolean textGzip(Destination.Format f, Destination.Compression c) {
    switch (c) {
      case NONE:
        return false;
      case GZIP:
        return true;
      case ZSTD:
      case SNAPPY:
        break;
    }
    throw new IllegalArgumentException(f.name().toLowerCase() + " files support compression none or gzip, not "
        + c.name().toLowerCase() + "; choose none or gzip, or write parquet");
  }

  private static void checkColumns(String table, List<OutputColumn> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + table + " has no output columns; add at least one column");
    }
    Set<String> seen = new HashSet<>();
    for (OutputColumn c : columns) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("table " + table + " has two output columns named " + c.name()
            + "; rename one");
      }
    }
  }
}
