package io.synthgen.random;

/**
 * One independent stream of randomness: a 64-bit key derived from (plan seed, table, column, purpose). Its value at
 * a row is {@code xxhash64(row, key)} in Spark terms, i.e. {@code hashLong(key, hashLong(row, 42))}, so a SQL
 * executor can reproduce every draw. The row hash {@code hashLong(row, 42)} is shared by all streams of a row and
 * computed once per row by the engine ({@link #rowHash}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Stream {

  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private final long key;
  /** {@code XxHash64.premix(key)}: a row's bits cost one hash round and the finaliser. */
  private final long premixed;

  private Stream(long key) {
    this.key = key;
    this.premixed = XxHash64.premix(key);
  }

  /** The root stream of a plan. */
  public static Stream root(long planSeed) {
    return new Stream(XxHash64.hashLong(planSeed, XxHash64.SPARK_SEED));
  }

  /** A child stream, independent of this one and of children with other names. */
  public Stream child(String name) {
    return new Stream(XxHash64.hashString(name, key));
  }

  /** The k-th numbered child: the k-th draw of a cell that needs several. */
  public Stream draw(int k) {
    return new Stream(XxHash64.hashLong(k, key));
  }

  public long key() {
    return key;
  }

  /** The hash shared by every stream at a row: Spark's {@code xxhash64(row)}. */
  public static long rowHash(long row) {
    return XxHash64.hashLong(row, XxHash64.SPARK_SEED);
  }

  /** 64 random bits at a row, given that row's {@link #rowHash}. */
  public long bits(long rowHash) {
    return XxHash64.hashPremixed(premixed, rowHash);
  }

  /** 64 random bits at a row. */
  public long bitsAt(long row) {
    return bits(rowHash(row));
  }

  /** A uniform double in [0, 1) from the top 53 bits. */
  public double uniform(long rowHash) {
    return (bits(rowHash) >>> 11) * DOUBLE_UNIT;
  }

  public double uniformAt(long row) {
    return uniform(rowHash(row));
  }

  /** Converts 64 random bits to a uniform double in [0, 1). */
  public static double toUniform(long bits) {
    return (bits >>> 11) * DOUBLE_UNIT;
  }

  /**
   * A uniform long in [0, bound) as {@code floor(u * bound)} with u from {@link #toUniform}: exact for bound up to
   * 2^53 and expressible in SQL as {@code floor(u * n)}.
   */
  public static long below(long bits, long bound) {
    return (long) (toUniform(bits) * bound);
  }
}
