package io.synthgen.series.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperationCountsTest {

  @Test
  void theGenericShapeSplitsExactly() {
    assertEquals(new OperationCounts(50, 30, 10), OperationCounts.of(50, 30, 10, 90));
    // Quotas 55.56, 33.33, 11.11: the one row left goes to the largest remainder, APPEND's.
    assertEquals(new OperationCounts(56, 33, 11), OperationCounts.of(50, 30, 10, 100));
    assertEquals(new OperationCounts(56, 33, 11), OperationCounts.of(0.5, 0.3, 0.1, 100));
    assertEquals(new OperationCounts(5_556, 3_333, 1_111), OperationCounts.of(50, 30, 10, 10_000));
  }

  @Test
  void tiesGoToAppendThenUpdateThenDelete() {
    assertEquals(new OperationCounts(1, 0, 0), OperationCounts.of(1, 1, 1, 1));
    assertEquals(new OperationCounts(1, 1, 0), OperationCounts.of(1, 1, 1, 2));
    assertEquals(new OperationCounts(0, 1, 0), OperationCounts.of(0, 1, 1, 1));
    assertEquals(new OperationCounts(0, 0, 1), OperationCounts.of(1, 1, 2, 1));
    assertEquals(new OperationCounts(0, 0, 0), OperationCounts.of(1, 1, 1, 0));
    assertEquals(new OperationCounts(0, 7, 0), OperationCounts.of(0, 3, 0, 7));
  }

  @Test
  void countsSumToTheRowsAndStayWithinOneOfTheQuota() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 5_000; i++) {
      double[] w = {random.nextInt(4) == 0 ? 0 : random.nextDouble(100), random.nextDouble(100),
          random.nextInt(4) == 0 ? 0 : random.nextDouble(100)};
      long rows = random.nextLong(i % 2 == 0 ? 1_000 : 1L << 62);
      OperationCounts c = OperationCounts.of(w[0], w[1], w[2], rows);
      assertEquals(rows, c.rows(), "rows");
      double sum = w[0] + w[1] + w[2];
      long[] counts = {c.appends(), c.updates(), c.deletes()};
      for (int k = 0; k < 3; k++) {
        double quota = rows * (w[k] / sum);
        assertTrue(Math.abs(counts[k] - quota) <= 1 + quota * 1e-12, "count " + counts[k] + " quota " + quota);
        if (w[k] == 0) {
          assertEquals(0, counts[k]);
        }
      }
    }
  }

  @Test
  void largeBatchesAreExactWhereADoubleWouldRound() {
    long rows = (1L << 62) - 1;
    OperationCounts c = OperationCounts.of(1, 1, 1, rows);
    // 2^62 - 1 = 3·q + 0 with q = (2^62 - 1)/3 exactly.
    assertEquals(new OperationCounts(rows / 3, rows / 3, rows / 3), c);
    OperationCounts d = OperationCounts.of(1, 1, 1, 1L << 62);
    assertEquals(new OperationCounts((1L << 62) / 3 + 1, (1L << 62) / 3, (1L << 62) / 3), d);
  }

  @Test
  void refusesBadWeightsAndRows() {
    assertThrows(IllegalArgumentException.class, () -> OperationCounts.of(-1, 1, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> OperationCounts.of(Double.NaN, 1, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> OperationCounts.of(Double.POSITIVE_INFINITY, 1, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> OperationCounts.of(0, 0, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> OperationCounts.of(1, 1, 1, -1));
    assertThrows(IllegalArgumentException.class, () -> OperationCounts.of(1, 1, 1, (1L << 62) + 1));
    assertThrows(IllegalArgumentException.class, () -> new OperationCounts(-1, 0, 0));
  }
}
