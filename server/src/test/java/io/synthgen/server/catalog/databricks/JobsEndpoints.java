package io.synthgen.server.catalog.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * One-time job runs of a notebook ({@code /api/2.2/jobs/runs/submit}, {@code get}, {@code cancel}, {@code
 * get-output}). A run is PENDING for a moment (serverless compute starting), RUNNING while a background thread runs
 * its notebook's cells ({@link NotebookCells}) statement by statement on the shared Spark session, then TERMINATED
 * with SUCCESS, FAILED (the failing cell's error, as the task's output error) or CANCELED. {@code CREATE SCHEMA IF
 * NOT EXISTS} makes the stand-in's schema; other statements run as the Statement Execution API runs them (three-part
 * names rewritten, {@link StandInFaults} failures and delays applied).
 */
final class JobsEndpoints {

  static final String PREFIX = "/api/2.2/jobs/runs";

  private static final Pattern CREATE_SCHEMA = Pattern.compile(
      "CREATE SCHEMA IF NOT EXISTS `((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`.*", Pattern.DOTALL);
  private static final Duration PENDING = Duration.ofMillis(300);

  /** A run and its task (the task's run id is the run's plus one, as run ids and task run ids differ). */
  private static final class JobRun {
    final long id;
    final String name;
    final String notebookPath;
    final List<String> history = new ArrayList<>();
    String lifeCycle = "PENDING";
    String result;
    String message = "Waiting for serverless compute";
    String error;
    volatile boolean cancelled;
    Future<?> task;

    JobRun(long id, String name, String notebookPath) {
      this.id = id;
      this.name = name;
      this.notebookPath = notebookPath;
      history.add(lifeCycle);
    }

    synchronized void to(String state, String resultState, String text) {
      if (!"TERMINATED".equals(lifeCycle)) {
        lifeCycle = state;
        result = resultState;
        message = text;
        history.add(state);
      }
    }
  }

