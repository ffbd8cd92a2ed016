package io.synthgen.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamTest {

  @Test
  void uniformIsInTheHalfOpenUnitIntervalAndFlat() {
    Stream s = Stream.root(42).child("t.c");
    int n = 200_000;
    int[] deciles = new int[10];
    double sum = 0;
    for (long r = 0; r < n; r++) {
      double u = s.uniformAt(r);
      assertTrue(u >= 0 && u < 1, "u = " + u);
      deciles[(int) (u * 10)]++;
      sum += u;
    }
    assertEquals(0.5, sum / n, 0.003);
    for (int d : deciles) {
      assertEquals(0.1, d / (double) n, 0.003);
    }
    assertEquals(0.0, Stream.toUniform(0));
    assertTrue(Stream.toUniform(-1L) < 1.0);
    assertEquals(1.0 - 0x1.0p-53, Stream.toUniform(-1L));
  }

  @Test
  void bitsAreSparksChainedXxhash64OfRowThenKey() {
    Stream s = Stream.root(7).child("orders.amount");
    for (long r : new long[] {0, 1, 12345, 1L << 40}) {
      assertEquals(XxHash64.hashLong(s.key(), XxHash64.hashLong(r, 42)), s.bitsAt(r));
      assertEquals(s.bitsAt(r), s.bits(Stream.rowHash(r)));
    }
    assertEquals(XxHash64.hashLong(7, 42), Stream.root(7).key());
    assertEquals(XxHash64.hashString("orders.amount", Stream.root(7).key()), s.key());
    assertEquals(XxHash64.hashLong(3, s.key()), s.draw(3).key());
  }

  @Test
  void childrenAndSeedsGiveDifferentStreams() {
    Stream root = Stream.root(42);
    assertNotEquals(root.child("a").key(), root.child("b").key());
    assertNotEquals(root.child("a").key(), Stream.root(43).child("a").key());
    assertNotEquals(root.child("a").draw(0).key(), root.child("a").draw(1).key());
    assertEquals(root.child("a").key(), Stream.root(42).child("a").key());
  }

  @Test
  void belowIsFloorOfUniformTimesBound() {
    Stream s = Stream.root(1).child("x");
    long[] counts = new long[7];
    for (long r = 0; r < 70_000; r++) {
      long bits = s.bitsAt(r);
      long k = Stream.below(bits, 7);
      assertEquals((long) Math.floor(Stream.toUniform(bits) * 7), k);
      counts[(int) k]++;
    }
    for (long c : counts) {
      assertEquals(10_000, c, 500);
    }
    assertEquals(0, Stream.below(-1L, 1));
  }
}
