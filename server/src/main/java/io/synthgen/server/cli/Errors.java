package io.synthgen.server.cli;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.run.OutputFolderException;
import io.synthgen.run.Landing;
import io.synthgen.server.catalog.CatalogException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;

/**
 * Turns failures into one clear message on stderr and an exit code, never a stack trace (set SYNTHGEN_DEBUG=1 to
 * see one).
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

  static final int FAILURE = 1;
  static final int BAD_INPUT = 2;
  static final int VALIDATION_FAILED = 3;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    if (System.getenv("SYNTHGEN_DEBUG") != null) {
      ex.printStackTrace(System.err);
    }
    var err = cl.getErr();
    if (ex instanceof PlanException p && p.violations().size() == 1) {
      err.println("error: " + p.violations().get(0));
      return BAD_INPUT;
    }
    if (ex instanceof PlanException p) {
      err.println("error: the plan has " + p.violations().size()
          + (p.violations().size() == 1 ? " problem:" : " problems:"));
      for (Violation v : p.violations()) {
        err.println("  " + v);
      }
      return BAD_INPUT;
    }
    if (ex instanceof CatalogException c) {
      err.println("error: " + c.getMessage());
      err.println("fix: " + c.fix());
      switch (c.kind()) {
        case CONFIGURATION: case NOT_FOUND: case CONFLICT: case INVALID:
          return BAD_INPUT;
        case AUTHENTICATION: case PERMISSION: case UNAVAILABLE: case STATEMENT_FAILED: case CANCELLED:
          return FAILURE;
      }
      return FAILURE;
    }
    if (ex instanceof IllegalArgumentException) {
      err.println("error: " + ex.getMessage());
      return BAD_INPUT;
    }
    if (ex instanceof CancellationException) {
      err.println("cancelled: " + ex.getMessage() + "; nothing was left under a final file name");
      return FAILURE;
    }
    Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (io instanceof OutputFolderException of) {
      err.println("error: " + of.getMessage());
      switch (of.kind()) {
        case NOT_REPLACEABLE:
          return BAD_INPUT;
        case BUSY:
          return FAILURE;
      }
      return FAILURE;
    }
    if (io instanceof Landing.NotALanding || io instanceof Landing.BatchExists) {
      err.println("error: " + io.getMessage());
      return BAD_INPUT;
    }
    if (io instanceof NoSuchFileException nf) {
      err.println("error: no such file or folder: " + nf.getFile());
      return BAD_INPUT;
    }
    if (io instanceof IOException) {
      err.println("error: " + io.getMessage() + " (check the path, free space and permissions, then run again)");
      return FAILURE;
    }
    err.println("error: " + ex + " (this is a bug in synthgen; rerun with SYNTHGEN_DEBUG=1 and report the trace)");
    return FAILURE;
  }
}
