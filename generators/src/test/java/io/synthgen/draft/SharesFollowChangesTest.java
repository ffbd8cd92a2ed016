package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.draft.predict.Predictions.CategorySpread;
import io.synthgen.draft.predict.Predictions.KeySpread;
import io.synthgen.draft.predict.Predictor;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.template.Scaling;
import io.synthgen.vec.Vec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Target shares stay with the key and are solved again on the plan as it is stored: after a scaling of its rows, a
 * revision's set_rows, a rename that re-draws the parents' values, and on a boolean parent column.
 */
class SharesFollowChangesTest {

  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());

  static final String SHOP = """
      {"name": "sh", "tables": [
        {"name": "products", "rows": 40, "columns": ["product_id", {"name": "category",
          "values": ["Electronics", "Clothing", "Home", "Sports", "Toys"], "weights": [10, 30, 30, 20, 10]}]},
        {"name": "sales", "rows": 20000, "columns": ["sale_id", {"name": "product_id", "references": "products",
          "weighted_by": {"column": "category", "shares": {"Electronics": 35, "Clothing": 25, "Home": 20,
          "Sports": 12, "Toys": 8}}}]}]}
      """;
  static final double[] TARGETS = {0.35, 0.25, 0.20, 0.12, 0.08};

  static Plan revise(Plan p, String ops) throws Exception {
    return Revisions.apply(p, DrafterTest.JSON.readTree(ops), DICTS);
  }

  /** The predicted children's share per category, in the column's value order. */
  static Map<String, Double> predicted(Plan p) throws Exception {
    KeySpread k = Predictor.predict(Resolver.resolve(p)).foreignKeys().get(0);
    Map<String, Double> out = new LinkedHashMap<>();
    for (CategorySpread c : k.byCategory()) {
      out.put(c.value(), c.childShare());
    }
    return out;
  }

  static void onTarget(Map<String, Double> shares, double tolerance) {
    String[] names = {"Electronics", "Clothing", "Home", "Sports", "Toys"};
    for (int i = 0; i < names.length; i++) {
      assertEquals(TARGETS[i], shares.getOrDefault(names[i], 0.0), tolerance, names[i] + " in " + shares);
    }
  }

  /** The generated children's share per value of the parent's category column, counted over the run's rows. */
  static Map<String, Double> generated(Plan p, String parent, String key, String category, String child,
      String fk) throws Exception {
    ResolvedPlan r = Resolver.resolve(p);
    int parents = (int) p.table(parent).orElseThrow().rows();
    TableEvaluator pe = TableEvaluator.range(r, r.table(parent), 0, parents);
    Vec ids = pe.column(key);
    Vec cats = pe.column(category);
    Map<Object, String> catOf = new HashMap<>();
    for (int i = 0; i < parents; i++) {
      catOf.put(ids.get(i), String.valueOf(cats.get(i)));
    }
    int children = (int) p.table(child).orElseThrow().rows();
    Vec keys = TableEvaluator.range(r, r.table(child), 0, children).column(fk);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < children; i++) {
      out.merge(catOf.get(keys.get(i)), 1.0 / children, Double::sum);
    }
    return out;
  }

  @Test
  void theSharesAreKeptWithTheKeyInTheStoredPlan() throws Exception {
    Plan p = DrafterTest.draft(SHOP);
    FkDistribution.Weighted w = (FkDistribution.Weighted) ((ColumnGen.ForeignKey) p.table("sales").orElseThrow()
        .column("product_id").orElseThrow().gen()).distribution();
    assertEquals("category_weight", w.by());
    assertEquals(Map.of("Electronics", 35.0, "Clothing", 25.0, "Home", 20.0, "Sports", 12.0, "Toys", 8.0),
        w.shares());
    assertEquals(p, PlanCodec.fromJson(PlanCodec.toJson(p), DICTS), "the shares survive the plan's JSON");
    onTarget(predicted(p), 1e-5);
  }

  @Test
  void scalingTheRowsSolvesTheSharesAgain() throws Exception {
    Plan scaled = SkewShares.resolved(Scaling.scale(DrafterTest.draft(SHOP), 80), DICTS);
    assertEquals(80, scaled.table("products").orElseThrow().rows());
    onTarget(predicted(scaled), 1e-5);
  }

  @Test
  void aRevisionsSetRowsSolvesTheSharesAgain() throws Exception {
    Plan p = revise(DrafterTest.draft(SHOP), "[{\"op\": \"set_rows\", \"table\": \"products\", \"rows\": 400}]");
    onTarget(predicted(p), 1e-5);
    onTarget(generated(p, "products", "product_id", "category", "sales", "product_id"), 0.015);
  }

  @Test
  void rowsTooFewForATargetedValueAreAViolation() {
    List<Violation> v = assertThrows(PlanException.class, () -> SkewShares.resolved(
        Scaling.scale(DrafterTest.draft(SHOP), 4), DICTS)).violations();
    assertEquals(1, v.size(), v.toString());
    assertEquals("tables[1].columns[1].distribution.shares", v.get(0).path());
    assertTrue(v.get(0).rule().contains("none of this plan's 4 products has category"), v.toString());
  }

  @Test
  void renamesThatRedrawTheParentsKeepTheSharesOnTarget() throws Exception {
    Plan p = DrafterTest.draft(SHOP);
    Plan table = revise(p, "[{\"op\": \"rename_table\", \"table\": \"products\", \"to\": \"items\"}]");
    onTarget(predicted(table), 1e-5);
    onTarget(generated(table, "items", "product_id", "category", "sales", "product_id"), 0.015);
    String note = table.table("sales").orElseThrow().column("product_id").orElseThrow().note();
    assertTrue(note.contains("to give shares {Electronics: 35"), note);

    String rename = "[{\"op\": \"rename_column\", \"table\": \"products\", \"column\": \"category\", "
        + "\"to\": \"dept\"}]";
    // the 40 products drawn anew have no Toys: the target cannot be met, and the revision says so
    List<Violation> v = assertThrows(PlanException.class, () -> revise(p, rename)).violations();
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).rule().contains("none of this plan's 40 products has dept Toys"), v.toString());
    Plan column = revise(DrafterTest.draft(SHOP.replace("\"rows\": 40", "\"rows\": 200")), rename);
    onTarget(predicted(column), 1e-5);
    onTarget(generated(column, "products", "product_id", "dept", "sales", "product_id"), 0.015);
    String renamed = column.table("sales").orElseThrow().column("product_id").orElseThrow().note();
    assertTrue(renamed.contains("weighted by dept (to give shares"), renamed);
  }

  @Test
  void aBooleanParentColumnTakesWeightsAndSharesByTrueAndFalse() throws Exception {
    String users = """
        {"name": "b", "tables": [{"name": "users", "rows": 2000, "columns": ["user_id",
          {"name": "is_premium", "type": "boolean", "probability": 0.2}]},
         {"name": "events", "rows": 20000, "columns": ["event_id", {"name": "user_id", "references": "users",
          "weighted_by": WB}]}]}
        """;
    Plan weights = DrafterTest.draft(users.replace("WB", "{\"column\": \"is_premium\", \"weights\": "
        + "{\"true\": 4, \"false\": 1}}"));
    Map<String, Double> w = generated(weights, "users", "user_id", "is_premium", "events", "user_id");
    // 20 % of users weigh 4: 0.8 / (0.8 + 0.8) of the events
    assertEquals(0.5, w.get("true"), 0.03, w.toString());

    Plan shares = DrafterTest.draft(users.replace("WB", "{\"column\": \"is_premium\", \"shares\": "
        + "{\"true\": 70, \"false\": 30}}"));
    Map<String, Double> s = generated(shares, "users", "user_id", "is_premium", "events", "user_id");
    assertEquals(0.7, s.get("true"), 0.015, s.toString());

    List<Violation> bad = assertThrows(PlanException.class, () -> DrafterTest.draft(users.replace("WB",
        "{\"column\": \"is_premium\", \"weights\": {\"yes\": 4}}"))).violations();
    assertEquals(1, bad.size(), bad.toString());
    assertEquals("tables[1].columns[1].weighted_by.weights.yes", bad.get(0).path());
    assertTrue(bad.get(0).rule().contains("its values are: true, false"), bad.toString());
  }

  @Test
  void overflowingSharesAndWeightsAreViolationsWithTheCallsOtherProblems() {
    String p = """
        {"name": "shw", "tables": [{"name": "p", "rows": 100, "columns": ["p_id", {"name": "t", "values": ["a", "b"]},
          {"name": "c", "strategy": "dictionary", "dictionary": "citys"}]},
         {"name": "k", "rows": 1000, "columns": ["k_id", {"name": "p_id", "references": "p", "weighted_by": WB}]}]}
        """;
    List<Violation> shares = assertThrows(PlanException.class, () -> DrafterTest.draft(p.replace("WB",
        "{\"column\": \"t\", \"shares\": {\"a\": 1e308, \"b\": 1e308}}"))).violations();
    assertTrue(shares.stream().anyMatch(v -> v.path().equals("tables[1].columns[1].weighted_by.shares.a")
        && v.rule().contains("at most 100")), shares.toString());
    List<Violation> all = assertThrows(PlanException.class, () -> Drafter.plan(DrafterTest.JSON.readTree(p.replace(
        "WB", "{\"column\": \"t\", \"shares\": [1e308, 1e308]}")), DrafterTest.TODAY, 1, DICTS)).violations();
    assertTrue(all.stream().anyMatch(v -> v.path().startsWith("tables[1].columns[1].weighted_by.shares")),
        all.toString());
    assertTrue(all.stream().anyMatch(v -> v.path().startsWith("tables[0].columns[2]")), "citys: " + all);

    List<Violation> weights = assertThrows(PlanException.class, () -> DrafterTest.draft(p.replace("WB",
        "{\"column\": \"t\", \"weights\": {\"a\": 1e308, \"b\": 1e308}}"))).violations();
    assertEquals(2, weights.size(), weights.toString());
    assertTrue(weights.get(0).rule().contains("at most 1e+12"), weights.toString());

    List<Violation> zero = assertThrows(PlanException.class, () -> DrafterTest.draft(p.replace("WB",
        "{\"column\": \"t\", \"weights\": {\"a\": 0, \"b\": 0}}"))).violations();
    assertEquals("tables[1].columns[1].weighted_by.weights", zero.get(0).path(), zero.toString());
  }

  @Test
  void weightedByWithADistributionIsAViolation() {
    String p = """
        {"name": "wd", "tables": [{"name": "a", "rows": 100, "columns": ["a_id", {"name": "t", "values": ["x", "y"]}]},
         {"name": "b", "rows": 1000, "columns": ["b_id", {"name": "a_id", "references": "a",
          "distribution": {"type": "zipf", "exponent": 1}, "weighted_by": {"column": "t", "weights": {"x": 2}}}]}]}
        """;
    List<Violation> v = assertThrows(PlanException.class, () -> DrafterTest.draft(p)).violations();
    assertEquals(1, v.size(), v.toString());
    assertEquals("tables[1].columns[1].weighted_by", v.get(0).path());
    assertTrue(v.get(0).fix().contains("not both"), v.toString());
  }

  @Test
  void aKeyWeightedByALookedUpCategoryIsPredictedPerCategoryUnderThePersonsName() throws Exception {
    Plan p = DrafterTest.draft("""
        {"name": "lk", "tables": [{"name": "segments", "rows": 5, "columns": ["segment_id",
          {"name": "label", "values": ["S", "M", "L"]}]},
         {"name": "customers", "rows": 300, "columns": ["customer_id", {"name": "segment_id", "references": "segments"},
          {"name": "seg", "strategy": "lookup", "via": "segment_id", "column": "label"}]},
         {"name": "orders", "rows": 20000, "columns": ["order_id", {"name": "customer_id", "references": "customers",
          "weighted_by": {"column": "seg", "weights": {"L": 10}}}]}]}
        """);
    KeySpread k = Predictor.predict(Resolver.resolve(p)).foreignKeys().stream()
        .filter(f -> f.table().equals("orders")).findFirst().orElseThrow();
    assertEquals("seg", k.category(), k.toString());
    Map<String, Double> predicted = new LinkedHashMap<>();
    k.byCategory().forEach(c -> predicted.put(c.value(), c.childShare()));
    Map<String, Double> made = generated(p, "customers", "customer_id", "seg", "orders", "customer_id");
    assertTrue(predicted.containsKey("L"), predicted.toString());
    for (Map.Entry<String, Double> e : made.entrySet()) {
      assertEquals(e.getValue(), predicted.getOrDefault(e.getKey(), 0.0), 0.015, e.getKey() + ": " + predicted
          + " vs " + made);
    }
  }
}
