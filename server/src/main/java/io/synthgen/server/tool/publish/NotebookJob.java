package io.synthgen.server.tool.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Progress;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.JobRuns;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.job.JobFailure;
import io.synthgen.server.job.JobWork;

/**
 * The background part of write_to_uc with engine job: the notebook imported and run as a serverless job run
 * ({@link JobRuns}), its state reported as progress; cancelling the synthgen job cancels the run.
 */
final class NotebookJob implements JobWork {

  private final Workspace ws;
  private final JobRuns.Request request;
  private final String catalog;
  private final String schema;
  private final java.util.Set<String> replaces;
  private final long rows;

  /** @param replaces the tables that existed when the person confirmed (reported as replaced) */
  NotebookJob(Workspace ws, JobRuns.Request request, String catalog, String schema, java.util.Set<String> replaces) {
    this.ws = ws;
    this.request = request;
    this.catalog = catalog;
    this.schema = schema;
    this.replaces = java.util.Set.copyOf(replaces);
    this.rows = request.tables().stream().mapToLong(JobRuns.Table::rows).sum();
  }

  @Override
  public ObjectNode run(Progress progress, Cancellation cancel) throws Exception {
    try (ws) {
      JobRuns.Result r = new JobRuns(ws).run(request, (step, f) -> {
        long done = Math.round(rows * Math.min(1, f));
        progress.update(step, done, rows, done, rows);
      }, cancel);
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("engine", "job");
      o.put("target", "tables");
      o.put("catalog", catalog);
      o.put("schema", schema);
      o.put("run_id", r.runId());
      o.put("notebook_path", r.notebookPath());
      if (r.pageUrl() != null) {
        o.put("run_page_url", r.pageUrl());
      }
      ArrayNode tables = o.putArray("tables");
      for (JobRuns.Table t : r.tables()) {
        // the notebook's own check failed the run unless the table has exactly these rows
        tables.addObject().put("table", t.name()).put("target", t.name())
            .put("action", replaces.contains(t.name()) ? "replace" : "create").put("rows", t.rows())
            .put("rows_verified", t.rows());
      }
      o.put("rows", rows);
      o.put("seconds", r.seconds());
      return o;
    } catch (CatalogException e) {
      throw new JobFailure(e.getMessage(), e.fix(), e);
    }
  }
}
