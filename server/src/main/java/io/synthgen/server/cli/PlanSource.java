package io.synthgen.server.cli;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.draft.SkewShares;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The plan argument shared by plan, sample and generate: a template name or a plan file, with overrides. A bare
 * template name is always the template, even when a file or folder of that name is in the working folder (a note on
 * stderr says how to read that instead); anything else is a path, read only if it is a file.
 */
final class PlanSource {

  @Parameters(index = "0", paramLabel = "<industry|plan.json>",
      description = "A template (retail, ...; see 'synthgen templates') or a plan file.")
  String source;

  @Mixin
  PlanOverrides overrides = new PlanOverrides();

  /** The folder relative paths start from: the working folder (tests set another). */
  Path workingDir = Path.of("");

  /** Whether the last {@link #load} read an industry template (not a plan file). */
  boolean template;

  Plan load() throws PlanException, IOException {
    Plan plan;
    Path file = workingDir.resolve(source);
    List<String> templates = Templates.names();
    if (templates.contains(source)) {
      if (Files.exists(file)) {
        Path local = Path.of(".").resolve(source);
        System.err.println("synthgen: using the " + source + " template, not the " + (Files.isDirectory(file)
            ? "folder " + local + "; for a plan file in it, give " + local.resolve("plan.json")
            : "file " + local + "; to read that file as a plan, give " + local));
      }
      plan = Templates.load(source);
      template = true;
    } else if (Files.isRegularFile(file)) {
      // with the dictionary names, so an unknown dictionary is reported with every other problem of the file
      plan = PlanCodec.read(file, new HashSet<>(Dictionaries.standard().names()));
    } else if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(source + " is a folder, not a plan file; give the plan file in it (such as "
          + file.resolve("plan.json") + ") or a template name (" + String.join(", ", templates) + ")");
    } else if (source.endsWith(".json") || source.contains("/") || source.contains(file.getFileSystem()
        .getSeparator())) {
      throw new IllegalArgumentException("no plan file " + source + "; give a template name ("
          + String.join(", ", templates) + ") or the path of a plan.json");
    } else {
      plan = Templates.load(source);
      template = true;
    }
    if (overrides.rows != null) {
      plan = Scaling.scale(plan, overrides.rows);
    }
    if (overrides.seed != null) {
      plan = plan.withSeed(overrides.seed);
    }
    if (overrides.rows != null || overrides.seed != null) {
      // both move the parents' own shares that target shares were solved for
      plan = SkewShares.resolved(plan, new java.util.HashSet<>(Dictionaries.standard().names()));
    }
    return plan;
  }
}
