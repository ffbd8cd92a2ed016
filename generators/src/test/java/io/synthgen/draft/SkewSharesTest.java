package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.draft.predict.Predictions.KeySpread;
import io.synthgen.draft.predict.Predictions.Method;
import io.synthgen.draft.predict.Predictor;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.resolve.Resolver;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Target shares of a foreign key's children by parent category, solved into weights; and their problems. */
class SkewSharesTest {

  private static final String SHOP = """
      {"name": "shop", "tables": [
        {"name": "products", "rows": 1000, "primary_key": "product_id", "columns": [
          {"name": "product_id", "type": "bigint", "strategy": "sequence"},
          {"name": "category", "values": ["Electronics", "Clothing", "Home", "Sports", "Toys"],
           "weights": [10, 30, 25, 20, 15]}]},
        {"name": "sales", "rows": 5000, "primary_key": "sale_id", "columns": [
          {"name": "sale_id", "type": "bigint", "strategy": "sequence"},
          {"name": "product_id", "references": "products", "weighted_by": WB}]}]}
      """;
  private static final String TARGETS =
      "{\"column\": \"category\", \"shares\": {\"Electronics\": 35, \"Clothing\": 25, \"Home\": 20, \"Sports\": 12, "
          + "\"Toys\": 8}}";

  private static String replaceLast(String s, String what, String with) {
    int i = s.lastIndexOf(what);
    return s.substring(0, i) + with + s.substring(i + what.length());
  }

  private static Plan draft(String weightedBy) throws Exception {
    return draft(weightedBy, 1000);
  }

  private static Plan draft(String weightedBy, long products) throws Exception {
    return DrafterTest.draft(SHOP.replace("WB", weightedBy).replace("\"rows\": 1000", "\"rows\": " + products));
  }

  private static List<Violation> problems(String weightedBy) {
    return assertThrows(PlanException.class, () -> draft(weightedBy)).violations();
  }

  private static Column column(Plan p, String table, String column) {
    return p.table(table).orElseThrow().column(column).orElseThrow();
  }

  private static KeySpread predicted(Plan p) throws Exception {
    return Predictor.predict(Resolver.resolve(p)).foreignKeys().get(0);
  }

  @Test
  void sharesBecomeWeightsThatGiveThemForThePlansOwnParents() throws Exception {
    Plan p = draft(TARGETS);
    Column fk = column(p, "sales", "product_id");
    assertEquals(new FkDistribution.Weighted("category_weight", java.util.Map.of("Electronics", 35.0, "Clothing", 25.0, "Home", 20.0,
        "Sports", 12.0, "Toys", 8.0)),
        ((ColumnGen.ForeignKey) fk.gen()).distribution(), "the targets stay with the key, to be solved again");
    assertTrue(fk.note().contains("to give shares {Electronics: 35"), fk.note());
    // solved from the categories of these 1,000 products as the run draws them: the prediction, exact over them,
    // is the target itself (to the 6 digits the weights keep), not the target give or take their sampling noise
    KeySpread k = predicted(p);
    assertEquals(Method.EXACT, k.method());
    double[] targets = {0.35, 0.25, 0.20, 0.12, 0.08};
    for (int i = 0; i < targets.length; i++) {
      assertEquals(targets[i], k.byCategory().get(i).childShare(), 1e-5, k.byCategory().get(i).toString());
    }
  }

  @Test
  void overManyParentsTheWeightsAreTargetOverTheCategorysWeight() throws Exception {
    Plan p = draft(TARGETS, 60_000);
    String expr = ((ColumnGen.Expression) column(p, "products", "category_weight").gen()).expr();
    assertTrue(expr.contains("WHEN 'Electronics' THEN 3.5 "), "0.35 / 0.10: " + expr);
    assertTrue(expr.contains("WHEN 'Toys' THEN 0.533333 "), "0.08 / 0.15, 6 digits: " + expr);
  }

