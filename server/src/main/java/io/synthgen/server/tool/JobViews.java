package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.server.job.Job;
import io.synthgen.server.job.JobStatus;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Waiting for jobs (with progress notifications while the request is open) and showing them. */
final class JobViews {

  private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

  /** The longest a call waits for its job before answering (the input schemas' maximum of wait_seconds). */
  static final double MAX_WAIT_SECONDS = 60;

  private JobViews() {
  }

  /** Waits up to {@code seconds} for the job to finish, reporting progress to the caller if it asked for it. */
  static void await(Job job, double seconds, ToolCall call) throws InterruptedException {
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
        sink.report(j.rowsDone(), Math.max(j.rowsTotal(), 1), progressText(j));
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

  static ToolResult result(Job job) {
    ObjectNode o = job.toJson();
    String next = next(job);
    o.put("next_step", next);
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Job %s (%s version %d): %s", job.id(),
        job.planId(), job.version(), job.status().jsonName()));
    if (!job.status().isFinal()) {
      text.append(", ").append(progressText(job));
    }
    ObjectNode r = (ObjectNode) o.get("result");
    if (r != null && job.kind().equals(Job.PUBLISH)) {
      text.append('\n').append(PublishViews.text(r));
    } else if (r != null) {
      text.append(String.format(Locale.ROOT, "%nwrote %,d rows (%,d bytes) to %s in %.2f s",
          r.path("manifest").path("rows").asLong(), r.path("manifest").path("bytes").asLong(),
          r.path("output_dir").asText(), r.path("manifest").path("seconds").asDouble()));
      r.path("manifest").path("tables").forEach(t -> text.append(String.format(Locale.ROOT,
          "%n  %-20s %,12d rows  %s", t.path("name").asText(), t.path("rows").asLong(),
          t.path("files").path(0).asText())));
      ObjectNode v = (ObjectNode) r.get("validation");
      text.append(String.format(Locale.ROOT, "%nvalidation: %d checks, %s", v.path("checks").asInt(),
          v.path("passed").asBoolean() ? "all passed" : v.path("failures").size() + " failed"));
      v.path("failures").forEach(f -> text.append("\n  ").append(f.asText()));
    }
    if (o.hasNonNull("error")) {
      text.append('\n').append(o.get("error").asText());
    }
    text.append("\nNext: ").append(next);
    return ToolResult.ok(o, text.toString());
  }

  private static String progressText(Job j) {
    if (j.kind().equals(Job.PUBLISH)) {
      return String.format(Locale.ROOT, "%s: %.0f%%%s", j.status().jsonName(), 100.0 * j.rowsDone()
          / Math.max(j.rowsTotal(), 1), j.step() == null ? "" : ", " + j.step());
    }
    return String.format(Locale.ROOT, "%s: %,d of %,d rows", j.status().jsonName(), j.rowsDone(), j.rowsTotal());
  }

  private static String next(Job job) {
    if (!job.status().isFinal()) {
      return "call get_job " + job.id() + " (wait_seconds up to 60) until it finishes, or cancel_job to stop it";
    }
    if (job.kind().equals(Job.PUBLISH)) {
      return PublishViews.next(job.status());
    }
    JobStatus s = job.status();
    switch (s) {
      case QUEUED:
      case RUNNING:
        return "call get_job " + job.id() + " (wait_seconds up to 60) until it finishes, or cancel_job to stop it";
      case SUCCEEDED:
        return "tell the person where the files are and the validation result";
      case FAILED:
        return "tell the person the error; fix the cause and call generate_full again";
      case CANCELLED:
        return "tell the person the run was cancelled and nothing was kept; generate_full starts it again";
      case INTERRUPTED:
        return "tell the person the run was interrupted by a server restart; generate_full starts it again";
    }
    throw new IllegalStateException("no next step for " + s);
  }
}
