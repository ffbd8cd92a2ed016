package io.synthgen.server.cli;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.profile.planner.PlanOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.server.source.SourcePlans;
import io.synthgen.template.Scaling;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code synthgen plan}: prints a validated plan with every table's exact row count, made from one input: a
 * template or plan file (the positional argument), data files ({@code --from}) or DDL ({@code --ddl}). Each
 * input is one field and one branch of {@link #load}; exactly one may be given.
 */
@Command(name = "plan", description = "Print the plan (JSON) for a template or plan file, for data like the "
    + "Parquet, CSV or JSONL files given with --from, or drafted from the CREATE TABLE statements of --ddl, validated, "
    + "with exact row counts; redirect it to a file to edit and run it: synthgen plan retail --rows 50000 > plan.json")
final class PlanCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "<industry|plan.json>",
      description = "A template (retail, ...; see 'synthgen templates') or a plan file.")
  String template;

  @Option(names = "--from", paramLabel = "PATH",
      description = "Profile these Parquet, CSV or JSONL files (a file, or a folder with one table per file or "
          + "sub-folder of parts) and plan data like them; see docs/from-data.md.")
  String from;

  @Option(names = "--ddl", paramLabel = "FILE", description = "Draft the plan from CREATE TABLE statements "
      + "(Spark/Databricks, PostgreSQL, MySQL, Snowflake); see docs/from-ddl.md.")
  Path ddl;

  @Option(names = "--min-count", paramLabel = "K",
      description = "With --from: a source value enters the plan only when at least K rows hold it (default: 10).")
  Integer minCount;

  @Option(names = "--allow-values", split = ",", paramLabel = "COLUMN",
      description = "With --from: columns (name or table.name) whose values may be copied whatever their count.")
  List<String> allowValues;

  @Mixin
  PlanOverrides overrides = new PlanOverrides();

  /** The folder relative paths start from: the working folder (tests set another). */
  Path workingDir = Path.of("");

  /** "Today" for a plan made from data (its reference date). */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    ResolvedPlan resolved = Resolver.resolve(load());
    System.out.print(PlanCodec.write(resolved.withExactRows()));
    return 0;
  }

  Plan load() throws Exception {
    List<String> given = new ArrayList<>();
    if (template != null) {
      given.add("<industry|plan.json>");
    }
    if (from != null) {
      given.add("--from");
    }
    if (ddl != null) {
      given.add("--ddl");
    }
    if (given.size() != 1) {
      throw new IllegalArgumentException(given.isEmpty()
          ? "give a template or plan file, --from PATH with data files to plan from, or --ddl FILE with CREATE TABLE "
              + "statements"
          : "give one of " + String.join(", ", given) + ", not several");
    }
    if ((minCount != null || allowValues != null) && from == null) {
      throw new IllegalArgumentException("--min-count and --allow-values apply to --from only");
    }
    if (template != null) {
      PlanSource source = new PlanSource();
      source.source = template;
      source.overrides = overrides;
      source.workingDir = workingDir;
      return source.load();
    }
    if (ddl != null) {
      return DdlFile.load(workingDir.resolve(ddl), overrides.rows, overrides.seed, LocalDate.now(clock));
    }
    int k = minCount == null ? PlanOptions.DEFAULT_MIN_COUNT : minCount;
    if (k < 1 || k > PlanOptions.MAX_MIN_COUNT) {
      throw new IllegalArgumentException("--min-count must be from 1 to " + PlanOptions.MAX_MIN_COUNT);
    }
    SourcePlans.Request request = new SourcePlans.Request(from, k,
        allowValues == null ? new LinkedHashSet<>() : new LinkedHashSet<>(allowValues));
    Plan plan = SourcePlans.plan(workingDir.toAbsolutePath(), false, request,
        overrides.seed == null ? Plan.DEFAULT_SEED : overrides.seed, LocalDate.now(clock),
        new HashSet<>(Dictionaries.standard().names()));
    return overrides.rows == null ? plan : Scaling.scale(plan, overrides.rows);
  }
}
