package io.synthgen.random;

import java.nio.charset.StandardCharsets;

/**
 * XXH64 exactly as Spark's {@code xxhash64} computes it: {@link #hashLong} is XXH64 over the 8 little-endian bytes
 * of a long, {@link #hashInt} over 4 bytes, {@link #hashBytes} over a byte string. Spark's
 * {@code xxhash64(a, b)} is {@code hashX(b, hashX(a, 42))}: each argument's hash seeds the next.
 */
public final class XxHash64 {

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  /** The seed Spark's {@code xxhash64} function starts from. */
  public static final long SPARK_SEED = 42L;

  private XxHash64() {
  }

  public static long hashLong(long input, long seed) {
    long h = seed + P5 + 8L;
    h ^= Long.rotateLeft(input * P2, 31) * P1;
    h = Long.rotateLeft(h, 27) * P1 + P4;
    return fmix(h);
  }

  /**
   * The part of {@link #hashLong} that depends on the input alone: {@code hashLong(input, seed)} equals
   * {@code hashPremixed(premix(input), seed)}, so a stream hashing one fixed input under many seeds computes it once.
   */
  public static long premix(long input) {
    return Long.rotateLeft(input * P2, 31) * P1;
  }

  /** {@link #hashLong} of the input whose {@link #premix} is given. */
  public static long hashPremixed(long premixed, long seed) {
    long h = (seed + P5 + 8L) ^ premixed;
    h = Long.rotateLeft(h, 27) * P1 + P4;
    return fmix(h);
  }

  public static long hashInt(int input, long seed) {
    long h = seed + P5 + 4L;
    h ^= (input & 0xFFFFFFFFL) * P1;
    h = Long.rotateLeft(h, 23) * P2 + P3;
    return fmix(h);
  }

  public static long hashString(String s, long seed) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return hashBytes(b, 0, b.length, seed);
  }

  public static long hashBytes(byte[] b, int off, int len, long seed) {
    int end = off + len;
    int i = off;
    long h;
    if (len >= 32) {
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      int limit = end - 32;
      do {
        v1 = round(v1, le64(b, i));
        v2 = round(v2, le64(b, i + 8));
        v3 = round(v3, le64(b, i + 16));
        v4 = round(v4, le64(b, i + 24));
        i += 32;
      } while (i <= limit);
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = seed + P5;
    }
    h += len;
    while (i + 8 <= end) {
      h ^= round(0, le64(b, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
      i += 8;
    }
    if (i + 4 <= end) {
      h ^= (le32(b, i) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    while (i < end) {
      h ^= (b[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
      i++;
    }
    return fmix(h);
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long merge(long acc, long val) {
    acc ^= round(0, val);
    return acc * P1 + P4;
  }

  private static long fmix(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long le64(byte[] b, int i) {
    return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
        | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
  }

  private static int le32(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
  }
}
