package io.synthgen.server.tool.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.Batches;
import io.synthgen.run.Landing;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.VolumeBatch;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.job.JobFailure;
import io.synthgen.server.job.JobWork;
import io.synthgen.engine.TableSource;
import java.nio.file.Path;
import java.util.List;

/**
 * The background part of write_to_uc for a batch: lands batch K locally (unless an earlier call landed it already;
 * batches are deterministic), then appends its folders to the volume ({@link VolumeBatch}).
 */
final class VolumeBatchJob implements JobWork {

  private static final double LAND_SHARE = 0.5;

  private final ResolvedPlan resolved;
  private final PublishRequest req;
  private final long batch;
  private final Path landing;
  private final WriterOptions options;
  private final int threads;
  private final boolean replace;
  private final Workspace ws;

  VolumeBatchJob(ResolvedPlan resolved, PublishRequest req, long batch, Path landing, WriterOptions options,
      int threads, boolean replace, Workspace ws) {
    this.resolved = resolved;
    this.req = req;
    this.batch = batch;
    this.landing = landing;
    this.options = options;
    this.threads = threads;
    this.replace = replace;
    this.ws = ws;
  }

  @Override
  public ObjectNode run(Progress progress, Cancellation cancel) throws Exception {
    long start = System.nanoTime();
    try (ws) {
      Landing.Result local = Landing.read(resolved, landing, Landing.Layout.BATCHES, batch).orElse(null);
      if (local == null) {
        long total = Batches.batch(resolved, batch).stream().mapToLong(s -> s.rows()).sum();
        List<TableSource> sources = Batches.batch(resolved, batch);
        local = Landing.write(resolved, sources, batch, landing, Landing.Layout.BATCHES, options, false,
            new Engine(threads, Engine.DEFAULT_CHUNK_ROWS),
            (t, d, n, rd, rt) -> report(progress, "landing " + t, LAND_SHARE * rd / Math.max(rt, 1), total),
            cancel, Landing.validator(resolved, sources, batch));
      }
      long rows = local.rows();
      VolumeBatch.Report r = new VolumeBatch(ws).append(req.catalog(), req.schema(), req.volume(), local, replace,
          (step, f) -> report(progress, step, LAND_SHARE + (1 - LAND_SHARE) * f, rows), cancel);
      return result(r, local, (System.nanoTime() - start) / 1e9);
    } catch (CatalogException e) {
      throw new JobFailure(e.getMessage(), e.fix(), e);
    }
  }

  /** The publish result's shape (what {@code PublishViews.text} shows), with the batch and its folders. */
  ObjectNode result(VolumeBatch.Report r, Landing.Result local, double seconds) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("target", "files");
    o.put("catalog", req.catalog());
    o.put("schema", req.schema());
    o.put("volume", req.volume());
    o.put("seconds", Math.round(seconds * 1000) / 1000.0);
    o.put("volume_path", r.volumePath());
    o.put("batch", r.batch());
    o.put("rows", local.rows());
    o.put("files_sent", r.sent());
    o.put("files_skipped", r.skipped());
    o.put("bytes_sent", r.bytesSent());
    ArrayNode tables = o.putArray("tables");
    for (Landing.Landed t : local.tables()) {
      tables.addObject().put("name", t.table()).put("target", r.volumePath() + "/" + t.folder())
          .put("action", r.replaced().contains(r.volumePath() + "/" + t.folder()) ? "replace_batch" : "append_batch")
          .put("rows_verified", t.rows()).put("files", t.files().size());
    }
    ArrayNode replaced = o.putArray("replaced");
    r.replaced().forEach(replaced::add);
    return o;
  }

  private static void report(Progress progress, String step, double fraction, long total) {
    long done = Math.round(total * Math.min(1, fraction));
    progress.update(step, done, total, done, total);
  }
}
