package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.template.Recipes;
import java.util.Set;

/**
 * The revision operation {@code apply_recipe} {recipe: cdc | quality}: the industry template's change-feed or
 * data-quality recipe ({@link Recipes}) on the plan as the operations before it left it. A plan that is not an
 * industry template, or whose tables no longer fit the recipe, is refused with the recipe's problems and the fix
 * naming the operations that set the same by hand.
 */
final class RecipeEdits {

  private RecipeEdits() {
  }

  static void apply(ObjectNode tree, JsonNode op, String path, Problems problems, Set<String> dictionaries) {
    JsonNode r = op.get("recipe");
    if (r == null || !r.isTextual() || !Recipes.names().contains(r.asText())) {
      problems.add(path + ".recipe", r == null ? null : r.isTextual() ? r.asText() : r.toString(),
          r == null ? "apply_recipe needs recipe" : "unknown recipe", "use one of: "
              + String.join(", ", Recipes.names()));
      return;
    }
    String recipe = r.asText();
    Revisions.historyWithoutColumns(tree);
    Plan plan;
    try {
      plan = PlanCodec.fromJson(tree, dictionaries);
    } catch (PlanException e) {
      problems.add(path, recipe, "the recipe applies to a valid plan, and the operations before it leave "
          + e.violations().size() + " problem" + (e.violations().size() == 1 ? "" : "s") + " (first: "
          + e.violations().get(0).path() + ": " + e.violations().get(0).rule() + ")",
          "fix those operations, or apply the recipe in a revision of its own");
      return;
    }
    try {
      Plan applied = Recipes.apply(recipe, plan);
      ObjectNode out = PlanCodec.toJson(applied);
      tree.removeAll();
      tree.setAll(out);
    } catch (PlanException e) {
      for (Violation v : e.violations()) {
        problems.add(path + ".recipe", recipe, v.path() + ": " + v.rule(), byHand(recipe, v.fix()));
      }
    }
  }

  /** The recipe's fix and the revise operations that set the same by hand. */
  private static String byHand(String recipe, String fix) {
    String ops = recipe.equals(Recipes.CDC)
        ? "set_change_feed {table, rows_per_batch, weights, changes} on the tables that change (or set_batch "
            + "{table, mode: \"append\"} for new rows every batch), add_history {table, of} for SCD2, and "
            + "set_series {start, interval, batches}"
        : "add_defect {table, defect: {defect, columns | column, rate}} per defect, and set_ground_truth";
    return fix + "; with revise operations: " + ops;
  }
}
