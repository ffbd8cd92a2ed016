package io.synthgen.server.tool.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.Preparation;
import io.synthgen.server.catalog.PublishResult;
import io.synthgen.server.catalog.Publisher;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.job.JobFailure;
import io.synthgen.server.job.JobWork;
import io.synthgen.server.tool.Services;
import io.synthgen.server.view.PublishViews;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The background part of write_to_uc: generates the run when there is none (its first half of the progress), then
 * publishes it. When the run was generated here, the publish is prepared again with its files
 * ({@link Publisher#withRun}), which stops before any change if more would be replaced than the person confirmed.
 */
final class PublishJob implements JobWork {

  private static final double GENERATE_SHARE = 0.5;

  private final Services services;
  private final ResolvedPlan resolved;
  private final Preparation confirmed;
  private final Workspace ws;
  private final Path runDir;
  private final WriterOptions options;

  PublishJob(Services services, ResolvedPlan resolved, Preparation confirmed, Workspace ws, Path runDir,
      WriterOptions options) {
    this.services = services;
    this.resolved = resolved;
    this.confirmed = confirmed;
    this.ws = ws;
    this.runDir = runDir;
    this.options = options;
  }

  @Override
  public ObjectNode run(Progress progress, Cancellation cancel) throws Exception {
    long total = resolved.totalRows();
    try (ws) {
      Preparation p = confirmed;
      double from = 0;
      if (confirmed.source().run() == null) {
        int threads = services.config().engineThreads();
        Runs.generate(resolved, runDir, options, new Engine(threads, Engine.DEFAULT_CHUNK_ROWS),
            (t, d, n, rd, rt) -> report(progress, "generating " + t, GENERATE_SHARE * rd / Math.max(rt, 1), total),
            cancel);
        RunManifest run = RunManifest.read(runDir).orElseThrow(() -> new IOException("the run in " + runDir
            + " has no manifest"));
        p = new Publisher(ws).withRun(confirmed, run);
        from = GENERATE_SHARE;
      }
      double start = from;
      PublishResult r = new Publisher(ws).execute(p, true,
          (step, f) -> report(progress, step, start + (1 - start) * f, total), cancel);
      return PublishViews.result(r);
    } catch (CatalogException e) {
      throw new JobFailure(e.getMessage(), e.fix(), e);
    }
  }

  private static void report(Progress progress, String step, double fraction, long total) {
    long done = Math.round(total * Math.min(1, fraction));
    progress.update(step, done, total, done, total);
  }
}
