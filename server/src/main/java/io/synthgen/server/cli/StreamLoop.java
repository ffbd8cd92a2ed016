package io.synthgen.server.cli;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.Landing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The stream mode's loop: lands batch after batch into a landing root, paced so that the rows written average
 * {@code rate} rows per second. Batch b is written as soon as the previous one is due, then the loop waits until
 * the rows landed so far are due (start + rows / rate); it ends after the last batch it was asked for, when the
 * duration has passed, or when cancelled (a cancel while a batch is written removes that batch's files; a cancel
 * while waiting ends at once). Each landed batch goes to {@code afterBatch} (the volume upload) before the wait.
 */
final class StreamLoop {

  /** The longest sleep between checks of the cancellation flag. */
  static final long CHECK_NANOS = 100_000_000L;

  /** What the loop did. */
  record Outcome(List<Landing.Result> batches, boolean cancelled, boolean timeUp) {
    long rows() {
      return batches.stream().mapToLong(Landing.Result::rows).sum();
    }
  }

  /** Called with each landed batch, before the wait (for example to upload it). */
  @FunctionalInterface
  interface AfterBatch {
    void landed(Landing.Result r) throws IOException;
  }

  private final ResolvedPlan plan;
  private final LongFunction<List<TableSource>> batches;
  private final Path root;
  private final Landing.Layout layout;
  private final WriterOptions options;
  private final Engine engine;
  private final PrintStream log;

  StreamLoop(ResolvedPlan plan, LongFunction<List<TableSource>> batches, Path root, Landing.Layout layout,
      WriterOptions options, Engine engine, PrintStream log) {
    this.plan = plan;
    this.batches = batches;
    this.root = root;
    this.layout = layout;
    this.options = options;
    this.engine = engine;
    this.log = log;
  }

  /**
   * Lands batches {@code first} .. {@code end - 1}, or fewer when {@code limit} (null: none) passes first.
   *
   * @param rate rows per second, above 0
   */
  Outcome run(long first, long end, Duration limit, double rate, Cancellation cancel, AfterBatch afterBatch)
      throws IOException {
    long start = System.nanoTime();
    long deadline = limit == null ? Long.MAX_VALUE : start + limit.toNanos();
    List<Landing.Result> done = new ArrayList<>();
    long rows = 0;
    for (long b = first; b < end; b++) {
      if (cancel.isCancelled()) {
        return new Outcome(done, true, false);
      }
      if (System.nanoTime() >= deadline) {
        return new Outcome(done, false, true);
      }
      // a batch landed by an earlier stream (then stopped before its upload) is taken as it is: same plan, same bytes
      Landing.Result r = Landing.read(plan, root, layout, b).orElse(null);
      if (r == null) {
        List<TableSource> sources = batches.apply(b);
        r = Landing.write(plan, sources, b, root, layout, options, false, engine, Progress.NONE, cancel,
            Landing.validator(plan, sources, b));
        if (!r.validation().passed()) {
          log.printf(Locale.ROOT, "batch %d: %d of %d checks failed (details in %s)%n", b,
              r.validation().failures().size(), r.validation().checks().size(), r.manifest());
        }
      }
      afterBatch.landed(r);
      done.add(r);
      rows += r.rows();
      long due = start + (long) Math.ceil(rows / rate * 1e9);
      long now = System.nanoTime();
      log.printf(Locale.ROOT, "batch %d: %,d rows in %d tables landed in %s (%.2f s)%s%n", b, r.rows(),
          r.tables().size(), root, r.seconds(),
          b + 1 < end ? String.format(Locale.ROOT, "; next batch in %.1f s", Math.max(0, due - now) / 1e9)
              : "; that was the last batch");
      if (b + 1 < end) {
        Wait w = waitUntil(Math.min(due, deadline), cancel);
        if (w == Wait.CANCELLED) {
          return new Outcome(done, true, false);
        }
      }
    }
    return new Outcome(done, false, false);
  }

  private enum Wait { DUE, CANCELLED }

  private static Wait waitUntil(long due, Cancellation cancel) {
    while (true) {
      if (cancel.isCancelled()) {
        return Wait.CANCELLED;
      }
      long left = due - System.nanoTime();
      if (left <= 0) {
        return Wait.DUE;
      }
      try {
        long slice = Math.min(left, CHECK_NANOS);
        Thread.sleep(slice / 1_000_000, (int) (slice % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel.cancel();
        return Wait.CANCELLED;
      }
    }
  }
}
