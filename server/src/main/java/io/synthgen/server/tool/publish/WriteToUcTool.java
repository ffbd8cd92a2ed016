package io.synthgen.server.tool.publish;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.Batches;
import io.synthgen.run.Landing;
import io.synthgen.server.catalog.VolumeBatch;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.GenerationEstimate;
import io.synthgen.server.catalog.WarehouseGeneration;
import io.synthgen.server.catalog.WarehousePreparation;
import io.synthgen.server.catalog.Preparation;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.PublishRuns;
import io.synthgen.server.catalog.PublishSource;
import io.synthgen.server.catalog.Publisher;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.job.Job;
import io.synthgen.server.tool.Approved;
import io.synthgen.server.tool.BatchChecks;
import io.synthgen.server.tool.Confirmations;
import io.synthgen.server.tool.JobCalls;
import io.synthgen.server.tool.PlanChecks;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.server.view.PublishViews;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * write_to_uc: publishes the approved current version to Unity Catalog, as Delta tables or as files in a volume.
 * Catalog and schema come from the call or the plan's destination, never from a default; serverless use and
 * replacing existing tables need the person's word. The engine ({@link Engines}) says where the rows are made: in the
 * SQL warehouse (the plan compiled to Spark SQL), on this machine and uploaded, or by a serverless job. The publish
 * (and the run, when none exists yet) is a job.
 */
final class WriteToUcTool extends ServiceTool {

