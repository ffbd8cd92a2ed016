package io.synthgen.column;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.distribution.AliasTable;
import org.junit.jupiter.api.Test;

/** Weights read from a parent column always make an alias table that spreads children by their ratios. */
class ForeignKeyWeightsTest {

  @Test
  void weightsWhoseSumOverflowsKeepTheirRatios() {
    double[] w = ForeignKeyGen.finite(new double[] {1e308, 1e308, 5e307, Double.NaN});
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    assertTrue(Double.isFinite(sum), "the sum is finite");
    assertEquals(0.5, w[2] / w[0], 1e-12);
    assertEquals(0, w[3], "NaN weighs nothing");
    AliasTable t = new AliasTable(w);
    int[] hits = new int[4];
    for (int i = 0; i < 10_000; i++) {
      hits[t.sample((i + 0.5) / 10_000)]++;
    }
    assertEquals(0, hits[3]);
    assertEquals(4_000, hits[0], 200);
    assertEquals(2_000, hits[2], 200);
  }

  @Test
  void ordinaryWeightsAreKeptAsTheyAre() {
    double[] w = {1, 2.5, 0, 7};
    assertArrayEquals(new double[] {1, 2.5, 0, 7}, ForeignKeyGen.finite(w.clone()));
    assertEquals(Double.MAX_VALUE, ForeignKeyGen.finite(new double[] {Double.POSITIVE_INFINITY, 1})[0],
        "an infinite value weighs the largest double");
  }
}
