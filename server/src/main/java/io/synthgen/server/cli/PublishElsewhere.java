package io.synthgen.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.compile.CompiledPlan;
import io.synthgen.compile.SqlCompiler;
import io.synthgen.compile.SqlOptions;
import io.synthgen.draft.Tiers;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.GenerationEstimate;
import io.synthgen.server.catalog.JobRuns;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.PublishResult;
import io.synthgen.server.catalog.PublishSource;
import io.synthgen.server.catalog.TableAction;
import io.synthgen.server.catalog.WarehouseGeneration;
import io.synthgen.server.catalog.WarehousePreparation;
import io.synthgen.server.catalog.WarehouseTable;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.catalog.databricks.DatabricksWorkspace;
import io.synthgen.server.export.ExportFormat;
import io.synthgen.server.export.ExportScript;
import io.synthgen.server.export.Exports;
import io.synthgen.server.view.PublishViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code synthgen publish} with engine warehouse or job: nothing is generated on this machine and nothing is
 * uploaded. Warehouse: per table one {@code CREATE OR REPLACE TABLE … AS SELECT} of the compiled plan in the SQL
 * warehouse ({@link WarehouseGeneration}), with its comments and row-count check. Job: the plan's notebook imported
 * and run as a one-time serverless job ({@link JobRuns}); the notebook checks each table's rows itself. The same
 * dry run, confirmations (serverless use, replacing tables) and errors as the upload engine; progress on stderr.
 */
final class PublishElsewhere {

  private final PublishCommand cmd;
  private final ResolvedPlan resolved;
  private final PublishRequest req;
  private final PublishSource src;

  PublishElsewhere(PublishCommand cmd, ResolvedPlan resolved, PublishRequest req) {
    this.cmd = cmd;
    this.resolved = resolved;
    this.req = req;
    Plan exact = resolved.withExactRows();
    this.src = new PublishSource(exact, Runs.planHash(exact), null, 0, null);
  }

  /** Engine warehouse. */
  int warehouse() throws PlanException {
    CompiledPlan c = compile(resolved);
    List<WarehouseTable> tables = c.tables().stream()
        .map(t -> new WarehouseTable(t.name(), t.rows(), t.select())).toList();
    GenerationEstimate estimate = GenerationEstimate.of(resolved);
    try (Workspace ws = DatabricksWorkspace.connect(cmd.profile)) {
      WarehouseGeneration g = new WarehouseGeneration(ws);
      WarehousePreparation prep = g.prepare(req, src, tables, c.setup());
      if (cmd.dryRun) {
        System.out.println(warehouseDryRun(prep, estimate));
        return 0;
      }
      cmd.confirm(prep.tables(), "Generating the tables");
      PublishResult r;
      StepLog log = new StepLog(estimate.rows());
      try (CancelOnExit exit = new CancelOnExit()) {
        r = g.execute(prep, true, log::update, exit.cancellation());
      } finally {
        log.finish();
      }
      System.out.println(PublishViews.text(PublishViews.result(r)));
      System.out.println("Compute: " + Tiers.warehouseCompute(r.preparation().warehouse().name(),
          r.preparation().warehouse().serverless(), estimate.rows(), estimate.bytes()));
      return 0;
    }
  }

  /** Engine job. */
  int job() throws PlanException {
    ExportScript script = Exports.script(resolved, null, 0, new Exports.Request(ExportFormat.NOTEBOOK,
        req.catalog(), req.schema(), null), Exports.version());
    String notebook = Exports.text(ExportFormat.NOTEBOOK, script);
    JobRuns.checkSize(notebook);
    try (Workspace ws = DatabricksWorkspace.connect(cmd.profile)) {
      if (!ws.catalogExists(req.catalog())) {
        throw new CatalogException(CatalogException.Kind.NOT_FOUND, "the catalog '" + req.catalog()
            + "' does not exist in " + ws.host() + " or you cannot see it", "give an existing catalog you can "
            + "write to (synthgen never creates catalogs); `SHOW CATALOGS` lists them");
      }
      String path = cmd.notebookPath != null && !cmd.notebookPath.isBlank() ? cmd.notebookPath
          : JobRuns.defaultPath(ws.currentUser(), src.plan().name());
      JobRuns runs = new JobRuns(ws);
      boolean replacesNotebook = runs.check(path);
      boolean schemaExists = ws.schemaExists(req.catalog(), req.schema());
      List<String> replaces = new ArrayList<>();
      List<JobRuns.Table> tables = new ArrayList<>();
      for (ExportScript.Step t : script.tables()) {
        if (schemaExists && ws.table(req.catalog(), req.schema(), t.table()).isPresent()) {
          replaces.add(t.target());
        }
        tables.add(new JobRuns.Table(t.target(), t.rows()));
      }
      long rows = tables.stream().mapToLong(JobRuns.Table::rows).sum();
      String compute = "a one-time serverless job run of the notebook " + path + " in " + ws.host();
      if (cmd.dryRun) {
        System.out.println(jobDryRun(script, compute, path, replacesNotebook, schemaExists, replaces, rows));
        return 0;
      }
      cmd.confirmServerless("Generating the tables runs " + compute);
      cmd.confirmReplacing(replaces, "(or choose another schema)");
      JobRuns.Request run = new JobRuns.Request(path, "synthgen " + src.plan().name(), notebook, tables);
      JobRuns.Result r;
      StepLog log = new StepLog(rows);
      try (CancelOnExit exit = new CancelOnExit()) {
        r = runs.run(run, log::update, exit.cancellation());
      } finally {
        log.finish();
      }
      System.out.println(jobResult(r, replaces, rows));
      return 0;
    }
  }

