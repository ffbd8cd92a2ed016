package io.synthgen.server.cli;

import io.synthgen.run.RunVerifier;
import io.synthgen.run.Runs;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code synthgen validate DIR}: reads a run's files back and checks them against its plan and manifest. A folder
 * left mid-commit by a killed run is repaired first, as the next run would (docs/output.md).
 */
@Command(name = "validate", description = "Read a run's files back and check them against the plan.json and "
    + "manifest.json beside them: plan hash, files, bytes, checksums, row counts, null rates, weights, ranges, unique "
    + "keys, foreign keys.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by 'synthgen generate'.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    for (String repaired : Runs.recover(dir)) {
      System.err.println("synthgen: " + repaired);
    }
    if (!Files.isRegularFile(dir.resolve("manifest.json")) || !Files.isRegularFile(dir.resolve("plan.json"))) {
      throw new IllegalArgumentException(dir + " has no manifest.json and plan.json; point at a folder written by "
          + "'synthgen generate'");
    }
    ValidationReport report = RunVerifier.verify(dir);
    for (Check c : report.checks()) {
      System.out.println(c);
    }
    long failed = report.failures().size();
    System.out.println("validation: " + report.checks().size() + " checks, " + failed + " failed");
    return failed == 0 ? 0 : Errors.VALIDATION_FAILED;
  }
}
