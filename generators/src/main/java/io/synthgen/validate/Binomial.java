package io.synthgen.validate;

/**
 * Acceptance bounds for counts that a valid run draws independently per row (nulls, categories, booleans): a count
 * k of n rows with expected share p is refused only when a Chernoff bound puts the probability of a count that far
 * from n·p below {@link #FALSE_FAILURE_PROBABILITY}. The bound, exp(-n·D(k/n ‖ p)) with D the Kullback-Leibler
 * divergence of two Bernoulli shares, is never below the exact binomial tail, so a valid run fails a check with
 * probability under 1e-9 at every run size, tiny runs included (one row can never fail a share strictly between 0
 * and 1); a count that no valid run can produce (a share of 0 or 1 contradicted) always fails.
 */
final class Binomial {

  /** Upper bound of the chance that a check fails a valid run, shared by the shares one check tests. */
  static final double FALSE_FAILURE_PROBABILITY = 1e-9;

  /** Which deviations a check refuses. */
  enum Side { BOTH, LOW_ONLY }

  private static final int BISECTION_STEPS = 60;

  private Binomial() {
  }

  /** Whether {@code k} of {@code n} is a plausible count for share {@code p}; {@code tests} shares in one check. */
  static boolean accepts(long k, long n, double p, int tests, Side side) {
    if (n <= 0) {
      return true;
    }
    double q = (double) k / n;
    if (side == Side.LOW_ONLY && q >= p) {
      return true;
    }
    return n * divergence(q, p) <= limit(tests);
  }

  /** The lowest and highest accepted share at {@code n} rows (for messages). */
  static double[] interval(long n, double p, int tests, Side side) {
    double lo = edge(n, p, tests, 0, p);
    double hi = side == Side.LOW_ONLY ? 1 : edge(n, p, tests, 1, p);
    return new double[] {lo, hi};
  }

  /** Bisection between {@code far} (refused unless at p) and p (accepted) for the accepted share furthest from p. */
  private static double edge(long n, double p, int tests, double far, double near) {
    if (n * divergence(far, p) <= limit(tests)) {
      return far;
    }
    double refused = far;
    double accepted = near;
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = (refused + accepted) / 2;
      if (n * divergence(mid, p) <= limit(tests)) {
        accepted = mid;
      } else {
        refused = mid;
      }
    }
    return accepted;
  }

  private static double limit(int tests) {
    return Math.log(Math.max(1, tests) / FALSE_FAILURE_PROBABILITY);
  }

  /** D(q ‖ p) for Bernoulli shares, infinite when q is impossible under p. */
  static double divergence(double q, double p) {
    return term(q, p) + term(1 - q, 1 - p);
  }

  private static double term(double a, double b) {
    if (a <= 0) {
      return 0;
    }
    if (b <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return a * Math.log(a / b);
  }
}
