package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.template.Recipes;
import io.synthgen.template.Templates;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** apply_recipe: the template's recipe as a revision, its rendering, and its refusal on a plan of one's own. */
class RecipeRevisionTest {

  /** The lines of the rendered plan about tables and batches: headings, series, batches and quality. */
  static List<String> seriesLines(String md) {
    return md.lines().filter(l -> l.startsWith("### ") || l.startsWith("**Series:**")
        || l.startsWith("**Batches:**") || l.startsWith("**Quality:**")).collect(Collectors.toList());
  }

  @Test
  void theCdcRecipeIsTheTemplatesRecipeAndRendersItsFeedsAndBatches() throws Exception {
    Plan retail = Templates.load("retail");
    Plan revised = RevisionsTest.revise(retail, "[{\"op\": \"apply_recipe\", \"recipe\": \"cdc\"}]");
    assertEquals(Recipes.cdc(retail), revised);
    String md = RenderSeriesTest.render(revised);
    assertEquals(List.of(
        "**Series:** 5 batches, 1 day each, from ref-5d (2024-12-27)",
        "### customers — 10,000 rows",
        "**Batches:** customers_cdc: full load 10,000 then 1,000 per batch, APPEND/UPDATE/DELETE 50/30/10, changes "
            + "email, phone, address_line1, city, state, zip_code, loyalty_tier, is_active, columns operation, "
            + "operation_date",
        "### products — 5,000 rows",
        "**Batches:** static: batch 0 only",
        "### transactions — 50,000 rows",
        "**Batches:** static: batch 0 only",
        "### line_items — 150,793 rows (poisson(λ 2) + 1, in 1–10 per transactions row)",
        "**Batches:** static: batch 0 only",
        "### inventory — 50,000 rows",
        "**Batches:** static: batch 0 only",
        "### Relationships"), seriesLines(md), md);
    // the key facts, whatever the wording around them
    assertTrue(md.contains("customers_cdc"), md);
    assertTrue(md.contains("50/30/10"), md);
    assertTrue(md.contains("1,000 per batch"), md);
    List<String> diff = PlanDiff.lines(retail, revised);
    assertTrue(diff.stream().anyMatch(l -> l.startsWith("+ series: 5 batches")), diff::toString);
    assertTrue(diff.stream().anyMatch(l -> l.startsWith("+ change feed customers_cdc: full load 10,000")),
        diff::toString);
  }

  @Test
  void theIotRecipeRendersTheHistoryAndTheDailyReadings() throws Exception {
    Plan iot = Templates.load("iot");
    Plan revised = RevisionsTest.revise(iot, "[{\"op\": \"apply_recipe\", \"recipe\": \"cdc\"},"
        + "{\"op\": \"apply_recipe\", \"recipe\": \"quality\"}]");
    assertEquals(Recipes.quality(Recipes.cdc(iot)), revised);
    String md = RenderSeriesTest.render(revised);
    List<String> lines = seriesLines(md);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("**Batches:** devices_cdc: full load 1,000 then 100 per "
        + "batch")), lines::toString);
    assertTrue(lines.contains("### devices_history — history of devices"), lines::toString);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("**Batches:** devices_history: SCD2 of devices")),
        lines::toString);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("**Quality:**") && l.contains("nulls 2%")),
        lines::toString);
  }

  @Test
  void onAPlanOfOnesOwnTheRecipeIsRefusedWithTheOperationsThatSetItByHand() throws Exception {
    Plan own = Drafter.plan(RevisionsTest.JSON.readTree("{\"name\": \"shop\", \"tables\": [{\"name\": "
        + "\"customers\", \"rows\": 100, \"columns\": [\"customer_id\", \"email\"]}]}"),
        java.time.LocalDate.of(2026, 1, 1), 42, RevisionsTest.DICTS);
    PlanException e = assertThrows(PlanException.class, () -> RevisionsTest.revise(own,
        "[{\"op\": \"set_rows\", \"table\": \"customers\", \"rows\": 200},"
            + "{\"op\": \"apply_recipe\", \"recipe\": \"cdc\"}]"));
    Violation v = e.violations().get(0);
    assertEquals("operations[1].recipe", v.path(), e.violations()::toString);
    assertTrue(v.rule().contains("industry templates"), v.rule());
    assertTrue(v.fix().contains("set_change_feed") && v.fix().contains("set_series"), v.fix());
    Violation unknown = assertThrows(PlanException.class, () -> RevisionsTest.revise(Templates.load("retail"),
        "[{\"op\": \"apply_recipe\", \"recipe\": \"streaming\"}]")).violations().get(0);
    assertEquals("operations[0].recipe", unknown.path());
    assertTrue(unknown.fix().contains("cdc, quality"), unknown.fix());
  }
}