  @Test
  void aValueThePlansFewParentsNeverDrawIsRefusedWithAFix() {
    List<Violation> v = assertThrows(PlanException.class, () -> DrafterTest.draft(SHOP.replace("WB", TARGETS)
        .replace("\"rows\": 1000", "\"rows\": 12").replace("[10, 30, 25, 20, 15]", "[10, 30, 25, 20, 1]")))
        .violations();
    assertEquals(1, v.size(), v.toString());
    assertEquals("tables[1].columns[1].weighted_by.shares", v.get(0).path());
    assertTrue(v.get(0).rule().contains("none of this plan's 12 products has category "), v.toString());
    assertTrue(v.get(0).fix().contains("share of 0") && v.get(0).fix().contains("more rows"), v.toString());
  }

  @Test
  void sharesAsFractionsOrAsAListInValueOrderAreTheSame() throws Exception {
    Plan percent = draft(TARGETS);
    Plan fractions = draft("{\"column\": \"category\", \"shares\": {\"Electronics\": 0.35, \"Clothing\": 0.25, "
        + "\"Home\": 0.2, \"Sports\": 0.12, \"Toys\": 0.08}}");
    Plan list = draft("{\"column\": \"category\", \"shares\": [35, 25, 20, 12, 8]}");
    Column w = column(percent, "products", "category_weight");
    assertEquals(w.gen(), column(fractions, "products", "category_weight").gen());
    assertEquals(w.gen(), column(list, "products", "category_weight").gen());
  }

  @Test
  void everyProblemOfTheSharesIsReportedAtOnce() {
    List<Violation> v = problems("{\"column\": \"category\", \"shares\": {\"Electronics\": 35, \"clothing\": 25, "
        + "\"Home\": -1, \"Sports\": 12, \"Toys\": 8}}");
    assertEquals(3, v.size(), v.toString());
    assertEquals("tables[1].columns[1].weighted_by.shares.clothing", v.get(0).path());
    assertTrue(v.get(0).fix().contains("did you mean 'Clothing'"), v.toString());
    assertEquals("tables[1].columns[1].weighted_by.shares.Home", v.get(1).path());
    assertTrue(v.get(2).rule().contains("no share for Clothing"), v.toString());

    List<Violation> sum = problems("{\"column\": \"category\", \"shares\": [35, 25, 20, 12, 18]}");
    assertEquals(1, sum.size(), sum.toString());
    assertTrue(sum.get(0).rule().contains("sum to 110, not 100"), sum.toString());
  }

  @Test
  void aShareForAValueNoParentHasIsRefusedWithAFix() {
    List<Violation> v = assertThrows(PlanException.class, () -> DrafterTest.draft(SHOP.replace("WB", TARGETS)
        .replace("[10, 30, 25, 20, 15]", "[10, 30, 25, 20, 0]"))).violations();
    assertEquals(1, v.size(), v.toString());
    assertEquals("tables[1].columns[1].weighted_by.shares.Toys", v.get(0).path());
    assertTrue(v.get(0).rule().contains("no products are Toys"), v.toString());
    assertTrue(v.get(0).fix().contains("set_weights") && v.get(0).fix().contains("share of 0"), v.toString());
  }

  @Test
  void sharesNeedAValuesColumnAndExcludeWeightsAndUnknownFieldsAreNamed() {
    List<Violation> both = problems("{\"column\": \"category\", \"weights\": {\"Toys\": 2}, \"shares\": [35, 25, 20, "
        + "12, 8], \"shars\": 1}");
    assertEquals(2, both.size(), both.toString());
    assertEquals("tables[1].columns[1].weighted_by.shars", both.get(0).path());
    assertTrue(both.get(0).fix().contains("column, weights, shares"), both.toString());
    assertTrue(both.get(1).rule().contains("weights or shares, not both"), both.toString());

    List<Violation> notValues = problems("{\"column\": \"product_id\", \"shares\": {\"1\": 100}}");
    assertEquals(1, notValues.size(), notValues.toString());
    assertTrue(notValues.get(0).rule().contains("products.product_id is not a values column"), notValues.toString());
  }

