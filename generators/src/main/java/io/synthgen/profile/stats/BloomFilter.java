package io.synthgen.profile.stats;

/**
 * A Bloom filter of 2^{@link io.synthgen.profile.ProfileLimits#BLOOM_BITS_LOG2} bits with 4 probes derived from one
 * 64-bit hash (double hashing). Filters of the same size compare bitwise: when every bit of a child's filter is set
 * in a parent's, every child value may be a parent value (false positives as in a lookup).
 */
public final class BloomFilter {

  static final int PROBES = 4;
  private final long[] words;
  private final int mask;
  private long repeats;
  private long added;

  public BloomFilter(int bitsLog2) {
    words = new long[1 << (bitsLog2 - 6)];
    mask = (1 << bitsLog2) - 1;
  }

  /** Adds a hash; counts it as a probable repeat when all its bits were already set. */
  public void add(long h) {
    int a = (int) h;
    int b = (int) (h >>> 32) | 1;
    boolean all = true;
    for (int i = 0; i < PROBES; i++) {
      int bit = (a + i * b) & mask;
      long w = words[bit >>> 6];
      long m = 1L << bit;
      if ((w & m) == 0) {
        all = false;
        words[bit >>> 6] = w | m;
      }
    }
    if (all) {
      repeats++;
    }
    added++;
  }

  public boolean mightContain(long h) {
    int a = (int) h;
    int b = (int) (h >>> 32) | 1;
    for (int i = 0; i < PROBES; i++) {
      int bit = (a + i * b) & mask;
      if ((words[bit >>> 6] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** True when every bit set here is set in {@code other} (same size). */
  public boolean subsetOf(BloomFilter other) {
    for (int i = 0; i < words.length; i++) {
      if ((words[i] & ~other.words[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Adds that found all their bits set already: repeats, or false positives. */
  public long repeats() {
    return repeats;
  }

  /** The false-positive rate of a lookup now: (1 - e^(-k n / m))^k for n distinct values added. */
  public double falsePositiveRate(long distinct) {
    double m = (double) mask + 1;
    return Math.pow(1 - Math.exp(-PROBES * distinct / m), PROBES);
  }

  /**
   * An upper bound on the repeats false positives explain when {@code distinct} different values were added one by
   * one: the false-positive rate only grows as the filter fills, so their sum is at most
   * {@code distinct * rate(distinct)}.
   */
  public double expectedFalseRepeats(long distinct) {
    return distinct * falsePositiveRate(distinct);
  }

  public long added() {
    return added;
  }
}
