package io.synthgen.server.tool.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.server.catalog.JobRuns;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.export.ExportFormat;
import io.synthgen.server.export.ExportScript;
import io.synthgen.server.export.Exports;
import io.synthgen.server.job.Job;
import io.synthgen.server.tool.Approved;
import io.synthgen.server.tool.BatchChecks;
import io.synthgen.server.tool.Confirmations;
import io.synthgen.server.tool.JobCalls;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * write_to_uc with engine job: the plan's notebook ({@link Exports}, format notebook) imported into the workspace
 * and run as a one-time serverless job, followed as a synthgen job. Nothing is generated on this machine. The
 * person acknowledges serverless compute and confirms replacing existing tables first, as for the other engines.
 */
final class NotebookJobCall {

  private final Services services;

  NotebookJobCall(Services services) {
    this.services = services;
  }

  ToolResult call(ToolCall call, Approved a, PublishRequest req, double wait) throws Exception {
    if (req.target() != PublishRequest.Target.TABLES) {
      throw new ToolError("bad_arguments", "a job run makes Delta tables; target files lands files made on this "
          + "machine", "leave out target (tables) with engine job, or leave out engine to land files");
    }
    if (req.mode() != PublishRequest.Mode.OVERWRITE) {
      throw new ToolError("bad_arguments", "a job run recreates each table (CREATE OR REPLACE TABLE); mode "
          + req.mode().jsonName() + " does not apply", "leave out mode with engine job (replacing existing tables "
          + "is confirmed first), or leave out engine for mode " + req.mode().jsonName());
    }
    Long batch = null;
    if (call.args().hasNonNull("batch")) {
      batch = call.whole("batch", 0, io.synthgen.plan.validate.PlanLimits.MAX_BATCHES - 1, 0);
      BatchChecks.require(a.resolved(), batch, "write_to_uc", "batch");
    }
    ExportScript script = Exports.script(a.resolved(), a.id(), a.version().version(),
        new Exports.Request(ExportFormat.NOTEBOOK, req.catalog(), req.schema(), batch), Exports.version());
    String notebook = Exports.text(ExportFormat.NOTEBOOK, script);
    WriteToUcTool.catalog(() -> {
      JobRuns.checkSize(notebook);
      return null;
    });
    Workspace ws = WriteToUcTool.catalog(() -> services.workspaces().open(call.string("profile")));
    boolean handedOver = false;
    try {
      if (!WriteToUcTool.catalog(() -> ws.catalogExists(req.catalog()))) {
        throw new ToolError("databricks_not_found", "the catalog '" + req.catalog() + "' does not exist in "
            + ws.host() + " or you cannot see it", "ask the person for an existing catalog they can write to "
            + "(synthgen never creates catalogs)");
      }
      String given = call.string("notebook_path");
      String path = given != null && !given.isBlank() ? given
          : JobRuns.defaultPath(WriteToUcTool.catalog(ws::currentUser), a.version().plan().name());
      boolean replacesNotebook = WriteToUcTool.catalog(() -> new JobRuns(ws).check(path));
      boolean schemaExists = WriteToUcTool.catalog(() -> ws.schemaExists(req.catalog(), req.schema()));
      List<String> replaces = new ArrayList<>();
      List<JobRuns.Table> tables = new ArrayList<>();
      for (ExportScript.Step t : script.tables()) {
        if (schemaExists && WriteToUcTool.catalog(() -> ws.table(req.catalog(), req.schema(), t.table()))
            .isPresent()) {
          replaces.add(t.target());
        }
        tables.add(new JobRuns.Table(t.target(), t.rows()));
      }
      long rows = tables.stream().mapToLong(JobRuns.Table::rows).sum();
      String compute = "a one-time serverless job run of the notebook " + path + " in " + ws.host();
      if (call.bool("dry_run")) {
        return ToolResult.ok(dryRun(path, replacesNotebook, script, replaces, compute, schemaExists),
            String.format(Locale.ROOT, "Would run %s: %d tables, %,d rows, generated in Databricks (nothing is "
                + "generated or uploaded from this machine)%s%s", compute, tables.size(), rows,
                replaces.isEmpty() ? "" : "; replacing " + String.join(", ", replaces) + " (needs confirmation)",
                replacesNotebook ? "; the notebook at that path is replaced" : ""));
      }
      acknowledgeServerless(call, a, compute);
      confirmReplacing(call, replaces);
      JobRuns.Request run = new JobRuns.Request(path, "synthgen " + a.version().plan().name() + " ("
          + a.id() + " version " + a.version().version() + ")", notebook, tables);
      Job job = services.jobs().submit(Job.PUBLISH, a.id(), a.version().version(), call.owner(), rows,
          new NotebookJob(ws, run, req.catalog(), req.schema(), new java.util.HashSet<>(replaces)));
      handedOver = true;
      JobCalls.await(job, wait, call);
      return JobCalls.result(job);
    } finally {
      if (!handedOver) {
        ws.close();
      }
    }
  }

  private static ObjectNode dryRun(String path, boolean replacesNotebook, ExportScript script, List<String> replaces,
      String compute, boolean schemaExists) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("dry_run", true);
    o.put("engine", "job");
    o.put("compute", compute);
    o.put("notebook_path", path);
    o.put("replaces_notebook", replacesNotebook);
    o.put("creates_schema", !schemaExists);
    ArrayNode ts = o.putArray("tables");
    script.tables().forEach(t -> ts.addObject().put("table", t.target()).put("rows", t.rows()));
    ArrayNode r = o.putArray("replaces");
    replaces.forEach(r::add);
    o.put("next_step", "show the person what would happen; call write_to_uc with engine job without dry_run to do "
        + "it");
    return o;
  }

  private static void acknowledgeServerless(ToolCall call, Approved a, String compute) throws ToolError {
    if (a.plan().approval().serverlessAcknowledged() || call.bool("acknowledge_serverless")) {
      return;
    }
    String question = "Generating the tables runs " + compute + ", which bills Databricks serverless compute. "
        + "Go ahead?";
    if (!Confirmations.ask(call, question, "use_serverless", "Use serverless compute")) {
      throw new ToolError("serverless_not_acknowledged", question.replace(" Go ahead?", "") + "; the person has "
          + "not acknowledged it", "ask the person; if they agree, call write_to_uc again with "
          + "acknowledge_serverless: true");
    }
  }

  private static void confirmReplacing(ToolCall call, List<String> replaces) throws ToolError {
    if (replaces.isEmpty() || call.bool("confirm")) {
      return;
    }
    String question = "These already exist and would be replaced, schema included: " + String.join(", ", replaces)
        + ". Replace them?";
    if (!Confirmations.ask(call, question, "replace", "Replace")) {
      throw new ToolError("overwrite_needs_confirmation", question.replace(" Replace them?", ""),
          "ask the person whether to replace them; if they agree call write_to_uc again with confirm: true, "
              + "otherwise choose another schema");
    }
  }
}