  /** The plan compiled to Spark SQL; a SELECT over the statement limit is refused as the warehouse would. */
  private static CompiledPlan compile(ResolvedPlan plan) throws PlanException {
    try {
      return SqlCompiler.compile(plan, SqlOptions.DEFAULT);
    } catch (IllegalStateException e) {
      if (e.getMessage() != null && e.getMessage().contains("a statement may have at most")) {
        throw new CatalogException(CatalogException.Kind.INVALID, e.getMessage(), WarehouseGeneration.TOO_LARGE_FIX
            .replace("(write_to_uc with engine: upload)", "(--engine upload)"));
      }
      throw e;
    }
  }

  private static String warehouseDryRun(WarehousePreparation wp, GenerationEstimate e) {
    StringBuilder b = new StringBuilder(PublishViews.warehouseDryRun(wp, e).replace("write_to_uc would:",
        "synthgen publish would:"));
    if (!wp.setup().isEmpty()) {
      b.append("\n\n-- setup");
      wp.setup().forEach(s -> b.append('\n').append(s).append(';'));
    }
    for (TableAction t : wp.tables().tables()) {
      b.append("\n\n-- ").append(t.target());
      t.statements().forEach(s -> b.append('\n').append(s).append(';'));
    }
    return b.toString();
  }

  private String jobDryRun(ExportScript script, String compute, String path, boolean replacesNotebook,
      boolean schemaExists, List<String> replaces, long rows) {
    StringBuilder b = new StringBuilder("Dry run — nothing was changed. synthgen publish would:");
    b.append("\n- Compute: ").append(compute);
    b.append("\n- ").append(replacesNotebook ? "replace the notebook at " : "import the notebook to ").append(path);
    if (!schemaExists) {
      b.append("\n- create the schema ").append(req.catalog()).append('.').append(req.schema());
    }
    script.tables().forEach(t -> b.append(String.format(Locale.ROOT, "%n- %s %s (%,d rows)",
        replaces.contains(t.target()) ? "replace" : "create", t.target(), t.rows())));
    b.append(String.format(Locale.ROOT, "%nNothing is generated or uploaded from this machine (%,d rows in all).",
        rows));
    if (!replaces.isEmpty()) {
      b.append("\nReplacing ").append(String.join(", ", replaces)).append(" needs confirmation (--yes).");
    }
    for (String s : script.setup()) {
      b.append("\n\n-- setup\n").append(s).append(';');
    }
    for (ExportScript.Step t : script.tables()) {
      b.append("\n\n-- ").append(t.target());
      t.statements().forEach(s -> b.append('\n').append(s).append(';'));
    }
    return b.toString();
  }

  /** The run's summary as write_to_uc's job result has it, so both read the same. */
  private String jobResult(JobRuns.Result r, List<String> replaces, long rows) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("engine", "job");
    o.put("target", "tables");
    o.put("catalog", req.catalog());
    o.put("schema", req.schema());
    o.put("run_id", r.runId());
    o.put("notebook_path", r.notebookPath());
    ArrayNode tables = o.putArray("tables");
    for (JobRuns.Table t : r.tables()) {
      // the notebook's own check failed the run unless the table has exactly these rows
      tables.addObject().put("target", t.name()).put("action", replaces.contains(t.name()) ? "replace" : "create")
          .put("rows_verified", t.rows());
    }
    o.put("rows", rows);
    o.put("seconds", r.seconds());
    return PublishViews.text(o) + (r.pageUrl() == null ? "" : "\nrun: " + r.pageUrl());
  }

  /**
   * Progress on stderr: each new step on a line of its own (the steps are few: one per table, or a job run's
   * state), and the progress bar on a terminal.
   */
  private static final class StepLog {
    private final ProgressBar bar = ProgressBar.forTerminal();
    private final long total;
    private String last;

    StepLog(long total) {
      this.total = total;
    }

    synchronized void update(String step, double fraction) {
      long done = Math.round(total * Math.min(1, Math.max(0, fraction)));
      if (!step.equals(last)) {
        last = step;
        bar.finish();
        System.err.println("publish: " + step);
      }
      bar.update(step, done, total, done, total);
    }

    void finish() {
      bar.finish();
    }
  }
}
