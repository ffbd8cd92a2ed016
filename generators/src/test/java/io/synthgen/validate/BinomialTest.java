package io.synthgen.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The acceptance bound refuses only counts whose exact binomial tail is below the false-failure probability. */
class BinomialTest {

  private static final double[] SHARES = {0.001, 0.01, 0.05, 0.1, 0.3, 0.5, 0.85, 0.99};

  /** P(X = k) for X ~ Binomial(n, p), through logarithms of the factorials. */
  private static double pmf(int n, int k, double p) {
    double logC = 0;
    for (int i = 1; i <= k; i++) {
      logC += Math.log(n - k + i) - Math.log(i);
    }
    return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
  }

  @Test
  void everyRefusedCountIsOneAValidRunAlmostNeverProduces() {
    for (int n = 1; n <= 120; n++) {
      for (double p : SHARES) {
        double below = 0;
        double[] cdf = new double[n + 1];
        for (int k = 0; k <= n; k++) {
          below += pmf(n, k, p);
          cdf[k] = below;
        }
        for (int k = 0; k <= n; k++) {
          double atMost = cdf[k];
          double atLeast = 1 - (k == 0 ? 0 : cdf[k - 1]);
          double tail = Math.min(atMost, atLeast);
          if (!Binomial.accepts(k, n, p, 1, Binomial.Side.BOTH)) {
            assertTrue(tail < Binomial.FALSE_FAILURE_PROBABILITY, "refused " + k + " of " + n + " at p=" + p
                + " though its tail is " + tail);
          }
        }
      }
    }
  }

  @Test
  void oneRowNeverFailsAShareStrictlyBetweenZeroAndOne() {
    for (double p : SHARES) {
      assertTrue(Binomial.accepts(0, 1, p, 1, Binomial.Side.BOTH), "0 of 1 at " + p);
      assertTrue(Binomial.accepts(1, 1, p, 1, Binomial.Side.BOTH), "1 of 1 at " + p);
    }
  }

  @Test
  void impossibleAndClearlyWrongCountsFail() {
    assertFalse(Binomial.accepts(1, 1, 0, 1, Binomial.Side.BOTH), "a share of 0 contradicted by one row");
    assertFalse(Binomial.accepts(9, 10, 1, 1, Binomial.Side.BOTH), "a share of 1 contradicted by one row");
    assertFalse(Binomial.accepts(450, 1000, 0.3, 2, Binomial.Side.BOTH), "45% where the plan says 30%");
    assertFalse(Binomial.accepts(30, 1000, 0.1, 1, Binomial.Side.LOW_ONLY), "3% nulls where at least 10% are due");
    assertTrue(Binomial.accepts(900, 1000, 0.1, 1, Binomial.Side.LOW_ONLY), "more nulls than the own rate: derived");
    assertFalse(Binomial.accepts(5_100_000, 10_000_000, 0.5, 1, Binomial.Side.BOTH), "51% of ten million at 50%");
  }
}
