package io.synthgen.server.tool.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Tiers;
import io.synthgen.engine.Engine;
import io.synthgen.engine.TableRun;
import io.synthgen.output.FileEntry;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.server.job.Job;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.tool.Approved;
import io.synthgen.server.tool.Confirmations;
import io.synthgen.server.tool.JobCalls;
import io.synthgen.server.tool.PlanChecks;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.validate.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * generate_full: the approved current version, run as a background job into the plan's local destination. Refused
 * without approval of the current version; replacing earlier files needs the person's confirmation.
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
      ArrayNode files = to.putArray("files");
      int shown = 0;
      for (FileEntry f : t.files()) {
        if (shown++ == 5) {
          files.add("… " + (t.files().size() - 5) + " more in the manifest");
          break;
        }
        files.add(f.path());
      }
    }
    ObjectNode v = o.putObject("validation");
    v.put("passed", rr.validation().passed());
    v.put("checks", rr.validation().checks().size());
    ArrayNode failures = v.putArray("failures");
    for (Check c : rr.validation().failures()) {
      failures.add(c.toString());
    }
    return o;
  }
}
