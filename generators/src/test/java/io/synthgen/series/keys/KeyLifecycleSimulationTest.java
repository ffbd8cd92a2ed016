package io.synthgen.series.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.random.Stream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Replays batches 0..K with a set of live keys, the way a table applying the feed would, and checks every closed
 * form of {@link KeyLifecycle} against it.
 */
class KeyLifecycleSimulationTest {

  /** Batches replayed when the table never runs out. */
  private static final int MAX_REPLAYED = 40;

  /** A shrinking table is replayed up to its first failure when that comes by this batch. */
  private static final int MAX_REPLAYED_TO_FAILURE = 400;

  @Test
  void randomShapesIncludingShrinkingTables() {
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 150; i++) {
      long n = 1 + random.nextLong(random.nextBoolean() ? 40 : 400);
      long a = random.nextInt(8) == 0 ? 0 : random.nextLong(25);
      long u = random.nextInt(8) == 0 ? 0 : random.nextLong(25);
      long d = random.nextInt(8) == 0 ? 0 : random.nextLong(25);
      simulate(i, n, a, u, d);
    }
  }

  @Test
  void edgeShapes() {
    simulate(1, 1, 0, 0, 0); // nothing ever changes
    simulate(2, 1, 1, 1, 1); // one key replaced per batch, and one updated
    simulate(3, 100, 10, 0, 0); // appends only
    simulate(4, 100, 0, 7, 0); // updates only
    simulate(5, 100, 0, 0, 3); // deletes only: 33 batches
    simulate(6, 100, 0, 5, 5); // shrinking with updates: last batch 9
    simulate(7, 50, 50, 50, 0); // every live key but the newest updated
    simulate(8, 10, 3, 4, 7); // D > A: runs out
    simulate(9, 5, 1, 3, 3); // N < D+U: only the full load
    simulate(10, 200, 30, 0, 31); // one more delete than appends
    simulate(11, 1000, 100, 300, 100); // the generic 50/30/10 shape at small scale
  }

  private static void simulate(long seed, long n, long a, long u, long d) {
    KeyLifecycle life = new KeyLifecycle(Stream.root(seed).child("t.feed"), n, a, u, d);
    String shape = "N=" + n + " A=" + a + " U=" + u + " D=" + d;
    long replay = life.lastFeasibleBatch() <= MAX_REPLAYED_TO_FAILURE ? life.lastFeasibleBatch() : MAX_REPLAYED;
    long m = a + u + d;
    Set<Long> live = new LinkedHashSet<>();
    Set<Long> everSeen = new HashSet<>();
    Map<Long, Version> version = new HashMap<>();
    Map<Long, List<History.Event>> history = new HashMap<>();
    OperationTimes times = new OperationTimes(Stream.root(seed).child("t.times"), 1_700_000_000_000_000L,
        OperationTimes.minimumIntervalMicros(Math.max(n, m)) + seed % 3);

    // Batch 0: the full load in key order.
    assertEquals(n, life.rows(0), shape);
    BatchKeys fullLoad = life.batch(0);
    for (long t = 0; t < n; t++) {
      Op op = life.op(0, t);
      assertEquals(new Op(ChangeKind.APPEND, t, t), op, shape);
      assertEquals(op, fullLoad.op(t), shape);
      assertEquals(t, fullLoad.row(ChangeKind.APPEND, t), shape);
      assertEquals(t, life.row(0, ChangeKind.APPEND, t), shape);
      assertEquals(0, life.insertBatch(t), shape);
      live.add(t);
      everSeen.add(t);
      version.put(t, new Version(ChangeKind.APPEND, 0, t, t));
      history.computeIfAbsent(t, k -> new ArrayList<>()).add(new History.Event(ChangeKind.APPEND, 0, t, t, t));
    }
    assertIncreasingInWindow(times, 0, n, shape);

    for (long b = 1; b <= replay; b++) {
      String at = shape + " batch " + b;
      assertTrue(live.size() >= d + u, at + ": simulator has " + live.size() + " live keys, needs " + (d + u));
      assertEquals(m, life.rows(b), at);
      assertEquals(n + (b - 1) * a - b * d, life.updatable(b), at);
      long[] counts = new long[3];
      Set<Long> deleted = new HashSet<>();
      Set<Long> updated = new HashSet<>();
      List<Op> ops = new ArrayList<>();
      BatchKeys view = life.batch(b);
      assertEquals(m, view.rows(), at);
      for (long t = 0; t < m; t++) {
        Op op = life.op(b, t);
        assertEquals(op, view.op(t), at + " batch view of row " + t);
        assertEquals(t, view.row(op.kind(), op.ordinal()), at);
        ops.add(op);
        counts[op.kind().ordinal()]++;
        assertEquals(t, life.row(b, op.kind(), op.ordinal()), at + " row of " + op);
        long key = op.key();
        switch (op.kind()) {
          case APPEND -> {
            assertEquals(n + (b - 1) * a + op.ordinal(), key, at);
            assertTrue(everSeen.add(key), at + ": APPEND of a key seen before: " + key);
            assertEquals(b, life.insertBatch(key), at);
            assertEquals(op.ordinal(), life.appendOrdinal(key), at);
            assertEquals(key, life.appendedKey(b, op.ordinal()), at);
          }
          case UPDATE -> {
            assertTrue(live.contains(key), at + ": UPDATE of a key not live: " + key);
            assertTrue(updated.add(key), at + ": key updated twice: " + key);
            assertEquals(key, life.updatedKey(b, op.ordinal()), at);
            assertEquals(op.ordinal(), life.updateOrdinal(b, key), at);
            assertEquals(key, view.updatedKey(op.ordinal()), at);
            assertEquals(op.ordinal(), view.updateOrdinal(key), at);
            assertEquals(version.get(key), life.lastVersion(key, b), at + " preimage of " + key);
          }
          case DELETE -> {
            assertTrue(live.contains(key), at + ": DELETE of a key not live: " + key);
            assertTrue(deleted.add(key), at + ": key deleted twice: " + key);
            assertEquals(key, life.deletedKey(b, op.ordinal()), at);
            assertEquals(b, life.deleteBatch(key), at);
            assertEquals(op.ordinal(), life.deleteOrdinal(key), at);
            assertEquals(version.get(key), life.lastVersion(key, b), at + " image of " + key);
          }
        }
      }
      assertEquals(a, counts[0], at + " APPENDs");
      assertEquals(u, counts[1], at + " UPDATEs");
      assertEquals(d, counts[2], at + " DELETEs");
      for (Long key : updated) {
        assertFalse(deleted.contains(key), at + ": key updated and deleted in one batch: " + key);
      }
      for (Long key : live) {
        if (!updated.contains(key)) {
          assertEquals(-1, life.updateOrdinal(b, key), at + ": updateOrdinal of a key not updated: " + key);
          assertEquals(-1, view.updateOrdinal(key), at);
        }
      }
      assertIncreasingInWindow(times, b, m, at);
      // Apply the batch.
      for (Op op : ops) {
        long key = op.key();
        long row = life.row(b, op.kind(), op.ordinal());
        switch (op.kind()) {
          case APPEND -> {
            live.add(key);
            version.put(key, new Version(ChangeKind.APPEND, b, op.ordinal(), key));
            history.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new History.Event(ChangeKind.APPEND, b, op.ordinal(), row, key));
          }
          case UPDATE -> {
            long valuesRow = (1L << 62) + (b - 1) * u + op.ordinal();
            assertEquals(valuesRow, life.versionRow(b, op.ordinal()), at);
            version.put(key, new Version(ChangeKind.UPDATE, b, op.ordinal(), valuesRow));
            history.get(key).add(new History.Event(ChangeKind.UPDATE, b, op.ordinal(), row, valuesRow));
          }
          case DELETE -> {
            live.remove(key);
            history.get(key).add(new History.Event(ChangeKind.DELETE, b, op.ordinal(), row,
                version.get(key).valuesRow()));
          }
        }
      }
    }

    long after = replay + 1;
    if (life.lastFeasibleBatch() == replay) {
      // The simulator's first failure is the next batch: fewer than D+U live keys are left.
      assertTrue(live.size() < d + u, shape + ": batch " + after + " has " + live.size() + " live keys");
      assertFalse(life.feasible(after), shape);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> life.op(after, 0));
      assertTrue(e.getMessage().contains("the last batch is " + replay), e.getMessage());
    } else {
      assertTrue(live.size() >= d + u, shape);
      assertEquals(a >= d, life.lastFeasibleBatch() == Long.MAX_VALUE, shape + ": lastFeasibleBatch "
          + life.lastFeasibleBatch());
    }
    for (Long key : everSeen) {
      History h = life.history(key, replay);
      assertEquals(history.get(key), h.events(), shape + " history of " + key);
      assertEquals(live.contains(key), h.live(), shape + " live " + key);
      assertEquals(version.get(key), life.lastVersion(key, replay + 1), shape + " last version of " + key);
      if (replay >= 1 && life.insertBatch(key) < replay) {
        History earlier = life.history(key, replay - 1);
        assertTrue(earlier.events().size() <= h.events().size(), shape);
        assertEquals(h.events().subList(0, earlier.events().size()), earlier.events(), shape);
      }
    }
    if (a > 0 && life.feasible(after)) {
      assertFalse(life.history(n + replay * a, replay).inserted(), shape + ": a key of batch " + after);
    }
  }

  private static void assertIncreasingInWindow(OperationTimes times, long b, long rows, String at) {
    long previous = Long.MIN_VALUE;
    for (long t = 0; t < rows; t++) {
      long time = times.time(b, t, rows);
      assertTrue(time > previous, at + ": time of row " + t + " is not after row " + (t - 1));
      assertTrue(time >= times.windowStart(b) && time < times.windowEnd(b), at + ": time outside the window");
      previous = time;
    }
  }
}
