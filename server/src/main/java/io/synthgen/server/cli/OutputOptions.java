package io.synthgen.server.cli;

import io.synthgen.engine.Engine;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how files are written: shared by sample and generate. */
final class OutputOptions {

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Output folder (default: the plan's destination path, e.g. output/retail).")
  Path out;

  @Option(names = "--format", paramLabel = "FMT", converter = FormatConverter.class,
      description = "parquet (default), csv or jsonl (json: the same JSON lines).")
  Destination.Format format;

  @Option(names = "--compression", paramLabel = "C",
      description = "zstd (Parquet default), snappy, gzip or none (CSV/JSONL default).")
  Destination.Compression compression;

  @Option(names = "--rows-per-file", paramLabel = "N",
      description = "Split tables larger than N rows into a folder of part files (default: one file per table).")
  long rowsPerFile;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--chunk-rows", paramLabel = "N", hidden = true,
      description = "Rows per chunk (and Parquet row group).")
  Integer chunkRows;

  @Option(names = "--vector-rows", paramLabel = "N", hidden = true,
      description = "Rows per evaluation vector within a chunk (a speed setting: the output is the same).")
  Integer vectorRows;

  Path dir(Plan plan) {
    if (out != null) {
      return out;
    }
    Destination d = plan.destination();
    if (d != null && d.kind() == Destination.Kind.LOCAL && d.path() != null) {
      return Path.of(d.path());
    }
    return Path.of("output", plan.name());
  }

  /** The plan destination's writer options with these flags over them ({@link WriterOptions#of}). */
  WriterOptions writerOptions(Plan plan) {
    return WriterOptions.of(plan.destination(), format, compression, rowsPerFile);
  }

  /** picocli: a format name, json taken as JSON lines (what Spark's json source reads). */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Destination.Format> {
    @Override
    public Destination.Format convert(String value) {
      for (Destination.Format f : Destination.Format.values()) {
        if (f.name().equalsIgnoreCase(value)) {
          return f;
        }
      }
      if ("json".equalsIgnoreCase(value)) {
        return Destination.Format.JSONL;
      }
      throw new picocli.CommandLine.TypeConversionException("unknown format '" + value
          + "'; use parquet, csv or jsonl (json)");
    }
  }

  Engine engine() {
    return new Engine(threads != null ? threads : Runtime.getRuntime().availableProcessors(),
        chunkRows != null ? chunkRows : Engine.DEFAULT_CHUNK_ROWS,
        vectorRows != null ? vectorRows : Engine.DEFAULT_VECTOR_ROWS);
  }
}
