package io.synthgen.server.cli;

import picocli.CommandLine.Option;

/** The overrides every command that takes a plan accepts: the main table's rows and the seed. */
final class PlanOverrides {

  @Option(names = "--rows", paramLabel = "N",
      description = "Rows of the plan's main table; the other tables keep their ratios to it.")
  Long rows;

  @Option(names = "--seed", paramLabel = "S", description = "Seed for every random value (default: the plan's, 42).")
  Long seed;
}
