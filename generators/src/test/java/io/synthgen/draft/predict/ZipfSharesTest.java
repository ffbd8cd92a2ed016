package io.synthgen.draft.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The zipf concentration: H(k, s) / H(n, s), the harmonic number summed, then integrated past 100,000 terms. */
class ZipfSharesTest {

  private static double direct(long n, double s) {
    double sum = 0;
    for (long k = n; k >= 1; k--) {
      sum += Math.pow(k, -s);
    }
    return sum;
  }

  @Test
  void smallCasesAreTheHarmonicRatio() {
    assertEquals(6.0 / 11, ZipfShares.topShare(1, 3, 1.0), 1e-15, "1 / (1 + 1/2 + 1/3)");
    assertEquals(1.0, ZipfShares.topShare(3, 3, 1.0), 1e-15);
    assertEquals(1.0, ZipfShares.topShare(10, 3, 2.0), 1e-15, "k is capped at n");
    assertEquals(1.0 / 3, ZipfShares.topShare(1, 3, 1e-9), 1e-8, "an exponent near 0 is uniform");
  }

  @Test
  void theIntegratedTailMatchesTheDirectSum() {
    for (double s : new double[] {0.5, 1.0, 1.1, 2.0}) {
      long n = 400_000;
      assertEquals(direct(n, s), ZipfShares.harmonic(n, s), 1e-9 * direct(n, s), "s = " + s);
    }
  }

  @Test
  void billionsOfParentsCostNoMore() {
    double h = ZipfShares.harmonic(5_000_000_000L, 1.0);
    assertEquals(Math.log(5e9) + 0.5772156649, h, 1e-6, "H(n) ~ ln n + Euler's gamma");
  }
}