  WriteToUcTool(Services services) {
    super("write_to_uc", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    double wait = call.number("wait_seconds", 0, JobCalls.MAX_WAIT_SECONDS, JobCalls.DEFAULT_WAIT_SECONDS);
    Approved a = Approved.require(services, call, "write_to_uc");
    PublishRequest req = request(call, a.version().plan());
    boolean batch = call.args().hasNonNull("batch");
    // the one place the engines part: each branch prepares, asks the person, and runs its own job
    Engines.Choice engine = Engines.choose(call.string("engine"), a, req, batch);
    switch (engine.engine()) {
      case UPLOAD:
        return batch ? appendBatch(call, a, req, call.whole("batch", 0, Landing.MAX_BATCH, 0), wait)
            : upload(call, a, req.withEngine(PublishRequest.Engine.UPLOAD), engine, wait);
      case WAREHOUSE:
        return inWarehouse(call, a, req.withEngine(PublishRequest.Engine.WAREHOUSE), engine, wait);
      case JOB:
        return new NotebookJobCall(services).call(call, a, req.withEngine(PublishRequest.Engine.JOB), wait);
    }
    throw new IllegalStateException("no branch for engine " + engine.engine());
  }

  /** engine upload: the run generated on this machine (or reused), uploaded to a staging volume and loaded. */
  private ToolResult upload(ToolCall call, Approved a, PublishRequest req, Engines.Choice engine, double wait)
      throws Exception {
    Plan exact = a.resolved().withExactRows();
    PublishSource planned = new PublishSource(exact, Runs.planHash(exact), a.id(), a.version().version(), null);
    WriterOptions options = PublishRuns.writerOptions(req, a.version().plan().destination());
    Path runDir = PublishRuns.runDir(services.config().outputRoot(), planned, options);
    Optional<RunManifest> run = findRun(a, planned, options, runDir);
    PublishSource src = planned.withRun(run.orElse(null));
    String runNote = run.map(m -> "reuses the run in " + m.dir()).orElse(String.format(java.util.Locale.ROOT,
        "no run of this version yet: %,d rows are generated into %s first", a.resolved().totalRows(), runDir));
    Workspace ws = open(call);
    boolean handedOver = false;
    try {
      Preparation prep = catalog(() -> new Publisher(ws).prepare(req, src));
      if (call.bool("dry_run")) {
        ObjectNode o = PublishViews.preparation(prep, runNote);
        engine.note(o);
        o.put("dry_run", true);
        o.put("next_step", "show the person what would happen; call write_to_uc without dry_run to do it");
        return ToolResult.ok(o, PublishViews.dryRun(prep, runNote) + engine.text());
      }
      acknowledgeServerless(call, a, prep, "Loading the tables");
      confirmReplacing(call, prep);
      Job job = services.jobs().submit(Job.PUBLISH, a.id(), a.version().version(), call.owner(),
          a.resolved().totalRows(), new PublishJob(services, a.resolved(), prep, ws, runDir, options));
      handedOver = true;
      JobCalls.await(job, wait, call);
      ToolResult res = JobCalls.result(job);
      engine.note(res.structured());
      return res;
    } finally {
      if (!handedOver) {
        ws.close();
      }
    }
  }

  /**
   * engine warehouse: each table made in the SQL warehouse by the plan compiled to Spark SQL ({@code CREATE TABLE …
   * AS SELECT}); nothing generated or uploaded here. Statements over the warehouse's size limit are refused before
   * the workspace is touched.
   */
  private ToolResult inWarehouse(ToolCall call, Approved a, PublishRequest req, Engines.Choice engine, double wait)
      throws Exception {
    Plan exact = a.resolved().withExactRows();
    PublishSource src = new PublishSource(exact, Runs.planHash(exact), a.id(), a.version().version(), null);
    WarehouseSql sql = WarehouseSql.compile(a.resolved());
    List<String> oversized = WarehouseGeneration.oversized(req, src, sql.tables(), sql.setup());
    if (!oversized.isEmpty()) {
      throw new ToolError("statement_too_large", String.join("; ", oversized), WarehouseGeneration.TOO_LARGE_FIX);
    }
    GenerationEstimate estimate = GenerationEstimate.of(a.resolved());
    Workspace ws = open(call);
    boolean handedOver = false;
    try {
      WarehousePreparation prep = catalog(() -> new WarehouseGeneration(ws).prepare(req, src, sql.tables(),
          sql.setup()));
      if (call.bool("dry_run")) {
        ObjectNode o = PublishViews.warehousePreparation(prep, estimate);
        engine.note(o);
        o.put("dry_run", true);
        o.put("next_step", "show the person what would happen; call write_to_uc without dry_run to do it");
        return ToolResult.ok(o, PublishViews.warehouseDryRun(prep, estimate));
      }
      acknowledgeServerless(call, a, prep.tables(), "Generating the tables");
      confirmReplacing(call, prep.tables());
      Job job = services.jobs().submit(Job.PUBLISH, a.id(), a.version().version(), call.owner(),
          a.resolved().totalRows(), new WarehouseJob(prep, estimate, ws));
      handedOver = true;
      JobCalls.await(job, wait, call);
      ToolResult res = JobCalls.result(job);
      engine.note(res.structured());
      return res;
    } finally {
      if (!handedOver) {
        ws.close();
      }
    }
  }

  /** engine job: the plan exported as a notebook and run as a serverless job. */
  /**
   * A batch of the plan's series appended to a volume: {@code {table}/batch_{kkkk}/} folders beside the earlier
   * batches'. The batch is landed locally under the output root first (once; later calls reuse it).
   */
  private ToolResult appendBatch(ToolCall call, Approved a, PublishRequest req, long k, double wait)
      throws Exception {
    if (req.target() != PublishRequest.Target.FILES) {
      throw new ToolError("batch_needs_files", "a batch is appended to a volume as files, not loaded into tables",
          "call write_to_uc with target: files, a volume and batch");
    }
    if (call.string("mode") != null && req.mode() != PublishRequest.Mode.APPEND) {
      throw new ToolError("bad_arguments", "a batch is always added beside the earlier batches; mode "
          + req.mode().jsonName() + " does not apply", "leave out mode (or use append); to replace a batch already "
          + "in the volume, the person confirms it (confirm: true)");
    }
    ResolvedPlan r = a.resolved();
    BatchChecks.require(r, k, "write_to_uc", "batch");
    Plan exact = r.withExactRows();
    PublishSource src = new PublishSource(exact, Runs.planHash(exact), a.id(), a.version().version(), null);
    WriterOptions options = PublishRuns.writerOptions(req);
    Path landing = services.config().outputRoot().resolve(PublishRuns.FOLDER).resolve(src.runKey() + "-landing-"
        + options.format().name().toLowerCase(java.util.Locale.ROOT));
    Landing.Result local = Landing.read(r, landing, Landing.Layout.BATCHES, k).orElse(null);
    java.util.List<String> folders = Batches.batch(r, k).stream()
        .map(s -> Landing.Layout.BATCHES.folder(s.name(), k)).toList();
    Workspace ws = open(call);
    boolean handedOver = false;
    try {
      VolumeBatch vb = new VolumeBatch(ws);
      java.util.List<String> taken = catalog(() -> local != null
          ? vb.conflicts(req.catalog(), req.schema(), req.volume(), local)
          : vb.occupied(req.catalog(), req.schema(), req.volume(), folders));
      String base = req.volumePath();
      if (call.bool("dry_run")) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("dry_run", true);
        o.put("target", "files");
        o.put("volume", base);
        o.put("batch", k);
        var creates = o.putArray("creates");
        folders.forEach(f -> creates.add(base + "/" + f));
        var replaces = o.putArray("replaces");
        taken.forEach(replaces::add);
        o.put("run", local != null ? "reuses the batch landed in " + landing : "lands batch " + k + " into "
            + landing + " first");
        o.put("next_step", "show the person what would happen; call write_to_uc without dry_run to do it");
        return ToolResult.ok(o, "Would append batch " + k + " to " + base + ": " + String.join(", ", folders)
            + (taken.isEmpty() ? "" : "; replacing " + String.join(", ", taken) + " (needs confirmation)"));
      }
      if (!taken.isEmpty() && !call.bool("confirm")) {
        String question = "Batch " + k + " is already in the volume (" + String.join(", ", taken) + "). Replace "
            + "exactly those folders? Earlier batches are not touched.";
        if (!Confirmations.ask(call, question, "replace", "Replace batch " + k)) {
          throw new ToolError("overwrite_needs_confirmation", question.substring(0, question.indexOf(" Replace")),
              "append the next batch instead, or ask the person; if they agree to replace batch " + k
                  + ", call write_to_uc again with confirm: true");
        }
      }
      long rows = local != null ? local.rows() : Batches.batch(r, k).stream().mapToLong(s -> s.rows()).sum();
      Job job = services.jobs().submit(Job.PUBLISH, a.id(), a.version().version(), call.owner(), rows,
          new VolumeBatchJob(r, req, k, landing, options, services.config().engineThreads(), !taken.isEmpty(), ws));
      handedOver = true;
      JobCalls.await(job, wait, call);
      ToolResult res = JobCalls.result(job);
      res.structured().put("batch", k);
      return res;
    } finally {
      if (!handedOver) {
        ws.close();
      }
    }
  }

