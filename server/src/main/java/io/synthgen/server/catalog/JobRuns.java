package io.synthgen.server.catalog;

import io.synthgen.engine.Cancellation;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Runs an exported notebook as a one-time serverless job: imports it into the workspace, submits a run with one
 * notebook task, and follows the run until it ends, reporting its state as progress. Cancelling cancels the run.
 * The notebook checks each table's row count itself (a table whose count differs fails its cell, and so the run),
 * so a run that succeeds has made every table with the plan's rows. A failed run's message is the failing cell's
 * error. When the run cannot be submitted, a notebook this call imported is removed again.
 */
public final class JobRuns {

  /**
   * Bytes a notebook may have: the Workspace API imports at most 10 MB of content. A plan whose SELECTs are longer
   * (large dictionaries written as array literals, many tables) is refused before anything is imported.
   */
  public static final int MAX_NOTEBOOK_BYTES = 10 * 1024 * 1024;

  /** The longest pause between two polls of a run's state. */
  static final long MAX_POLL_MS = 5_000;

  /**
   * A run's state as the Jobs API reports it.
   *
   * @param lifeCycle PENDING, QUEUED, RUNNING, TERMINATING, TERMINATED, SKIPPED, INTERNAL_ERROR, ...
   * @param result when it ended: SUCCESS, FAILED, CANCELED, TIMEDOUT, ...; null before
   * @param message the state message, with the task's error for a failed run; may be empty
   */
  public record State(String lifeCycle, String result, String message, String pageUrl) {

    /** Whether the run has ended. */
    public boolean ended() {
      return "TERMINATED".equals(lifeCycle) || "SKIPPED".equals(lifeCycle) || "INTERNAL_ERROR".equals(lifeCycle);
    }

    public boolean succeeded() {
      return ended() && "SUCCESS".equals(result);
    }
  }

  /** A table the notebook makes and checks: its display name and rows. */
  public record Table(String name, long rows) {
  }

  /**
   * @param notebookPath where the notebook goes ({@code /Workspace/Users/<me>/synthgen/<plan>} by default)
   * @param runName the run's name in the workspace's job runs list
   * @param notebook the notebook's source
   */
  public record Request(String notebookPath, String runName, String notebook, List<Table> tables) {
    public Request {
      tables = List.copyOf(tables);
    }
  }

  /** A finished run. */
  public record Result(long runId, String notebookPath, String pageUrl, List<Table> tables, double seconds) {
  }

  /** What a run reports while it goes: a step and the fraction done. */
  @FunctionalInterface
  public interface Progress {
    void update(String step, double fraction);
  }

  private final Workspace ws;
  private final long firstPollMs;

  public JobRuns(Workspace ws) {
    this(ws, 250);
  }

  JobRuns(Workspace ws, long firstPollMs) {
    this.ws = ws;
    this.firstPollMs = firstPollMs;
  }

  /** {@code /Workspace/Users/<user>/synthgen/<plan>}: the notebook's path unless one is given. */
  public static String defaultPath(String user, String planName) {
    return "/Workspace/Users/" + user + "/synthgen/" + planName;
  }

