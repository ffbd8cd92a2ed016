package io.synthgen.server.cli;

import io.synthgen.output.WriterOptions;
import io.synthgen.run.Landing;
import picocli.CommandLine.Option;

/** A landing zone's layout and file size: generate --layout and stream. */
final class LandingOptions {

  @Option(names = "--layout", paramLabel = "L", converter = LayoutConverter.class,
      description = "Write the batch as a landing zone: batches ({table}/batch_0000/part-00000.<ext>) or cdc_raw "
          + "(cdc_raw/{table}/initial_load/ for batch 0, cdc_raw/{table}/batch_001/ after). Earlier batches in the "
          + "folder are kept.")
  Landing.Layout layout;

  @Option(names = "--max-records-per-file", paramLabel = "N",
      description = "Landing zones: start a new part file after N rows (default: one file per batch folder).")
  long maxRecordsPerFile;

  @Option(names = "--overwrite",
      description = "Landing zones: replace this batch's folders when they exist (only those folders).")
  boolean overwrite;

  /** The writer options of a landing: the format and compression asked for, split at the max records per file. */
  WriterOptions writerOptions(WriterOptions base) {
    if (maxRecordsPerFile < 0) {
      throw new IllegalArgumentException("--max-records-per-file must be at least 1 (or left out for one file per "
          + "batch folder), not " + maxRecordsPerFile);
    }
    return new WriterOptions(base.format(), base.compression(), maxRecordsPerFile);
  }

  /** Refuses landing flags given without a layout. */
  void requireLayoutFor(String what) {
    if (layout == null && (maxRecordsPerFile != 0 || overwrite)) {
      throw new IllegalArgumentException((maxRecordsPerFile != 0 ? "--max-records-per-file" : "--overwrite")
          + " applies to a landing zone; add --layout batches (or cdc_raw)" + what);
    }
  }

  /** picocli: batches or cdc_raw. */
  static final class LayoutConverter implements picocli.CommandLine.ITypeConverter<Landing.Layout> {
    @Override
    public Landing.Layout convert(String value) {
      return Landing.Layout.parse(value);
    }
  }
}
