package io.synthgen.draft.predict;

/**
 * The share of a zipf foreign key's children that its most popular parents get. Rank k of n is chosen with
 * probability k^-s / H(n, s), so the top K ranks get H(K, s) / H(n, s), where H is the generalised harmonic number.
 * H is summed term by term up to {@value #DIRECT_TERMS} terms and beyond by the midpoint integral
 * (Euler-Maclaurin: the error is of order s (s+1) m^-(s+2) / 24 for m terms summed), so any n costs the same.
 */
final class ZipfShares {

  /** Terms of the harmonic number summed one by one; the rest is integrated. */
  static final int DIRECT_TERMS = 100_000;

  private ZipfShares() {
  }

  /** The share of the children the top {@code k} of {@code n} ranks get, for exponent {@code s > 0}. */
  static double topShare(long k, long n, double s) {
    if (n <= 0) {
      return 0;
    }
    long kk = Math.max(1, Math.min(k, n));
    return harmonic(kk, s) / harmonic(n, s);
  }

  /** H(n, s) = sum over k = 1..n of k^-s. */
  static double harmonic(long n, double s) {
    long m = Math.min(n, DIRECT_TERMS);
    double sum = 0;
    // smallest terms first, for accuracy
    for (long k = m; k >= 1; k--) {
      sum += Math.pow(k, -s);
    }
    if (n > m) {
      double a = m + 0.5;
      double b = n + 0.5;
      sum += Math.abs(s - 1) < 1e-12 ? Math.log(b / a) : (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
    }
    return sum;
  }
}
