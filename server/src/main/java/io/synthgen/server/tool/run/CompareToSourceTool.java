package io.synthgen.server.tool.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.compare.ColumnComparison;
import io.synthgen.compare.CompareException;
import io.synthgen.compare.ComparisonReport;
import io.synthgen.compare.RowCheck;
import io.synthgen.compare.SourceComparison;
import io.synthgen.compare.TableComparison;
import io.synthgen.engine.Cancellation;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.server.job.Job;
import io.synthgen.server.job.JobStatus;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.source.PlanSources;
import io.synthgen.server.tool.PlanChecks;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * compare_to_source: a finished local run of a plan made from files, compared with those files (the source report:
 * column distances, correlation differences, and whether any synthetic row equals a source row). Read-only.
 */
final class CompareToSourceTool extends ServiceTool {

  /** Columns (and correlation pairs) listed per table in the answer: the largest distances first. */
  static final int MAX_LISTED_COLUMNS = 12;

  CompareToSourceTool(Services services) {
    super("compare_to_source", services);
  }

  /** The run to compare: its folder and the plan version it was made from. */
  private record Target(String planId, PlanVersion version, Path runDir, String jobId) {
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    String jobId = call.string("job_id");
    String planId = call.string("plan_id");
    if ((jobId == null) == (planId == null)) {
      throw new ToolError("job_or_plan", jobId == null ? "give job_id (a finished generate_full job) or plan_id"
          : "give job_id or plan_id, not both", "pass the job_id generate_full returned, or the plan_id whose last "
          + "full run to compare");
    }
    Target target = jobId != null ? ofJob(jobId) : ofPlan(planId);
    PlanSources.PlanSource source = PlanSources.read(services.config().stateDir(), target.planId())
        .orElseThrow(() -> new ToolError("no_source", "plan " + target.planId() + " was not made from data, so "
            + "there is no source to compare with", "propose_plan with source: {path: ...} makes a plan from files; "
            + "to compare any run with any files, run synthgen compare --source PATH DIR"));
    if (!source.kind().equals(PlanSources.PlanSource.FILES)) {
      throw new ToolError("source_not_files", "plan " + target.planId() + " was made from Unity Catalog tables ("
          + String.join(", ", source.tables()) + "); the source report reads files", "export the tables to "
          + "Parquet under the output root (or run on Databricks) and compare with synthgen compare --source PATH "
          + "DIR");
    }
    Path root = services.config().outputRoot();
    Path sourcePath = root.resolve(source.path()).normalize();
    if (!sourcePath.startsWith(root)) {
      throw new ToolError("source_outside_root", "the recorded source " + source.path() + " is outside the output "
          + "root " + root, "propose the plan again from files under the output root");
    }
    Optional<RunManifest> manifest = RunManifest.read(target.runDir());
    if (manifest.isEmpty() || !manifest.get().planHash().equals(Runs.planHash(target.version().plan()))) {
      throw new ToolError("run_replaced", target.runDir() + " no longer holds the run of plan " + target.planId()
          + " v" + target.version().version() + (manifest.isEmpty() ? " (no finished run there)" : " (another run "
          + "replaced it)"), "compare by plan_id to compare the run that is there, or run the plan again");
    }
    ComparisonReport report;
    try {
      report = SourceComparison.compare(sourcePath, target.runDir(), source.minCount(), new Cancellation());
    } catch (CompareException e) {
      throw new ToolError("cannot_compare", e.getMessage(), "check that the source files are still under the "
          + "output root at " + source.path() + " and the run folder holds the run");
    }
    ObjectNode out = report.toJson(MAX_LISTED_COLUMNS);
    out.put("source", source.path());
    out.put("run", root.relativize(target.runDir()).toString());
    out.put("plan_id", target.planId());
    out.put("version", target.version().version());
    if (target.jobId() != null) {
      out.put("job_id", target.jobId());
    }
    String next = report.sourceRowReproduced()
        ? "tell the person which synthetic rows equal a source row (row numbers above); revise the plan so that "
            + "those columns are not copied from the source (fewer exact values, more noise), then run it again"
        : report.rowChecksPassed() ? "show the person the distances; a column with a large distance can be revised "
            + "with revise_plan" : "the row check could not confirm every candidate; tell the person it is "
            + "inconclusive and compare a sample of the source on the command line";
    out.put("next_step", next);
    return ToolResult.ok(out, text(report, target) + "Next: " + next);
  }

