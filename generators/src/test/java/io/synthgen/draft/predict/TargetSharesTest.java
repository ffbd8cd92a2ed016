package io.synthgen.draft.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weights for target shares: w_c = t_c / s_c, and the child shares those weights give. */
class TargetSharesTest {

  private static Map<String, Double> map(String[] keys, double... values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], values[i]);
    }
    return m;
  }

  private static final String[] CATS = {"Electronics", "Clothing", "Home", "Sports", "Toys"};

  @Test
  void weightsAreTargetOverParentShareWithMeanOne() {
    Map<String, Double> parents = map(CATS, 10, 30, 25, 20, 15);
    Map<String, Double> targets = map(CATS, 35, 25, 20, 12, 8);
    Map<String, Double> w = TargetShares.solve(parents, targets);
    assertEquals(3.5, w.get("Electronics"), 1e-12, "0.35 / 0.10");
    assertEquals(0.25 / 0.30, w.get("Clothing"), 1e-12);
    assertEquals(0.08 / 0.15, w.get("Toys"), 1e-12);
    double mean = 0;
    for (String c : CATS) {
      mean += parents.get(c) / 100 * w.get(c);
    }
    assertEquals(1.0, mean, 1e-12, "an average parent weighs 1, as the ELSE branch does");
    Map<String, Double> back = TargetShares.childShares(parents, w);
    for (String c : CATS) {
      assertEquals(targets.get(c) / 100, back.get(c), 1e-12, c);
    }
  }

  @Test
  void scalesOfPercentagesAndFractionsAreAcceptedAndOthersAreNot() {
    assertEquals(100, TargetShares.scale(99.6));
    assertEquals(100, TargetShares.scale(100.5));
    assertEquals(1, TargetShares.scale(0.996));
    assertTrue(Double.isNaN(TargetShares.scale(98)));
    assertTrue(Double.isNaN(TargetShares.scale(1.2)));
    Map<String, Double> w1 = TargetShares.solve(map(CATS, 1, 1, 1, 1, 1), map(CATS, 0.4, 0.2, 0.2, 0.1, 0.1));
    Map<String, Double> w100 = TargetShares.solve(map(CATS, 20, 20, 20, 20, 20), map(CATS, 40, 20, 20, 10, 10));
    assertEquals(w1, w100, "only the ratios matter");
  }

  @Test
  void zeroTargetsWeighZeroAndTargetsWithoutParentsAreRefused() {
    String[] abc = {"a", "b", "c"};
    Map<String, Double> w = TargetShares.solve(map(abc, 50, 50, 0), map(abc, 100, 0, 0));
    assertEquals(2.0, w.get("a"), 1e-12);
    assertEquals(0.0, w.get("b"));
    assertEquals(0.0, w.get("c"), "no parents and no target: weight 0");
    assertThrows(IllegalArgumentException.class, () -> TargetShares.solve(map(abc, 50, 50, 0), map(abc, 50, 40, 10)));
    assertThrows(IllegalArgumentException.class, () -> TargetShares.solve(map(abc, 1, 1, 1),
        map(new String[] {"a", "b"}, 50, 50)));
    assertThrows(IllegalArgumentException.class, () -> TargetShares.solve(map(abc, 1, 1, 1), map(abc, -1, 1, 1)));
  }
}
