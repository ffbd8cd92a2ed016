package io.synthgen.server.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.run.OutputFolderException;
import io.synthgen.server.plan.Ids;
import io.synthgen.server.plan.StateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on its own threads (one job at a time by default: a run already uses every core), so the threads
 * answering requests stay free. Each job's record is written to {@code <state>/jobs/<id>.json} when it starts and
 * when it ends, through {@link StateFiles}; after a restart a finished job is still known, and one that was running is reported as
 * interrupted.
 */
public final class JobManager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Clock clock;
  private final ExecutorService executor;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  public JobManager(Path stateDir, Clock clock, int concurrentJobs) {
    this.dir = stateDir.resolve("jobs");
    this.clock = clock;
    try {
      StateFiles.removeStaleTemps(dir, 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean temporary files in " + dir + " (check its permissions)", e);
    }
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(concurrentJobs, r -> {
      Thread t = new Thread(r, "synthgen-job-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Queues a job and returns it at once. */
  public Job submit(String planId, int version, String owner, long rowsTotal, JobWork work) {
    return submit(Job.GENERATE, planId, version, owner, rowsTotal, work);
  }

  /** Queues a job of a kind ({@link Job#GENERATE}, {@link Job#PUBLISH}) and returns it at once. */
  public Job submit(String kind, String planId, int version, String owner, long rowsTotal, JobWork work) {
    Job job = new Job(Ids.mint("job"), kind, planId, version, owner, clock.instant());
    job.progress(null, 0, rowsTotal);
    jobs.put(job.id(), job);
    save(job);
    executor.execute(() -> run(job, work));
    return job;
  }

  private void run(Job job, JobWork work) {
    if (job.cancellation().isCancelled()) {
      job.finish(JobStatus.CANCELLED, clock.instant(), null, "cancelled before it started");
      save(job);
      return;
    }
    job.started(clock.instant());
    save(job);
    try {
      ObjectNode result = work.run((table, done, total, runDone, runTotal) ->
          job.progress(table, runDone, runTotal), job.cancellation());
      job.finish(JobStatus.SUCCEEDED, clock.instant(), result, null);
    } catch (CancellationException e) {
      job.finish(JobStatus.CANCELLED, clock.instant(), null, job.kind().equals(Job.PUBLISH)
          ? "cancelled: " + e.getMessage() : "cancelled; no file was left under a final name");
    } catch (JobFailure e) {
      LOG.info("job {} failed: {}", job.id(), e.getMessage());
      job.finish(JobStatus.FAILED, clock.instant(), null, e.getMessage());
    } catch (Exception | Error e) {
      LOG.warn("job {} failed", job.id(), e);
      job.finish(JobStatus.FAILED, clock.instant(), null, message(e));
    }
    save(job);
  }

  private static String message(Throwable e) {
    Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
    String m = c.getMessage() == null ? c.toString() : c.getMessage();
    if (c instanceof IOException && !(c instanceof OutputFolderException)) {
      return m + " (check the output folder's free space and permissions, then run again)";
    }
    return m;
  }

  /** The job, from memory or its record; null when there is none. */
  public Job get(String id) {
    Job j = jobs.get(id);
    if (j != null || !Ids.wellFormed(id, "job")) {
      return j;
    }
    Path f = dir.resolve(id + ".json");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    j = load(f);
    Job prev = jobs.putIfAbsent(id, j);
    return prev != null ? prev : j;
  }

  /** Asks a live job to stop; returns false when it had already finished. */
  public boolean cancel(Job job) {
    if (job.status().isFinal()) {
      return false;
    }
    job.cancellation().cancel();
    return true;
  }

  private void save(Job job) {
    try {
      Files.createDirectories(dir);
      ObjectNode o = job.toJson();
      o.put("owner", job.owner());
      StateFiles.write(dir.resolve(job.id() + ".json"), o.toString());
    } catch (IOException e) {
      // the job goes on; get_job answers from memory, and the record is written again when the job ends
      LOG.warn("cannot save the record of job {}: {}", job.id(), e.getMessage());
    }
  }

  private static Job load(Path f) {
    try {
      JsonNode o = JSON.readTree(f.toFile());
      JobStatus s = JobStatus.valueOf(o.path("status").asText().toUpperCase(java.util.Locale.ROOT));
      String error = o.path("error").asText(null);
      String kind = o.path("kind").asText(Job.GENERATE);
      if (!s.isFinal()) {
        s = JobStatus.INTERRUPTED;
        error = "the server stopped while this job was " + o.path("status").asText()
            + (kind.equals(Job.PUBLISH) ? "; tables not yet loaded keep their earlier data. Call write_to_uc again "
                + "to resume" : "; nothing was left under a final name. Call generate_full again");
      }
      return Job.restored(o.path("job_id").asText(), kind, o.path("plan_id").asText(), o.path("version").asInt(),
          o.path("owner").asText(), instant(o, "created"), s, instant(o, "started"), instant(o, "finished"),
          o.path("progress").path("rows_done").asLong(), o.path("progress").path("rows_total").asLong(),
          o.hasNonNull("result") ? (ObjectNode) o.get("result") : null, error);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read job record " + f, e);
    }
  }

  private static Instant instant(JsonNode o, String f) {
    return o.hasNonNull(f) ? Instant.parse(o.get(f).asText()) : null;
  }

  /** Cancels every job and waits (up to {@link #CLOSE_WAIT_SECONDS}) for them to stop and record their state. */
  @Override
  public void close() {
    jobs.values().forEach(j -> j.cancellation().cancel());
    executor.shutdown();
    try {
      executor.awaitTermination(CLOSE_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How long closing waits for cancelled jobs to stop. */
  static final long CLOSE_WAIT_SECONDS = 10;
}
