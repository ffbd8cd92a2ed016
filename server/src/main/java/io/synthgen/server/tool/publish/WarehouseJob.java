package io.synthgen.server.tool.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Tiers;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Progress;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.GenerationEstimate;
import io.synthgen.server.catalog.PublishResult;
import io.synthgen.server.catalog.WarehouseGeneration;
import io.synthgen.server.catalog.WarehousePreparation;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.job.JobFailure;
import io.synthgen.server.job.JobWork;
import io.synthgen.server.view.PublishViews;

/**
 * The background part of write_to_uc with engine warehouse: the confirmed statements run table after table in the
 * SQL warehouse; progress moves per table, cancel stops the running statement.
 */
final class WarehouseJob implements JobWork {

  private final WarehousePreparation confirmed;
  private final GenerationEstimate estimate;
  private final Workspace ws;

  WarehouseJob(WarehousePreparation confirmed, GenerationEstimate estimate, Workspace ws) {
    this.confirmed = confirmed;
    this.estimate = estimate;
    this.ws = ws;
  }

  @Override
  public ObjectNode run(Progress progress, Cancellation cancel) throws Exception {
    long total = estimate.rows();
    try (ws) {
      PublishResult r = new WarehouseGeneration(ws).execute(confirmed, true, (step, f) -> {
        long done = Math.round(total * Math.min(1, f));
        progress.update(step, done, total, done, total);
      }, cancel);
      ObjectNode o = PublishViews.result(r);
      o.put("compute", Tiers.warehouseCompute(r.preparation().warehouse().name(),
          r.preparation().warehouse().serverless(), estimate.rows(), estimate.bytes()));
      return o;
    } catch (CatalogException e) {
      throw new JobFailure(e.getMessage(), e.fix(), e);
    }
  }
}
