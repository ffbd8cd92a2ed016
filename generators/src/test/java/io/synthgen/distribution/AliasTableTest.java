package io.synthgen.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synthgen.random.Stream;
import io.synthgen.testing.Stats;
import org.junit.jupiter.api.Test;

class AliasTableTest {

  @Test
  void sharesFollowTheWeights() {
    double[] w = {1, 2, 3, 0, 4, 0.5};
    AliasTable t = new AliasTable(w);
    double sum = 10.5;
    int n = 300_000;
    long[] counts = new long[w.length];
    Stream s = Stream.root(3).child("alias");
    for (long r = 0; r < n; r++) {
      counts[t.sample(s.uniformAt(r))]++;
    }
    for (int i = 0; i < w.length; i++) {
      assertEquals(w[i] / sum, t.share(i), 1e-12);
      assertEquals(w[i] / sum, counts[i] / (double) n, Stats.binomialTolerance(w[i] / sum, n), "index " + i);
    }
    assertEquals(0, counts[3], "a zero weight is never drawn");
  }

  @Test
  void aFineGridOfUniformsGivesExactShares() {
    double[] w = {5, 3, 2};
    AliasTable t = new AliasTable(w);
    int grid = 100_000;
    long[] counts = new long[3];
    for (int i = 0; i < grid; i++) {
      counts[t.sample((i + 0.5) / grid)]++;
    }
    assertEquals(50_000, counts[0], 2);
    assertEquals(30_000, counts[1], 2);
    assertEquals(20_000, counts[2], 2);
  }

  @Test
  void edgesAndErrors() {
    AliasTable one = new AliasTable(new double[] {7});
    assertEquals(0, one.sample(0));
    assertEquals(0, one.sample(Math.nextDown(1.0)));
    AliasTable two = new AliasTable(new double[] {0, 1});
    assertEquals(1, two.sample(0));
    assertEquals(1, two.sample(Math.nextDown(1.0)));
    assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, -1}));
    assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, Double.NaN}));
  }
}