  private final String url;
  private final WorkspaceEndpoints workspace;
  private final UnityCatalog catalog;
  private final StandInFaults faults;
  private final Map<Long, JobRun> runs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(7000);
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "stand-in-job-run");
    t.setDaemon(true);
    return t;
  });

  JobsEndpoints(String url, WorkspaceEndpoints workspace, UnityCatalog catalog, StandInFaults faults) {
    this.url = url;
    this.workspace = workspace;
    this.catalog = catalog;
    this.faults = faults;
  }

  /** The life-cycle states a run has been in, oldest first. */
  List<String> history(long runId) {
    JobRun r = runs.get(runId);
    if (r == null) {
      return List.of();
    }
    synchronized (r) {
      return List.copyOf(r.history);
    }
  }

  void handle(StandInExchange ex) throws IOException {
    String op = ex.path().substring(PREFIX.length());
    switch (ex.method() + " " + op) {
      case "POST /submit" -> submit(ex, ex.json());
      case "GET /get" -> ex.sendJson(200, json(run(ex.query("run_id"))));
      case "POST /cancel" -> {
        cancel(run(ex.json().path("run_id").asText()));
        ex.sendJson(200, StandInExchange.JSON.createObjectNode());
      }
      case "GET /get-output" -> output(ex, ex.query("run_id"));
      default -> throw StandInRouter.noEndpoint(ex);
    }
  }

  private void submit(StandInExchange ex, JsonNode req) throws IOException {
    JsonNode tasks = req.path("tasks");
    if (tasks.size() != 1 || !tasks.get(0).has("notebook_task")) {
      throw ApiError.invalid("The stand-in runs one-time runs of exactly one notebook task");
    }
    JsonNode task = tasks.get(0);
    if (task.has("new_cluster") || task.has("existing_cluster_id") || task.has("job_cluster_key")) {
      throw ApiError.invalid("The stand-in runs notebook tasks on serverless compute only");
    }
    String path = RequestFields.required(task.path("notebook_task"), "notebook_path");
    String source = workspace.notebook(path).orElseThrow(() -> ApiError.invalid("Notebook " + path
        + " does not exist."));
    JobRun run = new JobRun(ids.addAndGet(2), req.path("run_name").asText("Untitled"), path);
    runs.put(run.id, run);
    synchronized (run) {
      run.task = executor.submit(() -> execute(run, source));
    }
    ex.sendJson(200, StandInExchange.JSON.createObjectNode().put("run_id", run.id));
  }

  private void execute(JobRun run, String source) {
    SparkSession spark = SharedSpark.get();
    String group = "jobrun-" + run.id;
    int cellNo = 0;
    try {
      Thread.sleep(PENDING.toMillis());
      run.to("RUNNING", null, "");
      SparkSession session = spark.newSession();
      SparkSession.setActiveSession(session);
      spark.sparkContext().setJobGroup(group, run.name, true);
      for (List<String> cell : NotebookCells.parse(source)) {
        cellNo++;
        for (String sql : cell) {
          if (run.cancelled) {
            return;
          }
          statement(session, sql);
        }
      }
      run.to("TERMINATED", "SUCCESS", "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Scala code throws checked exceptions javac cannot see, so catch them all here
      if (!run.cancelled) {
        synchronized (run) {
          run.error = "cell " + cellNo + ": " + catalog.toWorkspaceText(String.valueOf(e.getMessage()));
        }
        run.to("TERMINATED", "FAILED", "Workload failed, see run output for details");
      }
    } finally {
      spark.sparkContext().clearJobGroup();
      SparkSession.clearActiveSession();
      if (run.cancelled) {
        run.to("TERMINATED", "CANCELED", "Run cancelled.");
      }
    }
  }

  private void statement(SparkSession session, String sql) throws InterruptedException {
    Duration delay = faults.statementDelay(sql);
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    var injected = faults.statementFailure(sql);
    if (injected.isPresent()) {
      throw new IllegalStateException("[" + injected.get().errorCode() + "] " + injected.get().message());
    }
    Matcher m = CREATE_SCHEMA.matcher(sql);
    if (m.matches()) {
      try {
        catalog.createSchema(m.group(1).replace("``", "`"), m.group(2).replace("``", "`"), "created by a job run");
      } catch (ApiError e) {
        if (e.status != 409) {
          throw e;
        }
      }
      return;
    }
    session.sql(StandInSql.translate(sql, catalog)).collect();
  }

  private void cancel(JobRun run) {
    synchronized (run) {
      if ("TERMINATED".equals(run.lifeCycle)) {
        return;
      }
      run.cancelled = true;
      run.lifeCycle = "TERMINATING";
      run.history.add("TERMINATING");
      if (SharedSpark.started()) {
        SharedSpark.get().sparkContext().cancelJobGroup("jobrun-" + run.id);
      }
      run.task.cancel(true);
    }
  }

  private JobRun run(String id) {
    JobRun r = null;
    try {
      r = id == null ? null : runs.get(Long.parseLong(id));
    } catch (NumberFormatException e) {
      throw ApiError.invalid("run_id must be a number, not " + id);
    }
    if (r == null) {
      throw ApiError.notFound("RESOURCE_DOES_NOT_EXIST", "Run " + id + " does not exist.");
    }
    return r;
  }

  private ObjectNode json(JobRun r) {
    synchronized (r) {
      ObjectNode o = StandInExchange.JSON.createObjectNode().put("run_id", r.id).put("run_name", r.name)
          .put("run_page_url", url + "/#job/runs/" + r.id).put("run_type", "SUBMIT_RUN");
      state(o.putObject("state"), r);
      ObjectNode t = o.putArray("tasks").addObject().put("run_id", r.id + 1).put("task_key", "synthgen");
      t.putObject("notebook_task").put("notebook_path", r.notebookPath);
      state(t.putObject("state"), r);
      return o;
    }
  }

  private static void state(ObjectNode s, JobRun r) {
    s.put("life_cycle_state", r.lifeCycle).put("state_message", r.message);
    if (r.result != null) {
      s.put("result_state", r.result);
    }
  }

  private void output(StandInExchange ex, String taskRunId) throws IOException {
    long id;
    try {
      id = Long.parseLong(taskRunId);
    } catch (NumberFormatException e) {
      throw ApiError.invalid("run_id must be a number, not " + taskRunId);
    }
    JobRun r = runs.get(id - 1);
    if (r == null) {
      throw ApiError.notFound("RESOURCE_DOES_NOT_EXIST", "Run " + taskRunId + " does not exist.");
    }
    ObjectNode o = StandInExchange.JSON.createObjectNode();
    synchronized (r) {
      if (r.error != null) {
        o.put("error", r.error);
      }
      o.set("metadata", json(r));
    }
    ex.sendJson(200, o);
  }

  void close() {
    executor.shutdownNow();
  }
}
