package io.synthgen.server.cli;

import io.synthgen.engine.TableRun;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.validate.Check;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code synthgen generate}: the full run. */
@Command(name = "generate", description = "Generate every table of a template or plan file to local files, validate "
    + "them and write manifest.json: synthgen generate retail --rows 10000")
final class GenerateCommand implements Callable<Integer> {

  @Mixin
  PlanSource source;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws Exception {
    Plan plan = source.load();
    ResolvedPlan resolved = Resolver.resolve(plan);
    ProgressBar bar = ProgressBar.forTerminal();
    RunResult r;
    try (CancelOnExit exit = new CancelOnExit()) {
      r = Runs.generate(resolved, output.dir(plan), output.writerOptions(plan), output.engine(), bar,
          exit.cancellation());
    } finally {
      bar.finish();
    }
    System.out.printf(Locale.ROOT, "wrote %,d rows in %d tables to %s in %.2f s (%,.0f rows/s, %s)%n",
        r.rows(), r.tables().size(), r.dir(), r.seconds(), r.rows() / Math.max(r.seconds(), 1e-9),
        human(r.bytes()));
    for (TableRun t : r.tables()) {
      System.out.printf(Locale.ROOT, "  %-22s %,12d rows %10s  %s%n", t.table(), t.rows(), human(t.bytes()),
          t.files().size() == 1 ? t.files().get(0).path() : t.files().size() + " files");
    }
    long failed = r.validation().failures().size();
    System.out.printf(Locale.ROOT, "validation: %d checks, %d failed (details in %s)%n",
        r.validation().checks().size(), failed, r.manifest());
    for (Check c : r.validation().failures()) {
      System.out.println("  " + c);
    }
    return failed == 0 ? 0 : Errors.VALIDATION_FAILED;
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    String[] units = {"KB", "MB", "GB", "TB"};
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
