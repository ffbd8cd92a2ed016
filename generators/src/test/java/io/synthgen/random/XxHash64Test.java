package io.synthgen.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** XXH64 as Spark's xxhash64 computes it, checked against Spark's values and a textbook implementation. */
class XxHash64Test {

  @Test
  void matchesSparkXxhash64OfLongs() {
    // SELECT xxhash64(CAST(0 AS BIGINT)) in Spark
    assertEquals(-5252525462095825812L, XxHash64.hashLong(0, 42));
    assertEquals(-5252525462095825812L, Stream.rowHash(0));
    // xxhash64(0L, 42): the first argument's hash seeds the second (an int)
    assertEquals(3679457220061673043L, XxHash64.hashInt(42, XxHash64.hashLong(0, 42)));
  }

  @Test
  void aPremixedInputHashesAsTheInput() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      long input = r.nextLong();
      long seed = r.nextLong();
      assertEquals(XxHash64.hashLong(input, seed), XxHash64.hashPremixed(XxHash64.premix(input), seed));
    }
    assertEquals(XxHash64.hashLong(0, 42), XxHash64.hashPremixed(XxHash64.premix(0), 42));
  }

  @Test
  void referenceImplementationMatchesPublishedVectors() {
    // XXH64 test vectors from the xxHash repository (seed 0)
    assertEquals(0xEF46DB3751D8E999L, Reference.xxh64(new byte[0], 0));
    assertEquals(0xD24EC4F1A98C6E5BL, Reference.xxh64("a".getBytes(StandardCharsets.US_ASCII), 0));
    assertEquals(0x44BC2CF5AD770999L, Reference.xxh64("abc".getBytes(StandardCharsets.US_ASCII), 0));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 4, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 100, 1000})
  void hashBytesMatchesReference(int length) {
    byte[] b = bytes(length);
    for (long seed : new long[] {0, 42, -1, 0x9E3779B97F4A7C15L}) {
      assertEquals(Reference.xxh64(b, seed), XxHash64.hashBytes(b, 0, b.length, seed),
          "length " + length + " seed " + seed);
    }
    // an offset into a larger array reads the same bytes
    byte[] padded = new byte[length + 5];
    System.arraycopy(b, 0, padded, 3, length);
    assertEquals(Reference.xxh64(b, 42), XxHash64.hashBytes(padded, 3, length, 42));
  }

  @Test
  void hashLongAndHashIntAreXxh64OfTheirLittleEndianBytes() {
    long[] samples = {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789ABCDEFL};
    for (long v : samples) {
      byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
      for (long seed : new long[] {42, 7, -3}) {
        assertEquals(Reference.xxh64(b, seed), XxHash64.hashLong(v, seed), "long " + v);
      }
      byte[] i = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
      assertEquals(Reference.xxh64(i, 42), XxHash64.hashInt((int) v, 42), "int " + (int) v);
    }
  }

  @Test
  void hashStringIsHashOfUtf8() {
    String s = "Zoë's café №5";
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    assertEquals(Reference.xxh64(b, 42), XxHash64.hashString(s, 42));
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  /** XXH64 written directly from the specification, one stage at a time, using a ByteBuffer for lanes. */
  static final class Reference {
    static final long P1 = 0x9E3779B185EBCA87L;
    static final long P2 = 0xC2B2AE3D27D4EB4FL;
    static final long P3 = 0x165667B19E3779F9L;
    static final long P4 = 0x85EBCA77C2B2AE63L;
    static final long P5 = 0x27D4EB2F165667C5L;

    static long xxh64(byte[] input, long seed) {
      ByteBuffer in = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
      int len = input.length;
      long acc;
      if (len >= 32) {
        long[] v = {seed + P1 + P2, seed + P2, seed, seed - P1};
        while (in.remaining() >= 32) {
          for (int lane = 0; lane < 4; lane++) {
            v[lane] = round(v[lane], in.getLong());
          }
        }
        acc = Long.rotateLeft(v[0], 1) + Long.rotateLeft(v[1], 7) + Long.rotateLeft(v[2], 12)
            + Long.rotateLeft(v[3], 18);
        for (int lane = 0; lane < 4; lane++) {
          acc = (acc ^ round(0, v[lane])) * P1 + P4;
        }
      } else {
        acc = seed + P5;
      }
      acc += len;
      while (in.remaining() >= 8) {
        acc = Long.rotateLeft(acc ^ round(0, in.getLong()), 27) * P1 + P4;
      }
      if (in.remaining() >= 4) {
        acc = Long.rotateLeft(acc ^ (Integer.toUnsignedLong(in.getInt()) * P1), 23) * P2 + P3;
      }
      while (in.remaining() > 0) {
        acc = Long.rotateLeft(acc ^ (Byte.toUnsignedLong(in.get()) * P5), 11) * P1;
      }
      acc ^= acc >>> 33;
      acc *= P2;
      acc ^= acc >>> 29;
      acc *= P3;
      acc ^= acc >>> 32;
      return acc;
    }

    static long round(long acc, long lane) {
      return Long.rotateLeft(acc + lane * P2, 31) * P1;
    }
  }
}
