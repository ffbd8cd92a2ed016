package io.synthgen.draft.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.draft.predict.Predictions.CategorySpread;
import io.synthgen.draft.predict.Predictions.ColumnShares;
import io.synthgen.draft.predict.Predictions.KeySpread;
import io.synthgen.draft.predict.Predictions.Method;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analytic formulas of the predictions, the method each figure says, and the bounds on what is listed. */
class PredictorTest {

  private static final String ID = "{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": \"sequence\"}";
  private static final String TIER = "{\"name\": \"tier\", \"type\": \"string\", \"strategy\": \"values\", "
      + "\"values\": [\"Free\", \"Pro\", \"Enterprise\"], \"weights\": [60, 30, 10]}";
  private static final String TIER_WEIGHT = "{\"name\": \"tier_weight\", \"type\": \"double\", \"strategy\": "
      + "\"expression\", \"omit\": true, \"expr\": \"CASE tier WHEN 'Free' THEN 1.0 WHEN 'Pro' THEN 2.0 "
      + "WHEN 'Enterprise' THEN 5.0 ELSE 1.0 END\"}";

  private static String parent(long rows, String... columns) {
    List<String> cols = new ArrayList<>(List.of(ID));
    cols.addAll(List.of(columns));
    return Plans.table("customers", rows, cols.toArray(new String[0]))
        .replace("\"rows\"", "\"primary_key\": \"id\", \"rows\"");
  }

  private static String child(long rows, String distribution, double nullRate) {
    return Plans.table("orders", rows, ID, "{\"name\": \"customer_id\", \"type\": \"bigint\", \"strategy\": "
        + "\"foreign_key\", \"references\": \"customers.id\", \"null_rate\": " + nullRate + ", \"distribution\": "
        + distribution + "}");
  }

  private static KeySpread key(ResolvedPlan plan) {
    return Predictor.predict(plan).foreignKeys().get(0);
  }

  @Test
  void weightedColumnSharesAreTheNormalisedWeightsTimesTheNonNullRate() {
    ResolvedPlan plan = Plans.single(1000, ID,
        "{\"name\": \"a\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"x\", \"y\"], "
            + "\"weights\": [3, 1], \"null_rate\": 0.2}",
        "{\"name\": \"b\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"x\", \"y\"]}",
        "{\"name\": \"c\", \"type\": \"string\", \"strategy\": \"values\", \"values\": [\"x\", \"y\"], "
            + "\"weights\": [1, 1], \"omit\": true}");
    Predictions p = Predictor.predict(plan);
    assertEquals(1, p.columns().size(), "equal weights and hidden columns are not predicted: " + p.columns());
    ColumnShares a = p.columns().get(0);
    assertEquals("a", a.column());
    assertEquals(0.6, a.shares().get(0).share(), 1e-12, "0.8 * 3/4");
    assertEquals(0.2, a.shares().get(1).share(), 1e-12, "0.8 * 1/4");
    assertEquals(600, a.shares().get(0).rows(), 1e-9);
    assertEquals(0.2, a.nullShare(), 1e-12);
    assertEquals(Method.ANALYTIC, a.method());
  }

  @Test
  void manyValuesListTheMostFrequentAndSumTheRest() {
    StringBuilder values = new StringBuilder();
    StringBuilder weights = new StringBuilder();
    for (int i = 1; i <= 15; i++) {
      values.append(i == 1 ? "" : ", ").append('"').append("v").append(i).append('"');
      weights.append(i == 1 ? "" : ", ").append(i);
    }
    ResolvedPlan plan = Plans.single(100, "{\"name\": \"a\", \"type\": \"string\", \"strategy\": \"values\", "
        + "\"values\": [" + values + "], \"weights\": [" + weights + "]}");
    ColumnShares a = Predictor.predict(plan).columns().get(0);
    assertEquals(Predictor.MAX_CATEGORIES, a.shares().size());
    assertEquals("v8", a.shares().get(0).value(), "the 8 most frequent, in plan order");
    assertEquals(7, a.otherValues());
    assertEquals((1 + 2 + 3 + 4 + 5 + 6 + 7) / 120.0, a.otherShare(), 1e-12);
  }

  @Test
  void uniformKeySpreadsItsNonNullRowsEvenly() {
    KeySpread k = key(Plans.resolve(Plans.document(1, parent(200) + "," + child(1000, "{\"type\": \"uniform\"}",
        0.1))));
    assertEquals(900, k.keyedRows(), 1e-9);
    assertEquals(4.5, k.childrenPerParent(), 1e-12);
    assertEquals(Method.ANALYTIC, k.method());
    assertTrue(k.byCategory().isEmpty() && k.top().isEmpty());
  }

