package io.synthgen.server.cli;

import io.synthgen.engine.Engine;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.EngineDefaults;
import io.synthgen.server.catalog.Preparation;
import io.synthgen.server.catalog.PublishProgress;
import io.synthgen.server.catalog.PublishRequest;
import io.synthgen.server.catalog.PublishResult;
import io.synthgen.server.catalog.PublishRuns;
import io.synthgen.server.catalog.PublishSource;
import io.synthgen.server.catalog.Publisher;
import io.synthgen.server.catalog.TableAction;
import io.synthgen.server.catalog.WarehouseGeneration;
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

/**
 * {@code synthgen publish}: a template or plan file to Unity Catalog Delta tables (or volume files). The engine says
 * where the rows are made, chosen as write_to_uc chooses it: here and uploaded (this class), or in Databricks, in the
 * SQL warehouse or by a serverless job ({@link PublishElsewhere}).
 */
@Command(name = "publish", description = "Publish a plan to Databricks Unity Catalog as Delta tables (or volume "
    + "files), made in the SQL warehouse, by a serverless job, or here and uploaded (--engine): "
    + "synthgen publish retail --catalog demo --schema retail")
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

  @Option(names = "--engine", paramLabel = "E", description = "Where the rows are made: warehouse (the plan "
      + "compiled to Spark SQL, run in the SQL warehouse), upload (generated here, uploaded and loaded) or job (a "
      + "notebook run as a serverless job). Default: warehouse for Tier 2 and 3 plans; upload for Tier 1, target "
      + "files, a series or injected defects.")
  String engine;

  @Option(names = "--notebook-path", paramLabel = "PATH", description = "Engine job: the workspace path of the "
      + "notebook (default /Workspace/Users/<you>/synthgen/<plan name>).")
  String notebookPath;

  @Override
  public Integer call() throws Exception {
    PublishRequest req = new PublishRequest(catalog, schema, warehouse, volume,
        mode == null ? null : PublishRequest.Mode.parse(mode), target == null ? null : PublishRequest.Target.parse(
            target), format == null ? null : PublishRequest.FileFormat.parse(format));
    Plan plan = source.load();
    ResolvedPlan resolved = Resolver.resolve(plan);
    PublishRequest.Engine chosen = chooseEngine(plan, resolved, req);
    if (notebookPath != null && chosen != PublishRequest.Engine.JOB) {
      throw new IllegalArgumentException("--notebook-path is where engine job puts its notebook; the engine is "
          + chosen.jsonName() + ". Add --engine job, or leave out --notebook-path");
    }
    switch (chosen) {
      case WAREHOUSE:
        return new PublishElsewhere(this, resolved, req.withEngine(chosen)).warehouse();
      case JOB:
        return new PublishElsewhere(this, resolved, req.withEngine(chosen)).job();
      case UPLOAD:
        return upload(plan, resolved, req.withEngine(chosen));
    }
    throw new IllegalStateException("no branch for engine " + chosen);
  }

  /**
   * The engine asked for with --engine (refused, with why, when it cannot make this plan), else the one write_to_uc
   * would choose ({@link EngineDefaults}); named on stderr with its reason.
   */
  private PublishRequest.Engine chooseEngine(Plan plan, ResolvedPlan resolved, PublishRequest req) {
    PublishRequest.Engine e;
    String reason;
    if (engine != null) {
      e = PublishRequest.Engine.parse(engine);
      reason = "asked for";
      Optional<String> unsupported = WarehouseGeneration.unsupported(plan);
      if (e == PublishRequest.Engine.WAREHOUSE && unsupported.isPresent()) {
        throw new IllegalArgumentException("engine warehouse cannot generate this plan: " + unsupported.get()
            + ". Use --engine upload (or leave out --engine)");
      }
      if (e != PublishRequest.Engine.UPLOAD && req.target() == PublishRequest.Target.FILES) {
        throw new IllegalArgumentException("engine " + e.jsonName() + " makes Delta tables; --target files lands "
            + "files made on this machine. Leave out --target with engine " + e.jsonName() + ", or use --engine "
            + "upload to land files");
      }
      if (e == PublishRequest.Engine.JOB && req.mode() != PublishRequest.Mode.OVERWRITE) {
        throw new IllegalArgumentException("a job run recreates each table (CREATE OR REPLACE TABLE); --mode "
            + req.mode().jsonName() + " does not apply. Leave out --mode with engine job (replacing existing "
            + "tables is confirmed first), or use another engine for mode " + req.mode().jsonName());
      }
    } else {
      // the tier by the plan's rows, as write_to_uc decides it for a plan proposed without a tier
      EngineDefaults.Choice d = EngineDefaults.choose(plan, resolved.totalRows(), 0, req.target(), false);
      e = d.engine();
      reason = d.reason();
    }
    System.err.println("engine: " + e.jsonName() + " (" + reason + ")");
    return e;
  }

  /** Engine upload: the run generated here (or reused), uploaded to the staging volume and loaded. */
  private int upload(Plan plan, ResolvedPlan resolved, PublishRequest req) throws Exception {
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
    confirm(p, "Loading the tables");
  }

  /** @param doing what runs on the warehouse, for the question */
  void confirm(Preparation p, String doing) {
    if (yes) {
      return;
    }
    if (p.warehouse() != null && p.warehouse().serverless()) {
      ask(doing + " runs SQL on the serverless warehouse " + p.warehouse().describe()
          + ", which bills serverless compute.", "to acknowledge serverless use");
    }
    confirmReplacing(p.replaces(), "(or use --mode append / fail-if-exists)");
  }

  /** Replacing existing tables: --yes, or a yes on the terminal. */
  void confirmReplacing(List<String> replaces, String otherwise) {
    if (yes || replaces.isEmpty()) {
      return;
    }
    ask("These exist and would be replaced, schema included: " + String.join(", ", replaces) + ".",
        "to replace them " + otherwise);
  }

  /** Serverless compute that is not a warehouse (a job run): --yes, or a yes on the terminal. */
  void confirmServerless(String what) {
    if (!yes) {
      ask(what + ", which bills serverless compute.", "to acknowledge serverless use");
    }
  }

  static void ask(String what, String yesMeans) {
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
