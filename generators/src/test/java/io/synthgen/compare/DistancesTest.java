package io.synthgen.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistancesTest {

  @Test
  void ksIsTheLargestGapBetweenTheEmpiricalCdfs() {
    assertEquals(0, Distances.ks(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    assertEquals(1, Distances.ks(new double[] {1, 2}, new double[] {3, 4}), 1e-12);
    assertEquals(0.5, Distances.ks(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}), 1e-12);
    assertEquals(0.25, Distances.ks(new double[] {1, 1, 2, 2}, new double[] {1, 2, 2, 2}), 1e-12, "ties");
    assertTrue(Double.isNaN(Distances.ks(new double[] {Double.NaN}, new double[] {1})));
  }

  @Test
  void tvdIsHalfTheSumOfShareDifferences() {
    String[] a = {"x", "x", "y", null};
    String[] b = {"x", "y", "y", "z"};
    // a: x 2/3, y 1/3; b: x 1/4, y 1/2, z 1/4 -> (5/12 + 1/6 + 1/4) / 2
    assertEquals((5.0 / 12 + 1.0 / 6 + 0.25) / 2, Distances.tvd(a, b), 1e-12);
    assertEquals(0, Distances.tvd(new String[] {"a", "b"}, new String[] {"b", "a"}), 1e-12);
  }

  @Test
  void pearsonUsesRowsWhereBothAreNumbers() {
    double[] x = {1, 2, 3, 4, Double.NaN};
    double[] y = {2, 4, 6, 8, 100};
    assertEquals(1, Distances.pearson(x, y), 1e-12);
    assertEquals(-1, Distances.pearson(x, new double[] {8, 6, 4, 2, 0}), 1e-12);
    assertTrue(Double.isNaN(Distances.pearson(x, new double[] {5, 5, 5, 5, 5})), "constant");
  }
}
