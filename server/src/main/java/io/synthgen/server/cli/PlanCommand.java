package io.synthgen.server.cli;

import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synthgen plan}: prints a validated plan with every table's exact row count. */
@Command(name = "plan", description = "Print the plan (JSON) for a template or plan file, or drafted from DDL "
    + "(--ddl), validated, with exact row counts; redirect it to a file to edit and run it: "
    + "synthgen plan retail --rows 50000 > plan.json")
final class PlanCommand implements Callable<Integer> {

  @Mixin
  PlanSource source;

  @Option(names = "--ddl", paramLabel = "FILE", description = "Draft the plan from CREATE TABLE statements "
      + "(Spark/Databricks, PostgreSQL, MySQL, Snowflake) instead of a template or plan file; see docs/from-ddl.md.")
  Path ddl;

  @Override
  public Integer call() throws Exception {
    ResolvedPlan resolved = Resolver.resolve(ddl == null ? source.load() : DdlFile.load(ddl, source));
    System.out.print(PlanCodec.write(resolved.withExactRows()));
    return 0;
  }
}
