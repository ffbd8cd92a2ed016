package io.synthgen.server.tool.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Tiers;
import io.synthgen.engine.Engine;
import io.synthgen.engine.TableRun;
import io.synthgen.engine.TableSource;
import io.synthgen.output.FileEntry;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.series.Batches;
import io.synthgen.run.Landing;
import io.synthgen.server.job.Job;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
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
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * generate_full: the approved current version, run as a background job into the plan's local destination. Refused
 * without approval of the current version; replacing earlier files needs the person's confirmation. For a plan with
 * a series, {@code batch} (and/or {@code layout}) lands batch K into the destination as a landing zone beside the
 * batches landed before, and {@code snapshot_after} writes the expected state after batches 0..K into a sibling
 * folder {@code <destination>_snapshot_after_K}.
 */
final class GenerateFullTool extends ServiceTool {

  /** Output folder to the job writing it: two runs into one folder would replace each other's files. */
  private final Map<Path, Job> writing = new ConcurrentHashMap<>();

  GenerateFullTool(Services services) {
    super("generate_full", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    double wait = call.number("wait_seconds", 0, JobCalls.MAX_WAIT_SECONDS, JobCalls.DEFAULT_WAIT_SECONDS);
    Approved a = Approved.require(services, call, "generate_full");
    String id = a.id();
    StoredPlan p = a.plan();
    PlanVersion v = a.version();
    ResolvedPlan r = a.resolved();
    Tiers.Decision d = Tiers.decide(r.totalRows(), v.plan().destination(), v.requestedTier());
    if (d.serverless() && !p.approval().serverlessAcknowledged()) {
      throw new ToolError("serverless_not_acknowledged", "the plan uses serverless compute, which the person has "
          + "not acknowledged", "ask the person; then approve_plan again with acknowledge_serverless: true");
    }
    Path out = PlanChecks.outputDir(services, v.plan());
    // any batch of a series (PlanLimits.MAX_BATCHES); a landing layout's own, smaller bound is checked below
    long lastBatch = io.synthgen.plan.validate.PlanLimits.MAX_BATCHES - 1;
    Long batch = call.args().hasNonNull("batch") ? call.whole("batch", 0, lastBatch, 0) : null;
    String layoutName = call.string("layout");
    Long after = call.args().hasNonNull("snapshot_after")
        ? call.whole("snapshot_after", 0, lastBatch, 0) : null;
    if (after != null && (batch != null || layoutName != null)) {
      throw new ToolError("bad_arguments", "snapshot_after writes the state after a batch; it takes no batch or "
          + "layout", "call generate_full with snapshot_after alone, or with batch (and layout) alone");
    }
    if (after != null) {
      BatchChecks.require(r, after, "generate_full", "snapshot_after");
      Path dir = out.resolveSibling(out.getFileName() + "_snapshot_after_" + after);
      return submitSnapshot(call, a, r, dir, after, wait);
    }
    if (batch != null || layoutName != null) {
      Landing.Layout layout;
      try {
        layout = layoutName == null ? Landing.Layout.BATCHES : Landing.Layout.parse(layoutName);
      } catch (IllegalArgumentException e) {
        throw new ToolError("bad_arguments", e.getMessage(), "use layout batches or cdc_raw");
      }
      long k = batch == null ? 0 : batch;
      BatchChecks.require(r, k, "generate_full", "batch");
      if (k > layout.maxBatch()) {
        throw new ToolError("bad_arguments", "batch " + k + " cannot be named in the " + layout.jsonName()
            + " landing layout, whose folders name batches 0 to " + layout.maxBatch(), (layout == Landing.Layout.CDC_RAW
            ? "use layout batches (batches 0 to " + Landing.MAX_BATCH + "), or " : "")
            + "write the batch as a run folder with the command line: synthgen generate --batch " + k);
      }
      return submitLanding(call, a, r, out, k, layout, wait);
    }
    Job running = writing.get(out);
    if (running != null && !running.status().isFinal()) {
      throw new ToolError("already_running", "job " + running.id() + " is already writing " + out,
          "follow it with get_job " + running.id() + " or stop it with cancel_job");
    }
    confirmOverwrite(call, out);
    WriterOptions options = WriterOptions.of(v.plan().destination());
    int threads = services.config().engineThreads();
    Job job = services.jobs().submit(id, v.version(), call.owner(), r.totalRows(), (progress, cancel) -> {
      RunResult rr = Runs.generate(r, out, options, new Engine(threads, Engine.DEFAULT_CHUNK_ROWS), progress,
          cancel);
      return summary(rr);
    });
    writing.put(out, job);
    job.done().whenComplete((j, e) -> writing.remove(out, job));
    JobCalls.await(job, wait, call);
    ToolResult res = JobCalls.result(job);
    res.structured().put("output_dir", out.toString());
    return res;
  }

  private Job reserve(Path dir) throws ToolError {
    Job running = writing.get(dir);
    if (running != null && !running.status().isFinal()) {
      throw new ToolError("already_running", "job " + running.id() + " is already writing " + dir,
          "follow it with get_job " + running.id() + " or stop it with cancel_job");
    }
    return running;
  }

  private void track(Path dir, Job job) {
    writing.put(dir, job);
    job.done().whenComplete((j, e) -> writing.remove(dir, job));
  }

  private ToolResult submitSnapshot(ToolCall call, Approved a, ResolvedPlan r, Path dir, long after, double wait)
      throws Exception {
    reserve(dir);
    confirmOverwrite(call, dir);
    WriterOptions options = WriterOptions.of(a.version().plan().destination());
    int threads = services.config().engineThreads();
    long rows = Batches.snapshot(r, after).stream().mapToLong(TableSource::rows).sum();
    Job job = services.jobs().submit(a.id(), a.version().version(), call.owner(), rows, (progress, cancel) -> {
      RunResult rr = Runs.snapshot(r, after, dir, options, new Engine(threads, Engine.DEFAULT_CHUNK_ROWS), progress,
          cancel);
      ObjectNode o = summary(rr);
      o.put("snapshot_after", after);
      return o;
    });
    track(dir, job);
    JobCalls.await(job, wait, call);
    ToolResult res = JobCalls.result(job);
    res.structured().put("output_dir", dir.toString());
    res.structured().put("snapshot_after", after);
    return res;
  }

  private ToolResult submitLanding(ToolCall call, Approved a, ResolvedPlan r, Path out, long k, Landing.Layout layout,
      double wait) throws Exception {
    reserve(out);
    try {
      Landing.requireLandable(r, out, layout);
    } catch (Landing.NotALanding e) {
      throw new ToolError("output_not_a_landing", e.getMessage(), "ask the person where to land the batches instead "
          + "and change the destination with revise_plan set_destination");
    }
    List<TableSource> sources = Batches.batch(r, k);
    List<String> existing = new ArrayList<>();
    for (TableSource s : sources) {
      String folder = layout.folder(s.name(), k);
      if (Files.exists(out.resolve(folder))) {
        existing.add(folder);
      }
    }
    boolean overwrite = !existing.isEmpty();
    if (overwrite) {
      String question = "Batch " + k + " is already landed in " + out + " (" + String.join(", ", existing)
          + "). Replace exactly those folders? Other batches are not touched.";
      if (!call.bool("overwrite") && !Confirmations.ask(call, question, "replace", "Replace batch " + k)) {
        throw new ToolError("overwrite_needs_confirmation", question.replace(" Replace exactly those folders?", ""),
            "land the next batch (batch " + Landing.nextBatch(out) + "), or ask the person; if they agree to "
                + "replace batch " + k + ", call generate_full again with overwrite: true");
      }
    }
    WriterOptions options = WriterOptions.of(a.version().plan().destination());
    int threads = services.config().engineThreads();
    long rows = sources.stream().mapToLong(TableSource::rows).sum();
    Job job = services.jobs().submit(a.id(), a.version().version(), call.owner(), rows, (progress, cancel) -> {
      Landing.Result lr;
      try {
        lr = Landing.write(r, sources, k, out, layout, options, overwrite, new Engine(threads,
            Engine.DEFAULT_CHUNK_ROWS), progress, cancel, Landing.validator(r, sources, k));
      } catch (Landing.NotALanding e) {
        throw new io.synthgen.server.job.JobFailure(e.getMessage(), "ask the person where to land the batches "
            + "instead and change the destination with revise_plan set_destination", e);
      } catch (Landing.BatchExists e) {
        throw new io.synthgen.server.job.JobFailure(e.getMessage(), "land the next batch, or call generate_full "
            + "again with overwrite: true once the person agrees", e);
      }
      return landingSummary(lr, r);
    });
    track(out, job);
    JobCalls.await(job, wait, call);
    ToolResult res = JobCalls.result(job);
    res.structured().put("output_dir", out.toString());
    res.structured().put("batch", k);
    res.structured().put("layout", layout.jsonName());
    return res;
  }

  /** A landed batch: its number, layout, manifest and per table the folder and the first files. */
  static ObjectNode landingSummary(Landing.Result lr, ResolvedPlan r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("output_dir", lr.root().toString());
    o.put("batch", lr.batch());
    o.put("batches", r.series().batches());
    o.put("layout", lr.layout().jsonName());
    o.put("replaced", lr.replaced());
    ObjectNode m = o.putObject("manifest");
    m.put("path", lr.manifest().toString());
    m.put("rows", lr.rows());
    m.put("bytes", lr.bytes());
    m.put("seconds", Math.round(lr.seconds() * 1000) / 1000.0);
    ArrayNode tables = m.putArray("tables");
    for (Landing.Landed t : lr.tables()) {
      ObjectNode to = tables.addObject();
      to.put("name", t.table());
      to.put("folder", t.folder());
      to.put("rows", t.rows());
      to.put("bytes", t.bytes());
      putFiles(to, t.files());
    }
    putValidation(o, lr.validation());
    return o;
  }

  private void confirmOverwrite(ToolCall call, Path out) throws IOException, ToolError {
    if (!Files.isDirectory(out)) {
      return;
    }
    try {
      Runs.checkReplaceable(out); // a run replaces the whole folder: never one holding files of the person
    } catch (IOException e) {
      throw new ToolError("output_not_replaceable", e.getMessage(),
          "ask the person where to write instead and change the destination with revise_plan set_destination");
    }
    long existing;
    try (Stream<Path> s = Files.list(out)) {
      existing = s.filter(f -> !f.getFileName().toString().startsWith(".synthgen-staging")).count();
    }
    if (existing == 0) {
      return;
    }
    String question = out + " already holds " + existing + (existing == 1 ? " file or folder" : " files or folders")
        + " (an earlier run). Replace that run?";
    if (call.elicitation().isPresent()) {
      if (Confirmations.ask(call, question, "replace", "Replace the files of the earlier run")) {
        return;
      }
      throw new ToolError("overwrite_declined", "the person did not confirm replacing the files in " + out,
          "ask the person whether to write elsewhere (revise_plan set_destination) or to replace the files");
    }
    if (!call.bool("overwrite")) {
      throw new ToolError("overwrite_needs_confirmation", question,
          "ask the person whether to replace them; if they agree, call generate_full again with overwrite: true, "
              + "otherwise change the destination with revise_plan set_destination");
    }
  }

  static ObjectNode summary(RunResult rr) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("output_dir", rr.dir().toString());
    ObjectNode m = o.putObject("manifest");
    m.put("path", rr.manifest().toString());
    m.put("plan_hash", rr.planHash());
    m.put("rows", rr.rows());
    m.put("bytes", rr.bytes());
    m.put("seconds", Math.round(rr.seconds() * 1000) / 1000.0);
    ArrayNode tables = m.putArray("tables");
    for (TableRun t : rr.tables()) {
      ObjectNode to = tables.addObject();
      to.put("name", t.table());
      to.put("rows", t.rows());
      to.put("bytes", t.bytes());
      putFiles(to, t.files());
    }
    putValidation(o, rr.validation());
    return o;
  }

  /** A table's files, the first five by path and a count of the rest. */
  private static void putFiles(ObjectNode table, List<FileEntry> entries) {
    ArrayNode files = table.putArray("files");
    int shown = 0;
    for (FileEntry f : entries) {
      if (shown++ == 5) {
        files.add("… " + (entries.size() - 5) + " more in the manifest");
        break;
      }
      files.add(f.path());
    }
  }

  private static void putValidation(ObjectNode o, ValidationReport report) {
    ObjectNode v = o.putObject("validation");
    v.put("passed", report.passed());
    v.put("checks", report.checks().size());
    ArrayNode failures = v.putArray("failures");
    for (Check c : report.failures()) {
      failures.add(c.toString());
    }
  }
}
