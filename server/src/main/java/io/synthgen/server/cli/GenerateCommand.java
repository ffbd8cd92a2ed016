package io.synthgen.server.cli;

import io.synthgen.engine.TableRun;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.series.Batches;
import io.synthgen.run.Landing;
import io.synthgen.validate.Check;
import io.synthgen.engine.TableSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synthgen generate}: the full run, or one batch of a plan's series (as a run folder or a landing zone). */
@Command(name = "generate", description = "Generate every table of a template or plan file to local files, validate "
    + "them and write manifest.json: synthgen generate retail --rows 10000; one batch of a series: synthgen "
    + "generate retail --cdc --batch 2 --out DIR")
final class GenerateCommand implements Callable<Integer> {

  @Mixin
  PlanSource source;

  @Mixin
  OutputOptions output;

  @Mixin
  RecipeOptions recipes;

  @Mixin
  LandingOptions landing;

  @Option(names = "--batch", paramLabel = "K", description = "Batch K of the plan's series (0 .. batches - 1; "
      + "default 0 for a plan with a series).")
  Long batch;

  @Override
  public Integer call() throws Exception {
    landing.requireLayoutFor(" to write the batch as a landing zone; a run folder splits files with --rows-per-file");
    Plan plan = recipes.apply(source.load(), source);
    ResolvedPlan resolved = Resolver.resolve(plan);
    Path dir = output.dir(plan);
    if (landing.layout != null) {
      return land(plan, resolved, dir);
    }
    ProgressBar bar = ProgressBar.forTerminal();
    RunResult r;
    try (CancelOnExit exit = new CancelOnExit()) {
      r = Runs.generate(resolved, batch, dir, output.writerOptions(plan), output.engine(), bar,
          exit.cancellation());
    } finally {
      bar.finish();
    }
    Long k = resolved.series() == null ? null : batch == null ? Long.valueOf(0) : batch;
    System.out.printf(Locale.ROOT, "wrote %,d rows in %d tables to %s in %.2f s (%,.0f rows/s, %s)%s%n",
        r.rows(), r.tables().size(), r.dir(), r.seconds(), r.rows() / Math.max(r.seconds(), 1e-9),
        human(r.bytes()), k == null ? "" : String.format(Locale.ROOT, ", batch %d of %d", k,
            resolved.series().batches()));
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

  private int land(Plan plan, ResolvedPlan resolved, Path dir) throws Exception {
    if (resolved.series() == null) {
      throw new IllegalArgumentException("a landing zone holds the batches of a series, and plan " + plan.name() + " has none; "
          + "add a \"series\" block to the plan (or --cdc on an industry template), or leave out --layout");
    }
    long k = batch == null ? 0 : batch;
    ProgressBar bar = ProgressBar.forTerminal();
    Landing.Result r;
    try (CancelOnExit exit = new CancelOnExit()) {
      List<TableSource> sources = Batches.batch(resolved, k);
      r = Landing.write(resolved, sources, k, dir, landing.layout,
          landing.writerOptions(output.writerOptions(plan)), landing.overwrite, output.engine(), bar,
          exit.cancellation(), Landing.validator(resolved, sources, k));
    } catch (Landing.BatchExists e) {
      throw new IllegalArgumentException(e.getMessage() + "; land the next batch (--batch "
          + Landing.nextBatch(dir) + "), or add --overwrite to replace exactly these folders", e);
    } finally {
      bar.finish();
    }
    printLanding(r, resolved);
    return printValidation(r.validation(), r.manifest());
  }

  /** The validation summary and failed checks on stdout; the exit code (3 when a check failed). */
  static int printValidation(io.synthgen.validate.ValidationReport report, Path manifest) {
    long failed = report.failures().size();
    System.out.printf(Locale.ROOT, "validation: %d checks, %d failed (details in %s)%n", report.checks().size(),
        failed, manifest);
    for (Check c : report.failures()) {
      System.out.println("  " + c);
    }
    return failed == 0 ? 0 : Errors.VALIDATION_FAILED;
  }

  /** The landed batch on stdout: totals, then per table its folder and files. */
  static void printLanding(Landing.Result r, ResolvedPlan resolved) {
    System.out.printf(Locale.ROOT, "landed batch %d of %d: %,d rows in %d tables into %s in %.2f s (%s)%s%n",
        r.batch(), resolved.series().batches(), r.rows(), r.tables().size(), r.root(), r.seconds(), human(r.bytes()),
        r.replaced() ? ", replacing that batch's folders" : "");
    for (Landing.Landed t : r.tables()) {
      System.out.printf(Locale.ROOT, "  %-22s %,12d rows %10s  %s/ (%d %s)%n", t.table(), t.rows(), human(t.bytes()),
          t.folder(), t.files().size(), t.files().size() == 1 ? "file" : "files");
    }
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
