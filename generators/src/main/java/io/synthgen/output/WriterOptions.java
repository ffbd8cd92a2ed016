package io.synthgen.output;

import io.synthgen.plan.Destination;
import java.util.Locale;
import java.util.Objects;

/**
 * Options for a table's files, and the one place that works them out from a plan's destination ({@link #of}), with
 * the command line's flags over it ({@link #of(Destination, Destination.Format, Destination.Compression, long)}),
 * or for a format alone ({@link #of(Destination.Format)}: publishing's choice of file format).
 *
 * <p>The rules: a format's default compression is zstd for Parquet and none for CSV and JSONL; CSV and JSONL are
 * written uncompressed or with gzip, never with a Parquet codec (zstd, snappy); a Unity Catalog destination's run is
 * the Parquet (zstd) run that publishing loads; one file per table unless rows per file are asked for.
 *
 * @param rowsPerFile start a new part file after this many rows (0: one file per table); a table with several parts
 *     is written as a folder {@code {table}/part-00000.parquet ...}
 */
public record WriterOptions(Destination.Format format, Destination.Compression compression, long rowsPerFile) {

  public static WriterOptions parquetZstd() {
    return new WriterOptions(Destination.Format.PARQUET, Destination.Compression.ZSTD, 0);
  }

  /** The compression of {@code format} when none is asked for: zstd for Parquet, none for CSV and JSONL. */
  public static Destination.Compression defaultCompression(Destination.Format format) {
    switch (format) {
      case PARQUET:
        return Destination.Compression.ZSTD;
      case CSV:
      case JSONL:
        return Destination.Compression.NONE;
    }
    throw new IllegalStateException("no default compression for " + format);
  }

  /** Whether files of {@code format} can be written with {@code compression} (text formats: none or gzip). */
  public static boolean writes(Destination.Format format, Destination.Compression compression) {
    switch (format) {
      case PARQUET:
        return true;
      case CSV:
      case JSONL:
        return compression == Destination.Compression.NONE || compression == Destination.Compression.GZIP;
    }
    throw new IllegalStateException("no compressions known for " + format);
  }

  /** Files of {@code format} with its default compression, one per table. */
  public static WriterOptions of(Destination.Format format) {
    return new WriterOptions(Objects.requireNonNull(format, "format"), defaultCompression(format), 0);
  }

  /**
   * How a full run of a plan with this destination writes: a local destination's format (Parquet when it names
   * none) with its compression (the format's default when it names none, or one the format cannot write); Parquet
   * with zstd for a Unity Catalog destination or none at all; one file per table.
   */
  public static WriterOptions of(Destination d) {
    if (d == null || d.kind() == Destination.Kind.UNITY_CATALOG || d.format() == null) {
      return parquetZstd();
    }
    Destination.Compression c = d.compression() != null && writes(d.format(), d.compression()) ? d.compression()
        : defaultCompression(d.format());
    return new WriterOptions(d.format(), c, 0);
  }

  /**
   * The destination's options ({@link #of(Destination)}) with explicit choices over them (the command line's
   * {@code --format}, {@code --compression}, {@code --rows-per-file}). A format other than the destination's takes
   * its own default compression, not the destination's.
   *
   * @param format null: the destination's
   * @param compression null: the destination's when the format is the destination's, else the format's default
   * @param rowsPerFile 0: one file per table
   * @throws IllegalArgumentException when the format cannot be written with the compression asked for, or rows per
   *     file are negative
   */
  public static WriterOptions of(Destination d, Destination.Format format, Destination.Compression compression,
      long rowsPerFile) {
    if (rowsPerFile < 0) {
      throw new IllegalArgumentException("rows per file must be 0 (one file per table) or more, not " + rowsPerFile);
    }
    WriterOptions base = of(d);
    Destination.Format f = format != null ? format : base.format();
    Destination.Compression c = compression != null ? compression
        : f == base.format() ? base.compression() : defaultCompression(f);
    if (!writes(f, c)) {
      String fn = f.name().toLowerCase(Locale.ROOT);
      String cn = c.name().toLowerCase(Locale.ROOT);
      throw new IllegalArgumentException(fn + " files are written uncompressed or with gzip, not " + cn
          + "; choose compression none or gzip for " + fn + ", or format parquet to keep " + cn);
    }
    return new WriterOptions(f, c, rowsPerFile);
  }
}
