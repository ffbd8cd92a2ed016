package io.synthgen.server.tool;

import io.synthgen.server.job.Job;
import io.synthgen.server.view.JobViews;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** What the job tools share: waiting for a job (with progress notifications while the request is open), its result. */
public final class JobCalls {

  private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

  /** The longest a call waits for its job before answering (the input schemas' maximum of wait_seconds). */
  public static final double MAX_WAIT_SECONDS = 60;

  /** How long generate_full and write_to_uc wait for their job when the call does not say. */
  public static final double DEFAULT_WAIT_SECONDS = 2;

  private JobCalls() {
  }

  /** Waits up to {@code seconds} for the job to finish, reporting progress to the caller if it asked for it. */
  public static void await(Job job, double seconds, ToolCall call) throws InterruptedException {
    if (seconds <= 0 || job.status().isFinal()) {
      return;
    }
    Consumer<Job> listener = null;
    if (call.progressSink().isPresent()) {
      ProgressSink sink = call.progressSink().get();
      long[] last = {0};
      listener = j -> {
        long now = System.nanoTime();
        synchronized (last) {
          if (now - last[0] < PROGRESS_EVERY_NANOS && !j.status().isFinal()) {
            return;
          }
          last[0] = now;
        }
        sink.report(j.rowsDone(), Math.max(j.rowsTotal(), 1), JobViews.progressText(j));
      };
      job.addListener(listener);
    }
    try {
      job.done().get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still running (or failed, which the job's status says)
    } finally {
      if (listener != null) {
        job.removeListener(listener);
      }
    }
  }

  /** The job as a tool result. */
  public static ToolResult result(Job job) {
    JobViews.View v = JobViews.show(job);
    return ToolResult.ok(v.json(), v.text());
  }
}
