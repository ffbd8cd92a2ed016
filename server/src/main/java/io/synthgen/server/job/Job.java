package io.synthgen.server.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A background run of one plan version. Progress fields are written by the run's threads and read by anyone;
 * {@link #done()} completes when the job reaches a final status (after a cancelled run has removed its files).
 */
public final class Job {

  /** Kinds of job, named after the tool that starts them. */
  public static final String GENERATE = "generate_full";
  public static final String PUBLISH = "write_to_uc";

  private final String id;
  private final String kind;
  private final String planId;
  private final int version;
  private final String owner;
  private final Instant created;
  private final Cancellation cancellation = new Cancellation();
  private final CompletableFuture<Job> done = new CompletableFuture<>();
  private final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();

  private volatile JobStatus status = JobStatus.QUEUED;
  private volatile String table;
  private volatile long rowsDone;
  private volatile long rowsTotal;
  private volatile Instant started;
  private volatile Instant finished;
  private volatile ObjectNode result;
  private volatile String error;

  Job(String id, String kind, String planId, int version, String owner, Instant created) {
    this.id = id;
    this.kind = kind;
    this.planId = planId;
    this.version = version;
    this.owner = owner;
    this.created = created;
  }

  /** A finished job read back from its record. */
  static Job restored(String id, String kind, String planId, int version, String owner, Instant created,
      JobStatus status, Instant started, Instant finished, long rowsDone, long rowsTotal, ObjectNode result,
      String error) {
    Job j = new Job(id, kind, planId, version, owner, created);
    j.status = status;
    j.started = started;
    j.finished = finished;
    j.rowsDone = rowsDone;
    j.rowsTotal = rowsTotal;
    j.result = result;
    j.error = error;
    j.done.complete(j);
    return j;
  }

  public String id() {
    return id;
  }

  /** {@link #GENERATE} or {@link #PUBLISH}. */
  public String kind() {
    return kind;
  }

  /** What the job is doing now (a table, or a publishing step); null when it has not said. */
  public String step() {
    return table;
  }

  public String planId() {
    return planId;
  }

  public int version() {
    return version;
  }

  public String owner() {
    return owner;
  }

  public JobStatus status() {
    return status;
  }

  public CompletableFuture<Job> done() {
    return done;
  }

  Cancellation cancellation() {
    return cancellation;
  }

  /** Called on every progress update (from the run's threads: keep it quick) and once at the end. */
  public void addListener(Consumer<Job> l) {
    listeners.add(l);
  }

  public void removeListener(Consumer<Job> l) {
    listeners.remove(l);
  }

  void started(Instant at) {
    started = at;
    status = JobStatus.RUNNING;
    fire();
  }

  void progress(String t, long done, long total) {
    table = t;
    rowsDone = done;
    rowsTotal = total;
    fire();
  }

  void finish(JobStatus s, Instant at, ObjectNode r, String err) {
    status = s;
    finished = at;
    result = r;
    error = err;
    fire();
    done.complete(this);
  }

  private void fire() {
    for (Consumer<Job> l : listeners) {
      l.accept(this);
    }
  }

  public long rowsDone() {
    return rowsDone;
  }

  public long rowsTotal() {
    return rowsTotal;
  }

  /** The job as JSON: id, plan, status, progress, times, and the result or error when there is one. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("job_id", id);
    o.put("kind", kind);
    o.put("plan_id", planId);
    o.put("version", version);
    o.put("status", status.jsonName());
    ObjectNode p = o.putObject("progress");
    long total = rowsTotal;
    long d = status == JobStatus.SUCCEEDED ? total : rowsDone;
    p.put("rows_done", d);
    p.put("rows_total", total);
    p.put("fraction", total == 0 ? (status == JobStatus.SUCCEEDED ? 1.0 : 0.0)
        : Math.round(1000.0 * d / total) / 1000.0);
    if (table != null && !status.isFinal()) {
      p.put("table", table);
    }
    o.put("created", created.toString());
    if (started != null) {
      o.put("started", started.toString());
    }
    if (finished != null) {
      o.put("finished", finished.toString());
      if (started != null) {
        o.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
      }
    }
    if (result != null) {
      o.set("result", result);
    }
    if (error != null) {
      o.put("error", error);
    }
    return o;
  }

  Instant created() {
    return created;
  }
}
