package io.synthgen.server.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.server.job.Job;
import io.synthgen.server.job.JobStatus;
import java.util.Locale;

/** How jobs are shown: the job's record with the next step, and the same in words. */
public final class JobViews {

  /** A job as a tool returns it: structured and as text. */
  public record View(ObjectNode json, String text) {
  }

  private JobViews() {
  }

  public static View show(Job job) {
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
    return new View(o, text.toString());
  }

  public static String progressText(Job j) {
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