  @Test
  void weightedKeyOverALargeParentIsAnalyticFromTheCategorySharesAndWeights() {
    long n = Predictor.EXACT_PARENT_ROWS * 2;
    KeySpread k = key(Plans.resolve(Plans.document(3, parent(n, TIER, TIER_WEIGHT) + "," + child(340_000,
        "{\"type\": \"weighted\", \"by\": \"tier_weight\"}", 0))));
    assertEquals(Method.ANALYTIC, k.method());
    assertEquals("tier", k.category());
    assertEquals(0, k.sampleRows());
    double sum = 0.6 * 1 + 0.3 * 2 + 0.1 * 5;
    double[] w = {1, 2, 5};
    double[] s = {0.6, 0.3, 0.1};
    for (int i = 0; i < 3; i++) {
      CategorySpread c = k.byCategory().get(i);
      assertEquals(s[i] * n, c.parents(), 1e-6);
      assertEquals(s[i] * w[i] / sum, c.childShare(), 1e-12, c.value());
      assertEquals(340_000 * w[i] / (n * sum), c.childrenPerParent(), 1e-9, c.value() + ": R w / (N sum(s w))");
    }
    assertEquals(List.of("Free", "Pro", "Enterprise"), k.byCategory().stream().map(CategorySpread::value).toList());
    // the top 1 % are all Enterprise (10 % of the parents): 0.01 * 5 / 1.7 of the weight
    assertEquals(0.01 * 5 / sum, k.top().get(0).childShare(), 1e-12);
    assertEquals(0.10 * 5 / sum, k.top().get(1).childShare(), 1e-12);
  }

  @Test
  void weightedKeyOverASmallParentIsExactOverEveryParentRow() {
    KeySpread k = key(Plans.resolve(Plans.document(3, parent(3000, TIER, TIER_WEIGHT) + "," + child(9000,
        "{\"type\": \"weighted\", \"by\": \"tier_weight\"}", 0.25))));
    assertEquals(Method.EXACT, k.method());
    assertEquals(3000, k.sampleRows());
    double parents = 0;
    double children = 0;
    double share = 0;
    for (CategorySpread c : k.byCategory()) {
      assertEquals(c.parents(), Math.rint(c.parents()), 1e-9, "whole parents: " + c);
      parents += c.parents();
      children += c.parents() * c.childrenPerParent();
      share += c.childShare();
    }
    assertEquals(3000, parents, 1e-9);
    assertEquals(9000 * 0.75, children, 1e-6, "every non-NULL key goes to some category");
    assertEquals(1, share, 1e-12);
    CategorySpread free = k.byCategory().get(0);
    CategorySpread ent = k.byCategory().get(2);
    assertEquals(5, ent.childrenPerParent() / free.childrenPerParent(), 1e-9, "per parent, in the ratio of weights");
  }

  @Test
  void aValuesColumnWeighsByItselfAndANumericWeightHasNoCategory() {
    KeySpread self = key(Plans.resolve(Plans.document(3, parent(500, "{\"name\": \"w\", \"type\": \"int\", "
        + "\"strategy\": \"values\", \"values\": [1, 4], \"weights\": [1, 1]}") + "," + child(1000,
        "{\"type\": \"weighted\", \"by\": \"w\"}", 0))));
    assertEquals("w", self.category());
    assertEquals(List.of("1", "4"), self.byCategory().stream().map(CategorySpread::value).toList());
    assertEquals(4, self.byCategory().get(1).childrenPerParent() / self.byCategory().get(0).childrenPerParent(),
        1e-9);

    KeySpread numeric = key(Plans.resolve(Plans.document(3, parent(500, "{\"name\": \"w\", \"type\": \"double\", "
        + "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"lognormal\", \"mu\": 0, \"sigma\": 1.5}}")
        + "," + child(1000, "{\"type\": \"weighted\", \"by\": \"w\"}", 0))));
    assertNull(numeric.category());
    assertTrue(numeric.byCategory().isEmpty());
    assertEquals(2, numeric.top().size());
    assertTrue(numeric.top().get(1).childShare() > 0.3, "the heaviest 10 % of lognormal(0, 1.5) weights: "
        + numeric.top());
  }

  @Test
  void aBooleanCategoryOfALargeParentIsAnalyticToo() {
    long n = Predictor.EXACT_PARENT_ROWS * 2;
    KeySpread k = key(Plans.resolve(Plans.document(3, parent(n, "{\"name\": \"vip\", \"type\": \"boolean\", "
        + "\"strategy\": \"boolean\", \"probability\": 0.2}", "{\"name\": \"w\", \"type\": \"double\", "
        + "\"strategy\": \"expression\", \"expr\": \"CASE WHEN vip THEN 4.0 ELSE 1.0 END\"}") + "," + child(1000,
        "{\"type\": \"weighted\", \"by\": \"w\"}", 0))));
    assertEquals(Method.ANALYTIC, k.method());
    assertEquals("vip", k.category());
    assertEquals(List.of("true", "false"), k.byCategory().stream().map(CategorySpread::value).toList());
    assertEquals(0.5, k.byCategory().get(0).childShare(), 1e-12, "0.2 * 4 / (0.2 * 4 + 0.8)");
  }