  private Target ofJob(String id) throws Exception {
    Job job = GetJobTool.find(services, id);
    if (!job.kind().equals(Job.GENERATE) || job.status() != JobStatus.SUCCEEDED) {
      throw new ToolError("job_not_a_finished_run", "job " + id + " is a " + job.kind() + " job that is "
          + job.status().name().toLowerCase(Locale.ROOT) + "; only a succeeded generate_full job has a run to "
          + "compare", job.status().isFinal() ? "run generate_full again" : "wait with get_job " + id);
    }
    String dir = job.toJson().path("result").path("output_dir").asText(null);
    if (dir == null) {
      throw new ToolError("job_without_output", "job " + id + " records no output folder", "run generate_full "
          + "again");
    }
    return new Target(job.planId(), services.plans().version(job.planId(), job.version()), Path.of(dir), id);
  }

  /** The plan's local output folder, holding a run of one of the plan's versions. */
  private Target ofPlan(String id) throws Exception {
    StoredPlan p = services.plans().get(id);
    Path out = PlanChecks.outputDir(services, p.latest().plan());
    Optional<RunManifest> m = RunManifest.read(out);
    if (m.isEmpty()) {
      throw new ToolError("no_run", "plan " + id + " has no finished run in " + out, "run it with generate_full "
          + "first (after approve_plan), then compare");
    }
    PlanVersion v = p.versions().stream().filter(x -> Runs.planHash(x.plan()).equals(m.get().planHash()))
        .max(Comparator.comparingInt(PlanVersion::version))
        .orElseThrow(() -> new ToolError("run_of_another_plan", "the run in " + out + " was not made from any "
            + "version of plan " + id, "run the plan with generate_full, then compare"));
    return new Target(id, v, out, null);
  }

  private static String text(ComparisonReport r, Target t) {
    StringBuilder sb = new StringBuilder();
    sb.append("Source report for plan ").append(t.planId()).append(" v").append(t.version().version()).append('\n');
    for (TableComparison tc : r.tables()) {
      sb.append(String.format(Locale.ROOT, "%s: %,d synthetic vs %,d source rows", tc.table(), tc.syntheticRows(),
          tc.sourceRows()));
      ColumnComparison worst = tc.columns().stream().filter(c -> !Double.isNaN(c.value()))
          .max(Comparator.comparingDouble(ColumnComparison::value)).orElse(null);
      if (worst != null) {
        sb.append(String.format(Locale.ROOT, "; largest distance %s %.3f (%s)", worst.column(), worst.value(),
            worst.distance()));
      }
      if (!Double.isNaN(tc.correlations().maxAbsDifference())) {
        sb.append(String.format(Locale.ROOT, "; correlations differ by up to %.3f",
            tc.correlations().maxAbsDifference()));
      }
      RowCheck rc = tc.rowCheck();
      sb.append(rc.reproducedRows() > 0 ? String.format(Locale.ROOT, "; %,d synthetic rows reproduce a source row "
          + "held by fewer than %d rows (first: %s)", rc.reproducedRows(), rc.minCount(), rc.examples())
          : rc.complete() ? "; no synthetic row reproduces a source row" : "; row check incomplete");
      if (rc.commonRows() > 0) {
        sb.append(String.format(Locale.ROOT, " (%,d equal a combination %d or more source rows share)",
            rc.commonRows(), rc.minCount()));
      }
      sb.append('\n');
    }
    r.unmatched().forEach(u -> sb.append("not compared: ").append(u).append('\n'));
    return sb.toString();
  }
}
