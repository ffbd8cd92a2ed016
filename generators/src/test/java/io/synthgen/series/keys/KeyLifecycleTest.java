package io.synthgen.series.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.random.Stream;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyLifecycleTest {

  private static final Stream STREAM = Stream.root(42).child("customers.feed");

  @Test
  void lastFeasibleBatchInClosedForm() {
    assertEquals(Long.MAX_VALUE, life(100_000, 500, 300, 100).lastFeasibleBatch());
    assertEquals(Long.MAX_VALUE, life(100, 5, 95, 5).lastFeasibleBatch()); // A = D, L_b = 95 forever
    assertEquals(0, life(100, 5, 96, 5).lastFeasibleBatch()); // batch 1 lacks a key
    assertEquals(0, life(10, 0, 0, 11).lastFeasibleBatch());
    assertEquals(10, life(100, 0, 0, 10).lastFeasibleBatch()); // deletes everything by batch 10
    assertEquals(9, life(100, 0, 5, 10).lastFeasibleBatch()); // batch 10 would leave 0 live for 5 updates
    // N + (b-1)A - bD >= U: 1000 + 99(b-1) - 100b >= 1  <=>  b <= 900.
    assertEquals(900, life(1000, 99, 1, 100).lastFeasibleBatch());
  }

  @Test
  void theSeriesStopsAtTheKeyAndVersionBounds() {
    KeyLifecycle appendsOnly = life(1L << 61, 1L << 40, 0, 0);
    assertEquals(Long.MAX_VALUE, appendsOnly.lastFeasibleBatch());
    assertEquals(1L << 21, appendsOnly.lastBatchWithinBounds()); // N + bA <= 2^62
    assertEquals(1L << 21, appendsOnly.lastBatch());
    long last = appendsOnly.appendedKey(1L << 21, (1L << 40) - 1);
    assertEquals(KeyLifecycle.MAX_KEYS - 1, last);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> appendsOnly.op((1L << 21) + 1, 0));
    assertTrue(e.getMessage().contains("the last batch is " + (1L << 21)) && e.getMessage().contains("2^62"),
        e.getMessage());

    KeyLifecycle updatesOnly = life(1L << 40, 0, 1L << 30, 0);
    assertEquals(1L << 32, updatesOnly.lastBatch()); // b·U <= 2^62
    assertEquals(Long.MAX_VALUE, updatesOnly.versionRow(1L << 32, (1L << 30) - 1));
    assertEquals(Long.MAX_VALUE, life(7, 0, 0, 0).lastBatch());
  }

  @Test
  void refusesBadShapesAndInfeasibleBatches() {
    assertThrows(IllegalArgumentException.class, () -> life(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> life((1L << 62) + 1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> life(10, -1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> life(10, 1L << 61, 1L << 61, 1));
    KeyLifecycle shrinking = life(100, 0, 0, 10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shrinking.deletedKey(11, 0));
    assertTrue(e.getMessage().contains("batch 11 is infeasible") && e.getMessage().contains("last batch is 10"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> shrinking.updatedKey(0, 0));
    assertThrows(IllegalArgumentException.class, () -> shrinking.deletedKey(1, 10));
    assertThrows(IllegalArgumentException.class, () -> shrinking.row(0, ChangeKind.DELETE, 0));
    assertThrows(IllegalArgumentException.class, () -> shrinking.insertBatch(100)); // A = 0: no key 100
    assertThrows(IllegalArgumentException.class, () -> shrinking.lastVersion(5, 12));
    assertThrows(IllegalArgumentException.class, () -> life(100, 10, 0, 0).lastVersion(105, 1));
  }

  @Test
  void withoutDeletesNoKeyIsEverDeleted() {
    KeyLifecycle life = life(50, 5, 5, 0);
    for (long key = 0; key < 100; key++) {
      assertEquals(KeyLifecycle.NEVER, life.deleteBatch(key));
      assertEquals(-1, life.deleteOrdinal(key));
      assertFalse(life.history(key, 12).deleted());
    }
  }

  @Test
  void customersAtFullScaleOnSamples() {
    // customers: 100,000 rows, batches of 10,000 changes at 50/30/10.
    OperationCounts counts = OperationCounts.of(50, 30, 10, 10_000);
    KeyLifecycle life = KeyLifecycle.of(STREAM, 100_000, counts);
    assertEquals(new OperationCounts(5_556, 3_333, 1_111), counts);
    assertEquals(Long.MAX_VALUE, life.lastFeasibleBatch());
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 2_000; i++) {
      long b = 1 + random.nextLong(1_000_000);
      long t = random.nextLong(10_000);
      Op op = life.op(b, t);
      assertEquals(t, life.row(b, op.kind(), op.ordinal()));
      assertTrue(life.insertBatch(op.key()) <= b);
      switch (op.kind()) {
        case APPEND -> assertEquals(b, life.insertBatch(op.key()));
        case UPDATE -> {
          assertEquals(op.ordinal(), life.updateOrdinal(b, op.key()));
          assertTrue(life.deleteBatch(op.key()) > b);
          assertTrue(life.insertBatch(op.key()) < b);
        }
        case DELETE -> {
          assertEquals(b, life.deleteBatch(op.key()));
          assertTrue(life.insertBatch(op.key()) < b);
          assertEquals(-1, life.updateOrdinal(b, op.key()));
        }
      }
    }
  }

  @Test
  void updatesOfABatchAreDistinctAndReachAcrossCohorts() {
    KeyLifecycle life = life(100_000, 5_556, 3_333, 1_111);
    long b = 50;
    Set<Long> keys = new HashSet<>();
    Set<Long> cohorts = new HashSet<>();
    for (long j = 0; j < 3_333; j++) {
      long key = life.updatedKey(b, j);
      assertTrue(keys.add(key), "key updated twice: " + key);
      cohorts.add(life.insertBatch(key));
    }
    // Live keys of batch 50 come from the base load and 49 cohorts; 3,333 draws reach almost all of them.
    assertTrue(cohorts.size() > 40, "updates hit only " + cohorts.size() + " cohorts");
    assertTrue(cohorts.contains(0L));
  }

  @Test
  void historiesOfAHugeTableCostOneStepPerBatch() {
    KeyLifecycle life = life(1L << 40, 1L << 20, 1L << 30, 1L << 20);
    long key = 123_456_789L;
    History h = life.history(key, 2_000);
    assertEquals(ChangeKind.APPEND, h.events().get(0).kind());
    // Each batch updates 2^30 of about 2^40 live keys: about 2 updates in 2,000 batches.
    for (History.Event e : h.events().subList(1, h.events().size())) {
      assertEquals(ChangeKind.UPDATE, e.kind());
      assertEquals(key, life.updatedKey(e.batch(), e.ordinal()));
      assertEquals(e.row(), life.row(e.batch(), ChangeKind.UPDATE, e.ordinal()));
    }
    assertEquals(h.events().get(h.events().size() - 1).valuesRow(), life.lastVersion(key, 2_001).valuesRow());
  }

  @Test
  void deterministicAndKeyedByTheStream() {
    KeyLifecycle a = life(10_000, 100, 300, 100);
    KeyLifecycle again = new KeyLifecycle(Stream.root(42).child("customers.feed"), 10_000, 100, 300, 100);
    KeyLifecycle other = new KeyLifecycle(Stream.root(43).child("customers.feed"), 10_000, 100, 300, 100);
    int differ = 0;
    for (long t = 0; t < 500; t++) {
      assertEquals(a.op(3, t), again.op(3, t));
      differ += a.op(3, t).equals(other.op(3, t)) ? 0 : 1;
    }
    assertTrue(differ > 450, "seeds 42 and 43 agree on " + (500 - differ) + " of 500 rows");
    assertNotEquals(a.deletedKey(1, 0), other.deletedKey(1, 0));
  }

  private static KeyLifecycle life(long n, long a, long u, long d) {
    return new KeyLifecycle(STREAM, n, a, u, d);
  }
}
