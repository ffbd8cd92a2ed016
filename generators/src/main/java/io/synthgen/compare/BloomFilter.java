package io.synthgen.compare;

/**
 * A Bloom filter over 128-bit row hashes (two 64-bit halves, probes by double hashing), sized for {@code capacity}
 * keys at false-positive rate {@code p}: {@code m = -n ln p / (ln 2)^2} bits and {@code k = m/n ln 2} probes.
 */
final class BloomFilter {

  private final long[] words;
  private final long bits;
  private final int probes;
  private long added;

  BloomFilter(long capacity, double p) {
    long m = (long) Math.ceil(-capacity * Math.log(p) / (Math.log(2) * Math.log(2)));
    this.words = new long[(int) Math.max(1, (m + 63) / 64)];
    this.bits = words.length * 64L;
    this.probes = Math.max(1, (int) Math.round((double) bits / capacity * Math.log(2)));
  }

  void add(long h1, long h2) {
    for (int i = 0; i < probes; i++) {
      long bit = Long.remainderUnsigned(h1 + i * h2, bits);
      words[(int) (bit >>> 6)] |= 1L << bit;
    }
    added++;
  }

  boolean mightContain(long h1, long h2) {
    for (int i = 0; i < probes; i++) {
      long bit = Long.remainderUnsigned(h1 + i * h2, bits);
      if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The false-positive rate for the keys added so far: {@code (1 - e^(-k n / m))^k}. */
  double falsePositiveRate() {
    return Math.pow(1 - Math.exp(-(double) probes * added / bits), probes);
  }
}