  private PublishRequest request(ToolCall call, Plan plan) throws ToolError {
    Destination d = plan.destination();
    boolean uc = d != null && d.kind() == Destination.Kind.UNITY_CATALOG;
    String catalog = first(call.string("catalog"), uc ? d.catalog() : null);
    String schema = first(call.string("schema"), uc ? d.schema() : null);
    if (catalog == null || schema == null) {
      Map<String, Object> answer = askCatalogAndSchema(call, catalog, schema);
      catalog = first(catalog, (String) answer.get("catalog"));
      schema = first(schema, (String) answer.get("schema"));
    }
    String target = call.string("target");
    String format = call.string("format");
    String mode = call.string("mode");
    return new PublishRequest(catalog, schema, call.string("warehouse_id"),
        first(call.string("volume"), uc ? d.volume() : null),
        mode == null ? null : PublishRequest.Mode.parse(mode),
        target == null ? null : PublishRequest.Target.parse(target),
        format == null ? null : PublishRequest.FileFormat.parse(format),
        call.string("engine") == null ? null : PublishRequest.Engine.parse(call.string("engine")));
  }

  private static Map<String, Object> askCatalogAndSchema(ToolCall call, String catalog, String schema)
      throws ToolError {
    String missing = catalog == null && schema == null ? "catalog and schema" : catalog == null ? "catalog"
        : "schema";
    if (call.elicitation().isEmpty()) {
      throw new ToolError("catalog_schema_required", "the Unity Catalog " + missing + " to write to is not known; "
          + "it is never defaulted", "ask the person which catalog and schema to use, then call write_to_uc again "
          + "with catalog and schema");
    }
    ObjectNode form = JsonNodeFactory.instance.objectNode();
    form.put("type", "object");
    ObjectNode props = form.putObject("properties");
    var required = form.putArray("required");
    if (catalog == null) {
      props.putObject("catalog").put("type", "string").put("title", "Catalog")
          .put("description", "An existing Unity Catalog catalog you can write to");
      required.add("catalog");
    }
    if (schema == null) {
      props.putObject("schema").put("type", "string").put("title", "Schema")
          .put("description", "The schema for the tables (created if missing)");
      required.add("schema");
    }
    Optional<Map<String, Object>> answer = call.elicitation().get().ask("Which Unity Catalog " + missing
        + " should the tables go to?", form);
    if (answer.isEmpty() || answer.get().values().stream().anyMatch(v -> v == null || v.toString().isBlank())) {
      throw new ToolError("catalog_schema_required", "the person did not give the " + missing,
          "ask the person which catalog and schema to use, then call write_to_uc again with them");
    }
    return answer.get();
  }

