package io.synthgen.output;

import io.synthgen.plan.Destination;

/**
 * Options for a table's files.
 *
 * @param rowsPerFile start a new part file after this many rows (0: one file per table); a table with several parts
 *     is written as a folder {@code {table}/part-00000.parquet ...}
 */
public record WriterOptions(Destination.Format format, Destination.Compression compression, long rowsPerFile) {

  public static WriterOptions parquetZstd() {
    return new WriterOptions(Destination.Format.PARQUET, Destination.Compression.ZSTD, 0);
  }
}
