package io.synthgen.server.catalog;

import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.run.RunManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The local run a publish sends. Tables load from Parquet; files land in the format asked for. A run is reused
 * when its manifest names the exact same plan (hash) and format and all its files are still there; otherwise it
 * is generated first, into a folder named after the run so that a resumed publish finds the same bytes.
 */
public final class PublishRuns {

  /** Under the output root: runs generated for publishing. */
  public static final String FOLDER = ".synthgen-publish";

  private PublishRuns() {
  }

  /** The run's files for the request's format, with that format's default compression ({@link WriterOptions#of}). */
  public static WriterOptions writerOptions(PublishRequest r) {
    switch (r.format()) {
      case PARQUET: return WriterOptions.of(Destination.Format.PARQUET);
      case CSV: return WriterOptions.of(Destination.Format.CSV);
      case JSON: return WriterOptions.of(Destination.Format.JSONL);
    }
    throw new IllegalStateException("no writer options for " + r.format());
  }

  /** Where a publish generates its run when no reusable one exists. */
  public static Path runDir(Path outputRoot, PublishSource src, WriterOptions o) {
    return outputRoot.resolve(FOLDER).resolve(src.runKey() + "-" + o.format().name().toLowerCase(Locale.ROOT));
  }

  /** The finished run of exactly this plan in this format in {@code dir}, if there is one. */
  public static Optional<RunManifest> reusable(Path dir, String planHash, WriterOptions o) throws IOException {
    Optional<RunManifest> m = RunManifest.read(dir);
    if (m.isEmpty() || !m.get().planHash().equals(planHash)
        || !m.get().format().equalsIgnoreCase(o.format().name())
        || !m.get().compression().equalsIgnoreCase(o.compression().name()) || !m.get().filesPresent()) {
      return Optional.empty();
    }
    return m;
  }
}
