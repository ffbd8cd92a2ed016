package io.synthgen.template;

import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import java.util.List;

/**
 * The industry templates' opt-in recipes (docs/industries.md, "Change feeds and dirty data"): {@code cdc} turns on
 * the template's change feeds, history tables and daily append batches under a series; {@code quality} injects the
 * reference's per-industry defects, recorded as ground truth. Both are pure functions of the plan, leave a plan the
 * template's tables no longer fit unchanged with every problem reported at once, commute, and give the same plan
 * when applied twice. Apply them after scaling: rows per batch are fractions of the tables' rows.
 */
public final class Recipes {

  public static final String CDC = "cdc";
  public static final String QUALITY = "quality";

  private Recipes() {
  }

  /** The recipes, for the command line and the revise operation. */
  public static List<String> names() {
    return List.of(CDC, QUALITY);
  }

  /** Applies the named recipe. */
  public static Plan apply(String recipe, Plan template) throws PlanException {
    if (CDC.equals(recipe)) {
      return cdc(template);
    }
    if (QUALITY.equals(recipe)) {
      return quality(template);
    }
    throw new PlanException(List.of(new Violation("recipe", recipe, "no such recipe",
        "use one of: " + String.join(", ", names()))));
  }

  /**
   * The template's change-feed recipe: a series of 5 daily batches ending at the reference date (a plan's own
   * series keeps its number of batches; its start and interval become the recipe's, which its times are built on),
   * change feeds with the reference's rows per batch and weights, SCD2 history tables, and readings as daily append
   * batches.
   */
  public static Plan cdc(Plan template) throws PlanException {
    checkIndustry(template, CDC);
    return ChangeFeedRecipes.apply(template);
  }

  /** The template's data-quality recipe: the reference's per-industry defects on the template's columns. */
  public static Plan quality(Plan template) throws PlanException {
    checkIndustry(template, QUALITY);
    return QualityRecipes.apply(template);
  }

  /**
   * The reference's combined {@code inject_quality_issues} defaults for any table: NULLs 2 % in its non-key columns,
   * duplicates 4 %, late arrival ±60 s on its first timestamp column, case noise 5 % and whitespace 3 % on its
   * string columns (the table's ground truth setting is kept, sidecar by default).
   */
  public static Quality genericQuality(Table table) {
    return QualityRecipes.generic(table);
  }

  private static void checkIndustry(Plan p, String recipe) throws PlanException {
    if (p.industry() == null || !Templates.INDUSTRIES.contains(p.industry())) {
      throw new PlanException(List.of(new Violation("industry", p.industry(), "the " + recipe + " recipe exists for "
          + "the industry templates (" + String.join(", ", Templates.INDUSTRIES) + "), and this plan's industry is "
          + (p.industry() == null ? "not set" : "'" + p.industry() + "'"), recipe.equals(CDC)
          ? "start from a template, or set the fields by hand: a \"series\" on the plan and a \"change_feed\" (or "
              + "\"batch\": {\"mode\": \"append\"}) on the tables that change"
          : "start from a template, or add a \"quality\" block with the defects to the tables by hand")));
    }
  }
}