  /**
   * Checks a notebook path: absolute, and not taken by anything but a notebook.
   *
   * @return whether a notebook is already there (it is replaced)
   * @throws CatalogException INVALID for a relative path, CONFLICT when a folder or file is there
   */
  public boolean check(String path) {
    if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
      throw new CatalogException(CatalogException.Kind.INVALID, "the notebook path '" + path + "' is not an "
          + "absolute workspace path", "give a path such as " + defaultPath("someone@example.com", "retail"));
    }
    String type = ws.workspaceObject(path).orElse(null);
    if (type != null && !"NOTEBOOK".equals(type)) {
      throw new CatalogException(CatalogException.Kind.CONFLICT, "the workspace has a " + type.toLowerCase(
          Locale.ROOT) + " at " + path + ", not a notebook", "give another notebook path; synthgen replaces only a "
          + "notebook it can overwrite");
    }
    return type != null;
  }

  /**
   * Refuses a notebook over {@link #MAX_NOTEBOOK_BYTES}.
   *
   * @throws CatalogException INVALID, saying the size and how to stay under it
   */
  public static void checkSize(String notebook) {
    int bytes = notebook.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_NOTEBOOK_BYTES) {
      throw new CatalogException(CatalogException.Kind.INVALID, String.format(Locale.ROOT, "the notebook has %,d "
          + "bytes; the Workspace API imports at most %,d", bytes, MAX_NOTEBOOK_BYTES), "export the plan as a SQL "
          + "file (synthgen export --format sql) and run it as a job's SQL file task, or use engine warehouse; "
          + "smaller dictionaries shorten the statements");
    }
  }

  /**
   * Imports the notebook, submits the run and follows it to its end.
   *
   * @throws CatalogException STATEMENT_FAILED when the run fails (with the cell's error), or the workspace's
   *     failure
   * @throws CancellationException when cancelled; the run is cancelled first
   */
  public Result run(Request req, Progress progress, Cancellation cancel) {
    long start = System.nanoTime();
    if (cancel.isCancelled()) {
      throw new CancellationException("cancelled before the notebook was imported; nothing was changed");
    }
    checkSize(req.notebook());
    progress.update("importing the notebook to " + req.notebookPath(), 0.0);
    boolean existed = check(req.notebookPath());
    String folder = req.notebookPath().substring(0, req.notebookPath().lastIndexOf('/'));
    if (!folder.isEmpty()) {
      ws.mkdirs(folder);
    }
    ws.importNotebook(req.notebookPath(), req.notebook(), true);
    long runId;
    try {
      runId = ws.submitNotebookRun(req.runName(), req.notebookPath());
    } catch (CatalogException e) {
      if (!existed) {
        removeQuietly(req.notebookPath(), e);
      }
      throw new CatalogException(e.kind(), "submitting the job run failed: " + e.getMessage() + "; no table was "
          + "changed", e.fix() + " (serverless jobs must be enabled for the workspace)", e);
    }
    State s = follow(runId, progress, cancel);
    if (!s.succeeded()) {
      throw new CatalogException(CatalogException.Kind.STATEMENT_FAILED, "the job run " + runId + " ended "
          + (s.result() == null ? s.lifeCycle() : s.result()) + (s.message() == null || s.message().isBlank() ? ""
              : ": " + s.message()) + "; tables of the cells before the failing one were replaced, the others "
          + "were not touched", "open the run (" + (s.pageUrl() == null ? "Workflows > Job runs" : s.pageUrl())
          + ") to see the failing cell, fix the cause, then run it again");
    }
    progress.update("done", 1.0);
    return new Result(runId, req.notebookPath(), s.pageUrl(), req.tables(), (System.nanoTime() - start) / 1e9);
  }

  private State follow(long runId, Progress progress, Cancellation cancel) {
    long pause = firstPollMs;
    while (true) {
      State s = ws.jobRun(runId);
      if (s.ended()) {
        return s;
      }
      if (cancel.isCancelled()) {
        ws.cancelJobRun(runId);
        State after = awaitEnd(runId);
        throw new CancellationException("cancelled: job run " + runId + " was cancelled (" + (after == null
            ? "still ending" : after.lifeCycle().toLowerCase(Locale.ROOT)) + "); tables of the cells it finished "
            + "were replaced, the others were not touched");
      }
      progress.update(step(s), fraction(s));
      try {
        sleep(pause);
      } catch (CancellationException e) {
        ws.cancelJobRun(runId);
        throw e;
      }
      pause = Math.min(pause * 2, MAX_POLL_MS);
    }
  }

  /** Waits up to a minute for a cancelled run to end; null if it has not. */
  private State awaitEnd(long runId) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    long pause = firstPollMs;
    while (System.nanoTime() < deadline) {
      State s = ws.jobRun(runId);
      if (s.ended()) {
        return s;
      }
      sleep(pause);
      pause = Math.min(pause * 2, MAX_POLL_MS);
    }
    return null;
  }

  private static String step(State s) {
    switch (s.lifeCycle()) {
      case "PENDING": case "QUEUED": case "BLOCKED": case "WAITING_FOR_RETRY":
        return "job run " + s.lifeCycle().toLowerCase(Locale.ROOT) + ": waiting for serverless compute";
      case "RUNNING":
        return "job run running the notebook";
      default:
        return "job run " + s.lifeCycle().toLowerCase(Locale.ROOT);
    }
  }

  /** The share of the work a state stands for: the run reports no finer progress than its state. */
  private static double fraction(State s) {
    switch (s.lifeCycle()) {
      case "RUNNING":
        return 0.5;
      case "TERMINATING":
        return 0.95;
      default:
        return 0.1;
    }
  }

  private void removeQuietly(String path, CatalogException cause) {
    try {
      ws.deleteWorkspaceObject(path);
    } catch (CatalogException e) {
      cause.addSuppressed(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while following a job run");
    }
  }
}