  @Test
  void categoriesThatGetAlmostNoChildrenAreListedTogetherInTheText() {
    String weight = "{\"name\": \"w\", \"type\": \"double\", \"strategy\": \"expression\", \"expr\": "
        + "\"CASE WHEN tier = 'Enterprise' THEN 1.0 ELSE 1e-9 END\"}";
    Predictions p = Predictor.predict(Plans.resolve(Plans.document(3, parent(1000, TIER, weight) + "," + child(5000,
        "{\"type\": \"weighted\", \"by\": \"w\"}", 0))));
    String text = PredictionText.markdown(p);
    assertTrue(text.contains("Free, Pro customers: almost none (each under 0.01% of orders)"), text);
    assertTrue(text.contains("Enterprise customers: "), text);
  }

  @Test
  void zipfConcentrationIsTheHarmonicRatio() {
    KeySpread k = key(Plans.resolve(Plans.document(3, parent(1000) + "," + child(5000,
        "{\"type\": \"zipf\", \"exponent\": 1.0}", 0))));
    assertEquals(ZipfShares.harmonic(10, 1) / ZipfShares.harmonic(1000, 1), k.top().get(0).childShare(), 1e-12);
    assertEquals(ZipfShares.harmonic(100, 1) / ZipfShares.harmonic(1000, 1), k.top().get(1).childShare(), 1e-12);
  }

  @Test
  void pastTheLimitSkewedKeysArePredictedBeforeUniformOnes() {
    List<String> cols = new ArrayList<>(List.of(ID));
    for (int i = 0; i < Predictor.MAX_FOREIGN_KEYS; i++) {
      cols.add("{\"name\": \"u" + i + "\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", "
          + "\"references\": \"customers.id\"}");
    }
    cols.add("{\"name\": \"z\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", \"references\": "
        + "\"customers.id\", \"distribution\": {\"type\": \"zipf\", \"exponent\": 1.2}}");
    cols.add("{\"name\": \"w\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", \"references\": "
        + "\"customers.id\", \"distribution\": {\"type\": \"weighted\", \"by\": \"tier_weight\"}}");
    Predictions p = Predictor.predict(Plans.resolve(Plans.document(3, parent(100, TIER, TIER_WEIGHT) + ","
        + Plans.table("orders", 10, cols.toArray(new String[0])))));
    List<String> names = p.foreignKeys().stream().map(KeySpread::column).toList();
    assertEquals(Predictor.MAX_FOREIGN_KEYS, names.size());
    assertTrue(names.contains("z") && names.contains("w"), names.toString());
    assertEquals("w", names.get(names.size() - 1), "listed in plan order");
    assertEquals(2, p.foreignKeysLeftOff());
  }

  @Test
  void keysPastTheLimitAreCountedAsLeftOffAndJsonSaysHowFiguresWereMade() {
    List<String> cols = new ArrayList<>(List.of(ID));
    for (int i = 0; i < Predictor.MAX_FOREIGN_KEYS + 3; i++) {
      cols.add("{\"name\": \"c" + i + "\", \"type\": \"bigint\", \"strategy\": \"foreign_key\", \"references\": "
          + "\"customers.id\", \"distribution\": {\"type\": \"weighted\", \"by\": \"tier_weight\"}}");
    }
    ResolvedPlan plan = Plans.resolve(Plans.document(3, parent(100, TIER, TIER_WEIGHT) + ","
        + Plans.table("orders", 10, cols.toArray(new String[0]))));
    Predictions p = Predictor.predict(plan);
    assertEquals(Predictor.MAX_FOREIGN_KEYS, p.foreignKeys().size());
    assertEquals(3, p.foreignKeysLeftOff());
    JsonNode j = PredictionJson.of(p);
    assertEquals(3, j.path("left_off").path("foreign_keys").asInt());
    JsonNode k = j.path("foreign_keys").get(0);
    assertEquals("exact", k.path("method").asText());
    assertEquals(100, k.path("sample_rows").asLong());
    assertEquals("tier", k.path("category").asText());
    assertEquals(3, k.path("by_category").size());
    assertFalse(PredictionText.markdown(p).isEmpty());
    assertTrue(PredictionText.markdown(p).contains("… and 3 more"), PredictionText.markdown(p));
  }
}
