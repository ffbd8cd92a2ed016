package io.synthgen.server.tool.run;

import io.synthgen.server.job.Job;
import io.synthgen.server.tool.JobCalls;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolResult;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** cancel_job: stops a job and waits until it has removed what it wrote. */
final class CancelJobTool extends ServiceTool {

  private static final int WAIT_SECONDS = 30;

  CancelJobTool(Services services) {
    super("cancel_job", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    Job job = GetJobTool.find(services, call.require("job_id"));
    if (services.jobs().cancel(job)) {
      try {
        job.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // the status says where it is
      }
    }
    return JobCalls.result(job);
  }
}
