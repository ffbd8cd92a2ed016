package io.synthgen.server.cli;

import io.synthgen.compare.CompareException;
import io.synthgen.compare.ComparisonReport;
import io.synthgen.compare.SourceComparison;
import io.synthgen.engine.Cancellation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code synthgen compare --source PATH DIR}: how a run's synthetic tables compare with the data they were planned
 * from, and whether any synthetic row equals a source row (exit code 3 when one does).
 */
@Command(name = "compare", description = "Compare a run's tables with the source they were planned from: per column "
    + "a distance (KS or total variation), null-rate and distinct-ratio differences, correlation differences, and a "
    + "check that no synthetic row equals a source row (exit code 3 when one does).")
final class CompareCommand implements Callable<Integer> {

  @Option(names = "--source", required = true, paramLabel = "PATH",
      description = "The source: a Parquet, CSV or JSONL file, or a folder of them (one table per file or per "
          + "folder of part files, named by the file).")
  Path source;

  @Option(names = "--json", description = "Print the report as JSON instead of text.")
  boolean json;

  @Option(names = "--min-count", paramLabel = "K", defaultValue = "10",
      description = "A synthetic row equal to a combination at least K source rows share is common, not a "
          + "reproduced record (default 10, as the plan's privacy rule; up to 1000000).")
  int minCount;

  @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by 'synthgen generate'.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    ComparisonReport report;
    try {
      // read-only: an interrupted comparison leaves nothing to clean up, so it needs no cancel-on-exit hook
      report = SourceComparison.compare(source, dir, minCount, new Cancellation());
    } catch (CompareException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (json) {
      System.out.println(report.toJson(-1).toPrettyString());
    } else {
      System.out.print(report.text());
    }
    return report.rowChecksPassed() ? 0 : Errors.VALIDATION_FAILED;
  }
}