  private Optional<RunManifest> findRun(Approved a, PublishSource src, WriterOptions options, Path runDir)
      throws Exception {
    // a full run the person already made (generate_full) is reused when it is this plan in this format
    Optional<RunManifest> earlier = PublishRuns.reusable(PlanChecks.outputDir(services, a.version().plan()),
        src.planHash(), options);
    if (earlier.isPresent()) {
      return earlier;
    }
    return PublishRuns.reusable(runDir, src.planHash(), options);
  }

  private Workspace open(ToolCall call) throws ToolError {
    return catalog(() -> services.workspaces().open(call.string("profile")));
  }

  private static void acknowledgeServerless(ToolCall call, Approved a, Preparation prep, String doing)
      throws ToolError {
    if (prep.warehouse() == null || !prep.warehouse().serverless()
        || a.plan().approval().serverlessAcknowledged() || call.bool("acknowledge_serverless")) {
      return;
    }
    String question = doing + " runs SQL on the serverless warehouse " + prep.warehouse().describe()
        + ", which bills Databricks serverless compute. Go ahead?";
    if (!Confirmations.ask(call, question, "use_serverless", "Use serverless compute")) {
      throw new ToolError("serverless_not_acknowledged", question.replace(" Go ahead?", "") + "; the person has "
          + "not acknowledged it", "ask the person; if they agree, call write_to_uc again with "
          + "acknowledge_serverless: true (or name a classic warehouse with warehouse_id)");
    }
  }

  private static void confirmReplacing(ToolCall call, Preparation prep) throws ToolError {
    if (prep.replaces().isEmpty() || call.bool("confirm")) {
      return;
    }
    String question = "These already exist and would be replaced, schema included: " + String.join(", ",
        prep.replaces()) + ". Replace them?";
    if (!Confirmations.ask(call, question, "replace", "Replace")) {
      throw new ToolError("overwrite_needs_confirmation", question.replace(" Replace them?", ""),
          "ask the person whether to replace them; if they agree call write_to_uc again with confirm: true, "
              + "otherwise use mode append or fail-if-exists, or another schema");
    }
  }

  /** Runs a catalog call, turning its failure into an error result that says what to do. */
  static <T> T catalog(java.util.concurrent.Callable<T> c) throws ToolError {
    try {
      return c.call();
    } catch (CatalogException e) {
      throw new ToolError("databricks_" + e.kind().name().toLowerCase(java.util.Locale.ROOT), e.getMessage(),
          e.fix());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
