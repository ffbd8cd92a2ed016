package io.synthgen.server.cli;

import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code synthgen plan}: prints a validated plan with every table's exact row count. */
@Command(name = "plan", description = "Print the plan (JSON) for a template or plan file, validated, with exact row "
    + "counts; redirect it to a file to edit and run it: synthgen plan retail --rows 50000 > plan.json")
final class PlanCommand implements Callable<Integer> {

  @Mixin
  PlanSource source;

  @Override
  public Integer call() throws Exception {
    ResolvedPlan resolved = Resolver.resolve(source.load());
    System.out.print(PlanCodec.write(resolved.withExactRows()));
    return 0;
  }
}
