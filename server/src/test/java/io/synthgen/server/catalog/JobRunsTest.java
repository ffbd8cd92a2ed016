package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notebook run as a job against a fake workspace: import, submit, follow, cancel, and the failures. */
class JobRunsTest {

  private static final String PATH = "/Workspace/Users/someone@example.com/synthgen/retail";

  @TempDir
  Path dir;

  private static JobRuns.State state(String life, String result, String message) {
    return new JobRuns.State(life, result, message, "https://ws/#job/runs/1");
  }

  private static JobRuns.Request request() {
    return new JobRuns.Request(PATH, "synthgen retail", "# Databricks notebook source\n",
        List.of(new JobRuns.Table("demo.retail.customers", 100)));
  }

  @Test
  void importsSubmitsAndReportsTheRunStatesUntilItSucceeds() {
    FakeWorkspace ws = new FakeWorkspace(dir, "demo").nextRun(state("PENDING", null, ""),
        state("RUNNING", null, ""), state("RUNNING", null, ""), state("TERMINATED", "SUCCESS", ""));
    List<String> steps = new ArrayList<>();
    List<Double> fractions = new ArrayList<>();
    JobRuns.Result r = new JobRuns(ws, 1).run(request(), (step, f) -> {
      steps.add(step);
      fractions.add(f);
    }, new Cancellation());
    assertEquals(1, r.runId());
    assertEquals("# Databricks notebook source\n", ws.notebooks().get(PATH));
    assertEquals(List.of("importing the notebook to " + PATH, "job run pending: waiting for serverless compute",
        "job run running the notebook", "job run running the notebook", "done"), steps);
    assertEquals(List.of(0.0, 0.1, 0.5, 0.5, 1.0), fractions);
    assertTrue(ws.calls().contains("mkdirs /Workspace/Users/someone@example.com/synthgen"), ws.calls().toString());
  }

  @Test
  void aFailedRunIsAStatementFailureWithTheCellsErrorAndTheRunPage() {
    FakeWorkspace ws = new FakeWorkspace(dir, "demo").nextRun(state("RUNNING", null, ""),
        state("TERMINATED", "FAILED", "cell 3: [USER_RAISED_EXCEPTION] demo.retail.customers has 99 rows"));
    CatalogException e = assertThrows(CatalogException.class,
        () -> new JobRuns(ws, 1).run(request(), (s, f) -> { }, new Cancellation()));
    assertEquals(CatalogException.Kind.STATEMENT_FAILED, e.kind());
    assertTrue(e.getMessage().contains("ended FAILED: cell 3: [USER_RAISED_EXCEPTION] demo.retail.customers has 99 "
        + "rows"), e.getMessage());
    assertTrue(e.fix().contains("https://ws/#job/runs/1"), e.fix());
  }

  @Test
  void cancellingCancelsTheRun() {
    FakeWorkspace ws = new FakeWorkspace(dir, "demo").nextRun(state("PENDING", null, ""),
        state("RUNNING", null, ""));
    Cancellation cancel = new Cancellation();
    CancellationException e = assertThrows(CancellationException.class,
        () -> new JobRuns(ws, 1).run(request(), (step, f) -> {
          if (step.contains("running")) {
            cancel.cancel();
          }
        }, cancel));
    assertEquals(List.of(1L), ws.cancelledRuns());
    assertTrue(e.getMessage().contains("job run 1 was cancelled (terminated)"), e.getMessage());
  }

  @Test
  void aRefusedSubmitRemovesTheNotebookItImported() {
    FakeWorkspace ws = new FakeWorkspace(dir, "demo");
    ws.refuse("submitNotebookRun", CatalogException.Kind.PERMISSION);
    CatalogException e = assertThrows(CatalogException.class,
        () -> new JobRuns(ws, 1).run(request(), (s, f) -> { }, new Cancellation()));
    assertEquals(CatalogException.Kind.PERMISSION, e.kind());
    assertTrue(e.getMessage().startsWith("submitting the job run failed") && e.getMessage().endsWith("no table was "
        + "changed"), e.getMessage());
    assertFalse(ws.notebooks().containsKey(PATH), "the imported notebook is removed");
  }

  @Test
  void aPathMustBeAbsoluteAndNotAFolder() {
    FakeWorkspace ws = new FakeWorkspace(dir, "demo");
    JobRuns runs = new JobRuns(ws, 1);
    assertEquals(CatalogException.Kind.INVALID, assertThrows(CatalogException.class,
        () -> runs.check("Users/x/nb")).kind());
    ws.importNotebook(PATH + "/inner", "x", false);
    CatalogException folder = assertThrows(CatalogException.class, () -> runs.check(PATH));
    assertEquals(CatalogException.Kind.CONFLICT, folder.kind());
    assertTrue(folder.getMessage().contains("has a directory at " + PATH), folder.getMessage());
    assertTrue(runs.check(PATH + "/inner"), "an existing notebook is replaced");
    assertEquals(PATH, JobRuns.defaultPath("someone@example.com", "retail"));
  }

  @Test
  void aNotebookOverTheImportLimitIsRefusedBeforeAnythingIsImported() {
    FakeWorkspace ws = new FakeWorkspace(dir, "demo");
    String big = "# Databricks notebook source\n" + "x".repeat(JobRuns.MAX_NOTEBOOK_BYTES);
    CatalogException e = assertThrows(CatalogException.class, () -> new JobRuns(ws, 1).run(new JobRuns.Request(PATH,
        "big", big, List.of()), (s, f) -> { }, new Cancellation()));
    assertEquals(CatalogException.Kind.INVALID, e.kind());
    assertTrue(e.getMessage().contains("the Workspace API imports at most 10,485,760"), e.getMessage());
    assertEquals(List.of(), ws.calls(), "nothing was asked of the workspace");
  }
}
