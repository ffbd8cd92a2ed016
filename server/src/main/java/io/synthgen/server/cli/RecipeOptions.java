package io.synthgen.server.cli;

import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.template.Recipes;
import picocli.CommandLine.Option;

/** {@code --cdc} and {@code --quality}: an industry template's change-feed and data-quality recipes, switched on. */
final class RecipeOptions {

  @Option(names = "--cdc", description = "Switch on the template's change-feed recipe: a series of 5 daily "
      + "batches, its change feeds, history tables and incremental readings (industry templates only).")
  boolean cdc;

  @Option(names = "--quality", description = "Switch on the template's data-quality recipe: injected nulls, "
      + "duplicates and out-of-range values with their ground truth (industry templates only).")
  boolean quality;

  /**
   * The plan with the recipes asked for, applied to the template as loaded (after --rows and --seed, so a feed's
   * rows per batch follow the scaled rows). A plan file is refused: its feeds and defects are written in it.
   */
  Plan apply(Plan plan, PlanSource source) throws PlanException {
    if (!cdc && !quality) {
      return plan;
    }
    if (!source.template) {
      String flag = cdc && quality ? "--cdc and --quality" : cdc ? "--cdc" : "--quality";
      throw new IllegalArgumentException(flag + " switches on an industry template's recipe, and " + source.source
          + " is a plan file; write the recipe into the file instead (\"series\", \"change_feed\", \"history\" or "
          + "\"quality\" blocks: docs/plan-format.md), or give a template name (synthgen templates lists them)");
    }
    Plan p = plan;
    if (cdc) {
      p = Recipes.cdc(p);
    }
    if (quality) {
      p = Recipes.quality(p);
    }
    return p;
  }
}
