package io.synthgen.profile.stats;

/**
 * A blocked Bloom filter of 2^{@link io.synthgen.profile.ProfileLimits#BLOOM_BITS_LOG2} bits: each value sets
 * {@link #PROBES} bits of one 64-bit word chosen by its hash, so an add or a lookup touches one cache line instead
 * of four (the filter is consulted on every row of a large column). Filters of the same size compare bitwise: when
 * every bit of a child's filter is set in a parent's, every child value may be a parent value (false positives as
 * in a lookup). {@link #forRate} sizes one for a number of values and a false-positive rate instead.
 */
public final class BloomFilter {

  static final int PROBES = 4;
  /** The smallest filter: one word. */
  static final int MIN_BITS_LOG2 = 6;
  /** The largest filter: 2^30 words (8 GiB; a Java array holds fewer than 2^31 longs). */
  static final int MAX_BITS_LOG2 = 36;
  private final long[] words;
  private final int wordMask;
  private long repeats;
  private long added;

  public BloomFilter(int bitsLog2) {
    if (bitsLog2 < MIN_BITS_LOG2 || bitsLog2 > MAX_BITS_LOG2) {
      throw new IllegalArgumentException("a Bloom filter has 2^" + MIN_BITS_LOG2 + " to 2^" + MAX_BITS_LOG2 + " bits, not 2^" + bitsLog2);
    }
    words = new long[1 << (bitsLog2 - 6)];
    wordMask = words.length - 1;
  }

  /**
   * The smallest filter whose {@link #falsePositiveRate} after {@code capacity} different values is at most
   * {@code rate} (sizes are powers of two, so the rate when full is usually well under it).
   */
  public static BloomFilter forRate(long capacity, double rate) {
    for (int bitsLog2 = MIN_BITS_LOG2; bitsLog2 <= MAX_BITS_LOG2; bitsLog2++) {
      if (rate(capacity, 1L << (bitsLog2 - 6)) <= rate) {
        return new BloomFilter(bitsLog2);
      }
    }
    throw new IllegalArgumentException("no Bloom filter of at most 2^" + MAX_BITS_LOG2 + " bits holds " + capacity
        + " values at a false-positive rate of " + rate + "; allow a higher rate or fewer values");
  }

  private static long bits(long h) {
    // four 6-bit positions from the hash's low 24 bits (the word index comes from the high bits)
    return (1L << (h & 63)) | (1L << ((h >>> 6) & 63)) | (1L << ((h >>> 12) & 63)) | (1L << ((h >>> 18) & 63));
  }

  private int word(long h) {
    return (int) (h >>> 32) & wordMask;
  }

  /** Adds a hash; counts it as a probable repeat when all its bits were already set. */
  public void add(long h) {
    int i = word(h);
    long b = bits(h);
    long w = words[i];
    if ((w & b) == b) {
      repeats++;
    } else {
      words[i] = w | b;
    }
    added++;
  }

  public boolean mightContain(long h) {
    long b = bits(h);
    return (words[word(h)] & b) == b;
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

  /**
   * The false-positive rate of a lookup after {@code distinct} different values: a word holds Poisson(λ = n / words)
   * values, each setting up to 4 of its 64 bits, and a lookup's 4 bits must all be set; computed from the mean
   * fill of a word (an estimate a little under the true rate, which the Poisson spread of word loads raises).
   */
  public double falsePositiveRate(long distinct) {
    return rate(distinct, words.length);
  }

  private static double rate(long distinct, long words) {
    double lambda = (double) distinct / words;
    double fill = 1 - Math.exp(-PROBES * lambda / 64.0);
    return Math.pow(fill, PROBES) * 1.5;
  }

  /**
   * An upper bound on the repeats false positives explain when {@code distinct} different values were added one by
   * one: the false-positive rate only grows as the filter fills, so their sum is at most
   * {@code distinct * rate(distinct)}.
   */
  public double expectedFalseRepeats(long distinct) {
    return distinct * falsePositiveRate(distinct);
  }

  /** The filter's size in bits. */
  long bits() {
    return words.length * 64L;
  }

  public long added() {
    return added;
  }
}
