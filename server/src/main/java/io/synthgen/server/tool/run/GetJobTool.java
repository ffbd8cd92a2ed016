package io.synthgen.server.tool.run;

import io.synthgen.server.job.Job;
import io.synthgen.server.tool.JobCalls;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;

/** get_job: a job's status and progress, its manifest and validation once done; can wait for it. */
final class GetJobTool extends ServiceTool {

  GetJobTool(Services services) {
    super("get_job", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    double wait = call.number("wait_seconds", 0, JobCalls.MAX_WAIT_SECONDS, 0);
    Job job = find(services, call.require("job_id"));
    JobCalls.await(job, wait, call);
    return JobCalls.result(job);
  }

  static Job find(Services services, String id) throws ToolError {
    Job job = services.jobs().get(id);
    if (job == null) {
      throw new ToolError("unknown_job", "there is no job '" + id + "'",
          "job ids look like job_… and come from generate_full; call generate_full to start a run");
    }
    return job;
  }
}
