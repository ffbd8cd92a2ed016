package io.synthgen.server.cli;

import io.synthgen.engine.Engine;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.Preparation;
import io.synthgen.server.catalog.PublishProgress;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.PublishResult;
import io.synthgen.server.catalog.PublishRuns;
import io.synthgen.server.catalog.PublishSource;
import io.synthgen.server.catalog.Publisher;
import io.synthgen.server.catalog.TableAction;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.catalog.databricks.DatabricksWorkspace;
import io.synthgen.server.view.PublishViews;
import java.io.Console;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synthgen publish}: a template or plan file to Unity Catalog Delta tables (or volume files). */
@Command(name = "publish", description = "Generate (or reuse) a full run and publish it to Databricks Unity Catalog "
    + "as Delta tables, or as files in a volume: synthgen publish retail --catalog demo --schema retail")
final class PublishCommand implements Callable<Integer> {

  @Mixin
  PlanSource source;

  @Option(names = "--catalog", required = true, paramLabel = "C", description = "An existing catalog.")
  String catalog;

  @Option(names = "--schema", required = true, paramLabel = "S", description = "Schema (created if missing).")
  String schema;

  @Option(names = "--warehouse", paramLabel = "ID",
      description = "SQL warehouse id (default: a running serverless one, else another).")
  String warehouse;

  @Option(names = "--volume", paramLabel = "V", description = "Target files: the volume the files land in. Target "
      + "tables: the staging volume (default " + PublishRequest.DEFAULT_STAGING_VOLUME + ").")
  String volume;

  @Option(names = "--target", paramLabel = "T", description = "tables (default) or files.")
  String target;

  @Option(names = "--format", paramLabel = "F", description = "Target files: parquet (default), csv or json.")
  String format;

  @Option(names = "--mode", paramLabel = "M",
      description = "overwrite (default; asks before replacing), append or fail-if-exists.")
  String mode;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where the local run is (or is generated): "
      + "default output/<plan name> when it holds this plan's run, else output/" + PublishRuns.FOLDER + "/<run>.")
  Path out;

  @Option(names = "--profile", paramLabel = "P", description = "A profile of ~/.databrickscfg (default: "
      + "DATABRICKS_HOST/DATABRICKS_TOKEN, then DEFAULT).")
  String profile;

  @Option(names = {"-y", "--yes"}, description = "Confirm serverless compute use and replacing existing tables "
      + "without asking.")
  boolean yes;

  @Option(names = "--dry-run", description = "Print the uploads and statements; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PublishRequest req = new PublishRequest(catalog, schema, warehouse, volume,
        mode == null ? null : PublishRequest.Mode.parse(mode), target == null ? null : PublishRequest.Target.parse(
            target), format == null ? null : PublishRequest.FileFormat.parse(format));
    Plan plan = source.load();
    ResolvedPlan resolved = Resolver.resolve(plan);
    Plan exact = resolved.withExactRows();
    PublishSource src = new PublishSource(exact, Runs.planHash(exact), null, 0, null);
    WriterOptions options = PublishRuns.writerOptions(req);
    Path runDir = out != null ? out : PublishRuns.runDir(Path.of("output"), src, options);
    Optional<RunManifest> run = Optional.empty();
    for (Path d : out != null ? List.of(out) : List.of(Path.of("output", plan.name()), runDir)) {
      run = run.isPresent() ? run : PublishRuns.reusable(d, src.planHash(), options);
    }
    try (Workspace ws = DatabricksWorkspace.connect(profile)) {
      Publisher publisher = new Publisher(ws);
      Preparation prep = publisher.prepare(req, src.withRun(run.orElse(null)));
      String runNote = run.map(m -> "reuses the run in " + m.dir()).orElse(String.format(Locale.ROOT,
          "generates %,d rows into %s first", resolved.totalRows(), runDir));
      if (dryRun) {
        System.out.println(dryRunText(prep, runNote));
        return 0;
      }
      confirm(prep);
      PublishResult r;
      try (CancelOnExit exit = new CancelOnExit()) {
        if (run.isEmpty()) {
          ProgressBar bar = ProgressBar.forTerminal();
          try {
            Runs.generate(resolved, runDir, options, new Engine(Runtime.getRuntime().availableProcessors(),
                Engine.DEFAULT_CHUNK_ROWS), bar, exit.cancellation());
          } finally {
            bar.finish();
          }
          prep = publisher.withRun(prep, RunManifest.read(runDir).orElseThrow());
        }
        r = publisher.execute(prep, true, PublishProgress.NONE, exit.cancellation());
      }
      System.out.println(PublishViews.text(PublishViews.result(r)));
      return 0;
    }
  }

  /** Serverless use and replacing existing tables: --yes, or a yes on the terminal. */
  private void confirm(Preparation p) {
    if (yes) {
      return;
    }
    if (p.warehouse() != null && p.warehouse().serverless()) {
      ask("Loading the tables runs SQL on the serverless warehouse " + p.warehouse().describe()
          + ", which bills serverless compute.", "to acknowledge serverless use");
    }
    if (!p.replaces().isEmpty()) {
      ask("These exist and would be replaced, schema included: " + String.join(", ", p.replaces()) + ".",
          "to replace them (or use --mode append / fail-if-exists)");
    }
  }

  private static void ask(String what, String yesMeans) {
    Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException(what + " Add --yes " + yesMeans);
    }
    String answer = console.readLine("%s Continue? [y/N] ", what);
    if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
      throw new IllegalArgumentException("stopped: nothing was changed");
    }
  }

  private static String dryRunText(Preparation p, String runNote) {
    StringBuilder b = new StringBuilder(PublishViews.dryRun(p, runNote));
    for (TableAction t : p.tables()) {
      b.append("\n\n-- ").append(t.target());
      t.statements().forEach(s -> b.append('\n').append(s).append(';'));
    }
    return b.toString();
  }
}
