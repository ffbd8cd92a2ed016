package io.synthgen.server.cli;

import io.synthgen.engine.TableRun;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synthgen snapshot}: the expected state after batches 0..K, the oracle a pipeline that applies the change
 * feeds is tested against.
 */
@Command(name = "snapshot", description = "Write the state after batches 0..K of a plan's series: every "
    + "change-feed table under its own name (live keys, last values, key order) and every history table, with "
    + "manifest.json: synthgen snapshot retail --cdc --after 4 --out DIR")
final class SnapshotCommand implements Callable<Integer> {

  @Mixin
  PlanSource source;

  @Mixin
  OutputOptions output;

  @Option(names = "--cdc", description = "Switch on the template's change-feed recipe (industry templates only).")
  boolean cdc;

  @Option(names = "--after", required = true, paramLabel = "K",
      description = "The last batch applied (0 .. batches - 1).")
  long after;

  @Override
  public Integer call() throws Exception {
    RecipeOptions recipes = new RecipeOptions();
    recipes.cdc = cdc;
    Plan plan = recipes.apply(source.load(), source);
    ResolvedPlan resolved = Resolver.resolve(plan);
    ProgressBar bar = ProgressBar.forTerminal();
    RunResult r;
    try (CancelOnExit exit = new CancelOnExit()) {
      r = Runs.snapshot(resolved, after, output.dir(plan), output.writerOptions(plan), output.engine(), bar,
          exit.cancellation());
    } finally {
      bar.finish();
    }
    System.out.printf(Locale.ROOT, "wrote the state after batch %d of %d: %,d rows in %d tables to %s in %.2f s "
        + "(%s)%n", after, resolved.series().batches(), r.rows(), r.tables().size(), r.dir(), r.seconds(),
        GenerateCommand.human(r.bytes()));
    for (TableRun t : r.tables()) {
      System.out.printf(Locale.ROOT, "  %-22s %,12d rows %10s  %s%n", t.table(), t.rows(),
          GenerateCommand.human(t.bytes()), t.files().size() == 1 ? t.files().get(0).path()
              : t.files().size() + " files");
    }
    System.out.println("manifest: " + r.manifest());
    return 0;
  }
}
