package io.synthgen.server.cli;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The plan argument shared by plan, sample and generate: a template name or a plan file, with overrides. */
final class PlanSource {

  @Parameters(index = "0", paramLabel = "<industry|plan.json>",
      description = "A template (retail, ...; see 'synthgen templates') or a plan file.")
  String source;

  @Option(names = "--rows", paramLabel = "N",
      description = "Rows of the plan's main table; the other tables keep their ratios to it.")
  Long rows;

  @Option(names = "--seed", paramLabel = "S", description = "Seed for every random value (default: the plan's, 42).")
  Long seed;

  Plan load() throws PlanException, IOException {
    Plan plan;
    Path file = Path.of(source);
    if (source.endsWith(".json") || Files.exists(file)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no plan file " + source + "; give a template name ("
            + String.join(", ", Templates.names()) + ") or the path of a plan.json");
      }
      // with the dictionary names, so an unknown dictionary is reported with every other problem of the file
      plan = PlanCodec.read(Files.readString(file), new HashSet<>(Dictionaries.standard().names()));
    } else {
      plan = Templates.load(source);
    }
    if (rows != null) {
      plan = Scaling.scale(plan, rows);
    }
    if (seed != null) {
      plan = plan.withSeed(seed);
    }
    return plan;
  }
}