  private static String manyValues(int n) {
    StringBuilder values = new StringBuilder();
    StringBuilder shares = new StringBuilder();
    for (int i = 0; i < n; i++) {
      values.append(i == 0 ? "" : ", ").append("\"category number ").append(i).append('"');
      shares.append(i == 0 ? "" : ", ").append(100.0 / n);
    }
    return SHOP.replace("WB", "{\"column\": \"category\", \"shares\": [" + shares + "]}")
        .replace("[\"Electronics\", \"Clothing\", \"Home\", \"Sports\", \"Toys\"]", "[" + values + "]")
        .replace("\"weights\": [10, 30, 25, 20, 15]", "\"note\": \"equally likely\"");
  }

  @Test
  void manyValuesKeepTheNoteShortAndAnExpressionOverItsLimitIsRefusedUpFront() throws Exception {
    Plan p = DrafterTest.draft(manyValues(60));
    String note = column(p, "sales", "product_id").note();
    assertTrue(note.length() < 800 && note.contains("… (60 values)"), note);
    List<Violation> v = assertThrows(PlanException.class, () -> DrafterTest.draft(manyValues(400)
        .replace("\"rows\": 1000", "\"rows\": 60000"))).violations();
    assertEquals(1, v.size(), v.toString());
    assertEquals("tables[1].columns[1].weighted_by", v.get(0).path());
    assertTrue(v.get(0).rule().contains("over the 4,000 an expression may have"), v.toString());
  }

  @Test
  void describedSkewsTakeShares() throws Exception {
    Plan p = DrafterTest.draft(replaceLast(SHOP.replace(", \"weighted_by\": WB", ""), "]}]}", "]}],\n"
        + "\"skews\": [{\"table\": \"sales\", \"column\": \"product_id\", \"by\": \"category\", \"shares\": "
        + "[35, 25, 20, 12, 8]}]}"));
    assertEquals(new FkDistribution.Weighted("category_weight", java.util.Map.of("Electronics", 35.0, "Clothing", 25.0, "Home", 20.0,
        "Sports", 12.0, "Toys", 8.0)),
        ((ColumnGen.ForeignKey) column(p, "sales", "product_id").gen()).distribution());
  }

  @Test
  void revisingTheSharesRewritesTheKeysOwnWeightAndKeepsOneNote() throws Exception {
    Plan p = draft("{\"column\": \"category\", \"weights\": {\"Electronics\": 5}}");
    Plan q = Revisions.apply(p, DrafterTest.JSON.readTree("[{\"op\": \"set_relationship\", \"table\": \"sales\", "
        + "\"column\": \"product_id\", \"references\": \"products\", \"weighted_by\": " + TARGETS + "}]"),
        new HashSet<>(Dictionaries.standard().names()));
    String expr = ((ColumnGen.Expression) column(q, "products", "category_weight").gen()).expr();
    assertFalse(expr.contains("THEN 5.0"), "the old weight is replaced: " + expr);
    assertTrue(q.table("products").orElseThrow().column("category_weight_2").isEmpty());
    assertEquals(0.35, predicted(q).byCategory().get(0).childShare(), 1e-5);
    String note = column(q, "sales", "product_id").note();
    assertEquals(1, note.split("weighted by", -1).length - 1, note);
    assertTrue(note.contains("to give shares"), note);
  }

  @Test
  void twoKeysWeightedDifferentlyByOneColumnKeepTheirOwnWeights() throws Exception {
    Plan p = DrafterTest.draft(replaceLast(SHOP.replace("WB", TARGETS), "]}]}", "]},\n"
        + "{\"name\": \"returns\", \"rows\": 500, \"primary_key\": \"return_id\", \"columns\": ["
        + "{\"name\": \"return_id\", \"type\": \"bigint\", \"strategy\": \"sequence\"},"
        + "{\"name\": \"product_id\", \"references\": \"products\", \"weighted_by\": "
        + "{\"column\": \"category\", \"weights\": {\"Toys\": 9}}}]}]}"));
    assertEquals(new FkDistribution.Weighted("category_weight", java.util.Map.of("Electronics", 35.0, "Clothing", 25.0, "Home", 20.0,
        "Sports", 12.0, "Toys", 8.0)),
        ((ColumnGen.ForeignKey) column(p, "sales", "product_id").gen()).distribution());
    assertEquals(new FkDistribution.Weighted("category_weight_2"),
        ((ColumnGen.ForeignKey) column(p, "returns", "product_id").gen()).distribution());
  }
}
