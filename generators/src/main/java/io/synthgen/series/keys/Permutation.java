package io.synthgen.series.keys;

import io.synthgen.random.Stream;
import io.synthgen.random.XxHash64;

/**
 * A keyed bijection of {@code [0, n)} with its inverse, for any {@code 1 <= n <= }{@link #MAX_SIZE}: a balanced
 * Feistel network of {@link #ROUNDS} rounds on the smallest even bit width {@code w >= log2(n)} (at least 2), plus
 * cycle walking (re-encrypt until the value falls below n). Since {@code 2^w < 4n}, a call costs fewer than four
 * passes of the network on average, whatever n.
 *
 * <p>Round r maps the halves {@code (L, R)} to {@code (R, L xor F_r(R))} with {@code F_r(R)} the low {@code w/2}
 * bits of Spark's {@code xxhash64(k_r, R)}, i.e. {@code XxHash64.hashLong(R, XxHash64.hashLong(k_r, 42))}, where
 * {@code k_r} is the key of {@code stream.draw(r)}. Everything is a closed form over 64-bit hashes, so a SQL
 * executor can compute the same permutation; the cycle walk is a bounded loop there too (see {@link #MAX_WALK}).
 *
 * <p>Immutable and thread-safe; deterministic in (stream key, n).
 */
public final class Permutation {

  /** The largest domain: keys and positions of a change feed stay below 2^62. */
  public static final long MAX_SIZE = 1L << 62;

  /** Rounds of the Feistel network (Luby–Rackoff: four rounds of a pseudo-random function give a strong PRP). */
  public static final int ROUNDS = 4;

  /**
   * Passes of the network after which a walk that has not landed in {@code [0, n)} is reported as a failure. The
   * chance that one value needs more than k passes is below {@code (3/4)^k}; this bound is never reached in
   * practice, it only keeps a bug from becoming an endless loop.
   */
  public static final int MAX_WALK = 4_096;

  private final long size;
  private final int halfBits;
  private final long halfMask;
  private final long[] roundSeeds = new long[ROUNDS];

  private Permutation(long key, long size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "a permutation needs 1 <= n <= 2^62 (" + MAX_SIZE + "), got n = " + size);
    }
    this.size = size;
    int bits = size == 1 ? 1 : 64 - Long.numberOfLeadingZeros(size - 1);
    int width = Math.max(2, bits + (bits & 1));
    this.halfBits = width / 2;
    this.halfMask = (1L << halfBits) - 1;
    for (int r = 0; r < ROUNDS; r++) {
      long roundKey = XxHash64.hashLong(r, key);
      roundSeeds[r] = XxHash64.hashLong(roundKey, XxHash64.SPARK_SEED);
    }
  }

  /** The permutation of {@code [0, n)} keyed by a stream. */
  public static Permutation of(Stream stream, long n) {
    return new Permutation(stream.key(), n);
  }

  /**
   * The index-th permutation of a family, keyed by {@code family.bitsAt(index)} (Spark's
   * {@code xxhash64(index, familyKey)}): one per batch or cohort without building a stream per index.
   */
  public static Permutation indexed(Stream family, long index, long n) {
    return new Permutation(family.bitsAt(index), n);
  }

  public long size() {
    return size;
  }

  /** The image of x, for {@code 0 <= x < n}. */
  public long apply(long x) {
    check(x);
    long v = x;
    for (int pass = 0; pass < MAX_WALK; pass++) {
      v = encrypt(v);
      if (v < size) {
        return v;
      }
    }
    throw new IllegalStateException("cycle walk did not end for x = " + x + ", n = " + size);
  }

  /** The preimage of y, for {@code 0 <= y < n}: {@code inverse(apply(x)) == x}. */
  public long inverse(long y) {
    check(y);
    long v = y;
    for (int pass = 0; pass < MAX_WALK; pass++) {
      v = decrypt(v);
      if (v < size) {
        return v;
      }
    }
    throw new IllegalStateException("cycle walk did not end for y = " + y + ", n = " + size);
  }

  private void check(long x) {
    if (x < 0 || x >= size) {
      throw new IllegalArgumentException("value " + x + " is outside the permutation's domain [0, " + size + ")");
    }
  }

  private long encrypt(long v) {
    long left = v >>> halfBits;
    long right = v & halfMask;
    for (int r = 0; r < ROUNDS; r++) {
      long next = left ^ (XxHash64.hashLong(right, roundSeeds[r]) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }

  private long decrypt(long v) {
    long left = v >>> halfBits;
    long right = v & halfMask;
    for (int r = ROUNDS - 1; r >= 0; r--) {
      long previous = right ^ (XxHash64.hashLong(left, roundSeeds[r]) & halfMask);
      right = left;
      left = previous;
    }
    return (left << halfBits) | right;
  }
}
