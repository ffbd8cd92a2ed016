package io.synthgen.server.cli;

import io.synthgen.engine.Engine;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.series.Batches;
import io.synthgen.run.Landing;
import io.synthgen.server.catalog.PublishProgress;
import io.synthgen.server.catalog.VolumeBatch;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.catalog.databricks.DatabricksWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synthgen stream}: batch after batch into a landing zone at a row rate, for Auto Loader or Structured
 * Streaming demos. It continues after the highest batch already landed in the folder (or from --from), stops at
 * the end of the series, after --batches or after --for, and on Ctrl-C; no partial file is ever under a final name.
 */
@Command(name = "stream", description = "Land the batches of a plan's series one after another into a landing "
    + "zone, paced to a row rate, optionally uploading each to a Unity Catalog volume: synthgen stream iot --cdc "
    + "--rate 5000 --out landing --batches 3")
final class StreamCommand implements Callable<Integer> {

  /** The highest row rate: beyond it pacing means nothing (a batch is written as fast as the engine can). */
  static final double MAX_RATE = 100_000_000;
  /** The longest --for: a week. */
  static final Duration MAX_DURATION = Duration.ofDays(7);

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  @Mixin
  PlanSource source;

  @Mixin
  RecipeOptions recipes;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "The landing folder (a new one, or one this plan's stream landed into before).")
  Path out;

  @Option(names = "--rate", required = true, paramLabel = "ROWS_PER_S",
      description = "Rows per second, on average over the stream (at most 100,000,000).")
  double rate;

  @Option(names = "--batches", paramLabel = "N", description = "Land N batches (default: to the end of the series).")
  Long batches;

  @Option(names = "--for", paramLabel = "DURATION",
      description = "Stop after this long (90s, 10m, 2h, 1d or ISO-8601 such as PT30M; at most 7 days).")
  String duration;

  @Option(names = "--from", paramLabel = "K",
      description = "The first batch (default: the one after the highest already in DIR, or 0).")
  Long from;

  @Option(names = "--layout", paramLabel = "L", converter = LandingOptions.LayoutConverter.class,
      description = "batches (default: {table}/batch_0000/...) or cdc_raw (cdc_raw/{table}/initial_load/, "
          + "batch_001/...).")
  Landing.Layout layout;

  @Option(names = "--format", paramLabel = "FMT", converter = OutputOptions.FormatConverter.class,
      description = "json (JSON lines, default), csv or parquet.")
  Destination.Format format;

  @Option(names = "--compression", paramLabel = "C", description = "none (text default), gzip, zstd (Parquet "
      + "default) or snappy.")
  Destination.Compression compression;

  @Option(names = "--max-records-per-file", paramLabel = "N",
      description = "Start a new part file after N rows (default: one file per batch folder).")
  long maxRecordsPerFile;

  @Option(names = "--volume", paramLabel = "CATALOG.SCHEMA.VOLUME",
      description = "Also upload each batch, as it is landed, to this Unity Catalog volume (created if missing).")
  String volume;

  @Option(names = "--profile", paramLabel = "P", description = "With --volume: a profile of ~/.databrickscfg "
      + "(default: DATABRICKS_HOST/DATABRICKS_TOKEN, then DEFAULT).")
  String profile;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0) || rate > MAX_RATE) {
      throw new IllegalArgumentException("--rate must be above 0 and at most " + String.format(Locale.ROOT, "%,.0f",
          MAX_RATE) + " rows per second, not " + rate);
    }
    if (batches != null && batches < 1) {
      throw new IllegalArgumentException("--batches must be at least 1, not " + batches);
    }
    if (maxRecordsPerFile < 0) {
      throw new IllegalArgumentException("--max-records-per-file must be at least 1, not " + maxRecordsPerFile);
    }
    Duration limit = duration == null ? null : parseDuration(duration);
    String[] uc = volume == null ? null : volumeName(volume);
    Plan plan = recipes.apply(source.load(), source);
    ResolvedPlan resolved = Resolver.resolve(plan);
    if (resolved.series() == null) {
      throw new IllegalArgumentException("plan " + plan.name() + " has no series to stream; add a \"series\" block (or --cdc on "
          + "an industry template)");
    }
    long total = resolved.series().batches();
    long first = from != null ? from : Landing.nextBatch(out);
    if (first >= total) {
      throw new IllegalArgumentException(from != null ? "--from " + first + " is past the series (batches 0 to " + (total - 1)
          + "); give a batch below " + total : out + " already holds every batch of the series (0 to " + (total - 1)
          + "); stream into a new folder, or lengthen the series (\"series\": {\"batches\": ...})");
    }
    if (first < 0) {
      throw new IllegalArgumentException("--from must be a batch of the series (0 to " + (total - 1) + "), not "
          + first);
    }
    long end = batches == null ? total : Math.min(total, first + batches);
    Landing.Layout l = layout != null ? layout : Landing.Layout.BATCHES;
    WriterOptions base = WriterOptions.of(null, format != null ? format : Destination.Format.JSONL, compression, 0);
    WriterOptions options = new WriterOptions(base.format(), base.compression(), maxRecordsPerFile);
    Engine engine = new Engine(threads != null ? threads : Runtime.getRuntime().availableProcessors(),
        Engine.DEFAULT_CHUNK_ROWS);
    System.err.printf(Locale.ROOT, "streaming batches %d to %d of %s into %s at %,.0f rows/s%s%n", first, end - 1,
        plan.name(), out, rate, limit == null ? "" : " for at most " + limit.toString().substring(2).toLowerCase(
            Locale.ROOT));
    StreamLoop loop = new StreamLoop(resolved, k -> Batches.batch(resolved, k), out, l, options, engine, System.err);
    StreamLoop.Outcome o;
    try (CancelOnExit exit = new CancelOnExit()) {
      if (uc == null) {
        o = loop.run(first, end, limit, rate, exit.cancellation(), r -> { });
      } else {
        try (Workspace ws = DatabricksWorkspace.connect(profile)) {
          VolumeBatch target = new VolumeBatch(ws);
          o = loop.run(first, end, limit, rate, exit.cancellation(), r -> {
            VolumeBatch.Report rep = target.append(uc[0], uc[1], uc[2], r, false, PublishProgress.NONE,
                exit.cancellation());
            System.err.printf(Locale.ROOT, "batch %d: uploaded %d files (%d already there) to %s%n", r.batch(),
                rep.sent(), rep.skipped(), rep.volumePath());
          });
        }
      }
    }
    String why = o.cancelled() ? "stopped by Ctrl-C" : o.timeUp() ? "the time was up"
        : end == total ? "the series is complete" : "the batches asked for are landed";
    System.out.printf(Locale.ROOT, "landed %d batches (%,d rows) into %s; %s%s%n", o.batches().size(), o.rows(), out,
        why, end < total || o.cancelled() || o.timeUp() ? "; the next stream into it starts at batch "
            + Landing.nextBatch(out) : "");
    return 0;
  }

  /** 90s, 10m, 2h, 1d, 250ms, or ISO-8601 (PT30M), at most {@link #MAX_DURATION}. */
  static Duration parseDuration(String s) {
    Duration d;
    Matcher m = SIMPLE_DURATION.matcher(s.strip().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      double v = Double.parseDouble(m.group(1));
      double unitMillis = switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m" -> 60_000;
        case "h" -> 3_600_000;
        default -> 86_400_000;
      };
      d = Duration.ofMillis(Math.round(Math.min(v * unitMillis, MAX_DURATION.toMillis() * 2.0)));
    } else {
      try {
        d = Duration.parse(s.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--for " + s + " is not a duration; write 90s, 10m, 2h, 1d or PT30M", e);
      }
    }
    if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("--for must be above 0 and at most 7 days (7d), not " + s);
    }
    return d;
  }

  private static String[] volumeName(String v) {
    String[] parts = v.split("\\.", -1);
    if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("--volume takes catalog.schema.volume (such as demo.iot.landing), not " + v);
    }
    return parts;
  }
}
