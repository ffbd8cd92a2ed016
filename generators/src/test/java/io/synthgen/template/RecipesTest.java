package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.PlanValidator;
import io.synthgen.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The templates' recipes: every template with cdc, quality and both passes the plan checks, and the recipes' shape. */
class RecipesTest {

  static List<String> templates() {
    return Templates.names();
  }

  private static Plan template(String name) {
    return Plans.template(name, 1_000);
  }

  private static Plan checked(Plan p) {
    List<Violation> v = PlanValidator.validate(p);
    assertEquals(List.of(), v, p.name());
    Plans.resolve(p);
    return p;
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyTemplateWithEitherOrBothRecipesPassesThePlanChecks(String name) throws PlanException {
    Plan t = template(name);
    Plan cdc = checked(Recipes.cdc(t));
    Plan quality = checked(Recipes.quality(t));
    Plan both = checked(Recipes.quality(cdc));
    assertEquals(both, Recipes.cdc(quality), "the recipes commute");
    assertEquals(cdc, Recipes.cdc(cdc), "cdc twice is cdc once");
    assertEquals(quality, Recipes.quality(quality), "quality twice is quality once");
    assertEquals(both, Recipes.apply("quality", Recipes.apply("cdc", t)));
    assertNotNull(cdc.series());
    assertNull(quality.series(), "the quality recipe alone adds no series");
    assertTrue(cdc.tables().stream().anyMatch(x -> x.changeFeed() != null), name);
    assertTrue(quality.tables().stream().anyMatch(x -> x.quality() != null), name);
    assertEquals(t, Plans.template(name, 1_000), "the template itself is untouched");
  }

  @ParameterizedTest
  @MethodSource("templates")
  void recipePlansSurviveTheirJson(String name) throws PlanException {
    Plan both = Recipes.quality(Recipes.cdc(template(name)));
    assertEquals(both, PlanCodec.read(PlanCodec.write(both)));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void theTemplatesThemselvesCarryNoRecipe(String name) throws PlanException {
    Plan t = Templates.load(name);
    assertNull(t.series(), name);
    for (Table x : t.tables()) {
      assertTrue(x.changeFeed() == null && x.quality() == null && x.generated()
          && x.batching().mode() == io.synthgen.plan.Batching.Mode.STATIC, name + "." + x.name());
    }
  }

  @Test
  void aPlansOwnSeriesKeepsItsBatchesUnderTheRecipesTiming() throws PlanException {
    Plan t = template("retail").withSeries(new io.synthgen.plan.Series("2024-01-01", "6 hours", 3));
    Plan cdc = Recipes.cdc(t);
    assertEquals(new io.synthgen.plan.Series("ref-5d", "1 day", 3), cdc.series());
    checked(cdc);
  }

  @Test
  void namesTheRecipes() {
    assertEquals(List.of("cdc", "quality"), Recipes.names());
    PlanException e = assertThrows(PlanException.class, () -> Recipes.apply("scd", template("retail")));
    assertTrue(e.getMessage().contains("cdc, quality"), e.getMessage());
  }

  @Test
  void aPlanOfNoTemplateIndustryIsRefusedWithTheFieldsToSet() {
    Plan p = template("retail");
    Plan other = new Plan(p.format(), p.name(), "telecom", p.description(), p.seed(), p.referenceDate(),
        p.mainTable(), p.tier(), p.destination(), p.tables());
    PlanException e = assertThrows(PlanException.class, () -> Recipes.cdc(other));
    assertEquals("industry", e.violations().get(0).path());
    assertTrue(e.violations().get(0).fix().contains("change_feed"), e.getMessage());
    assertThrows(PlanException.class, () -> Recipes.quality(other));
  }

  @Test
  void aTemplateMissingWhatTheRecipeNeedsGetsEveryProblemAtOnce() {
    Plan p = template("retail");
    Plan cut = p.withTables(p.tables().stream().filter(t -> !t.name().equals("transactions"))
        .map(t -> t.name().equals("customers") ? t.withColumns(t.columns().stream()
            .filter(c -> !c.name().equals("phone")).toList()) : t).toList());
    PlanException e = assertThrows(PlanException.class, () -> Recipes.quality(cut));
    assertEquals(2, e.violations().size(), e.getMessage());
    assertTrue(e.getMessage().contains("'phone'") && e.getMessage().contains("'transactions'"), e.getMessage());
  }

  @Test
  void retailCustomersFeedIsTheReferenceShape() throws PlanException {
    Plan p = Recipes.cdc(Plans.template("retail", 10_000));
    ChangeFeed f = p.table("customers").orElseThrow().changeFeed();
    assertEquals("customers_cdc", f.name());
    assertEquals(1_000, f.rowsPerBatch());
    assertEquals(new ChangeFeed.Weights(50, 30, 10), f.weights());
    assertTrue(f.changes().containsAll(List.of("email", "address_line1", "city", "state", "zip_code")));
    assertEquals("APPEND", f.appendAs());
    assertEquals(5, p.series().batches());
    assertEquals("1 day", p.series().interval());
    assertEquals("ref-5d", p.series().start());
  }

  @Test
  void theQualityRecipeMovesTheTemplatesNullsIntoRecordedDefects() throws PlanException {
    Plan p = Recipes.quality(template("retail"));
    Table customers = p.table("customers").orElseThrow();
    assertEquals(0, customers.column("email").orElseThrow().nullRate());
    assertEquals(List.of(new Defect.Nulls(List.of("email"), 0.02), new Defect.Nulls(List.of("phone"), 0.01)),
        customers.quality().defects());
    assertEquals(Quality.GroundTruth.SIDECAR, customers.quality().groundTruth());
    assertEquals(List.of(new Defect.Duplicates(0.04)), p.table("transactions").orElseThrow().quality().defects());
    Plan iot = Recipes.quality(template("iot"));
    assertTrue(iot.table("sensor_readings").orElseThrow().quality().defects()
        .contains(new Defect.OutOfRange("metric_value", 0.005, null, 10.0)));
  }

  @Test
  void genericQualityIsTheCombinedDefaultsOnNonKeyColumns() {
    Table customers = template("retail").table("customers").orElseThrow();
    Quality q = Recipes.genericQuality(customers);
    Defect.Nulls nulls = (Defect.Nulls) q.defects().get(0);
    assertEquals(0.02, nulls.rate());
    assertTrue(!nulls.columns().contains("customer_id") && nulls.columns().contains("email"), nulls.toString());
    assertEquals(new Defect.Duplicates(0.04), q.defects().get(1));
    assertTrue(q.defects().stream().noneMatch(d -> d instanceof Defect.Jitter), "customers have no timestamp");
    assertTrue(q.defects().contains(new Defect.CaseNoise(List.of("first_name", "last_name", "email", "phone",
        "address_line1", "city", "state", "zip_code", "loyalty_tier"), 0.05)), q.toString());
    Table txns = template("retail").table("transactions").orElseThrow();
    assertTrue(Recipes.genericQuality(txns).defects().contains(new Defect.Jitter("txn_timestamp", 1.0,
        "60 seconds")));
  }

  @Test
  void firmwareWavesDrawFromTheFirstVersionsOnly() throws PlanException {
    assertEquals("CASE batch() WHEN 0 THEN '1.0.0'"
        + " WHEN 1 THEN rand_weighted('1.0.0', 10, '1.0.1', 80)"
        + " WHEN 2 THEN rand_weighted('1.0.0', 10, '1.0.1', 10, '1.1.0', 70)"
        + " WHEN 3 THEN rand_weighted('1.0.0', 10, '1.0.1', 10, '1.1.0', 10, '2.0.0', 60)"
        + " ELSE rand_weighted('1.0.0', 10, '1.0.1', 10, '1.1.0', 10, '2.0.0', 10, '2.0.1', 50) END",
        ChangeFeedRecipes.firmware());
    Column fw = Recipes.cdc(template("iot")).table("devices").orElseThrow().column("firmware").orElseThrow();
    assertTrue(fw.gen() instanceof ColumnGen.Expression);
  }
}
