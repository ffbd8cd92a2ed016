package io.synthgen.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.column.Instants;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch k of append tables: continued keys, fresh values, times inside window k, a pure function of k. */
class AppendSlicesTest {

  private static final ResolvedPlan PLAN = SeriesPlans.resolved();
  private static final long DAY = Instants.MICROS_PER_DAY;

  @TempDir
  Path dir;

  private static Map<String, Batch> batch(long k) {
    Map<String, Batch> out = new TreeMap<>();
    for (TableSource s : Batches.batch(PLAN, k)) {
      out.put(s.name(), s.chunk(0, (int) s.rows()));
    }
    return out;
  }

  private static long[] longs(Batch b, String column) {
    LongVec v = (LongVec) b.vectors().get(b.names().indexOf(column));
    long[] out = new long[b.size()];
    System.arraycopy(v.values, 0, out, 0, b.size());
    return out;
  }

  private static Vec vec(Batch b, String column) {
    return b.vectors().get(b.names().indexOf(column));
  }

  @Test
  void staticTablesAreWrittenWithBatchZeroOnly() {
    assertEquals(List.of("devices", "readings", "orders", "items", "device_logs"),
        Batches.batch(PLAN, 0).stream().map(TableSource::name).toList());
    assertEquals(List.of("readings", "orders", "items", "device_logs"),
        Batches.batch(PLAN, 3).stream().map(TableSource::name).toList());
    assertEquals(Set.of("readings", "orders", "items", "device_logs"),
        PLAN.tables().stream().filter(ResolvedTable::appends).map(ResolvedTable::name).collect(Collectors.toSet()),
        "a per_parent child of an append parent appends too");
  }

  @Test
  void keysOfConsecutiveBatchesAreDisjointAndContiguous() {
    Map<String, Batch> b0 = batch(0);
    Map<String, Batch> b1 = batch(1);
    for (String[] key : new String[][] {{"readings", "reading_id"}, {"orders", "order_id"}, {"items", "item_id"},
        {"device_logs", "log_id"}}) {
      long[] k0 = longs(b0.get(key[0]), key[1]);
      long[] k1 = longs(b1.get(key[0]), key[1]);
      assertTrue(k0.length > 0 && k0.length == k1.length, key[0]);
      for (int i = 0; i < k0.length; i++) {
        assertEquals(1 + i, k0[i], key[0] + " batch 0");
        assertEquals(1 + k0.length + i, k1[i], key[0] + " batch 1 continues batch 0");
      }
    }
  }

  @Test
  void randomColumnsShareNoValuesBetweenBatches() {
    DoubleVec v0 = (DoubleVec) vec(batch(0).get("readings"), "value");
    DoubleVec v1 = (DoubleVec) vec(batch(1).get("readings"), "value");
    Set<Double> first = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      first.add(v0.values[i]);
    }
    for (int i = 0; i < 500; i++) {
      assertFalse(first.contains(v1.values[i]), "value " + v1.values[i] + " repeats batch 0's");
    }
    Set<Long> codes = new HashSet<>();
    long[] c0 = longs(batch(0).get("device_logs"), "code");
    long[] c1 = longs(batch(1).get("device_logs"), "code");
    for (long c : c0) {
      codes.add(c);
    }
    long shared = java.util.Arrays.stream(c1).filter(codes::contains).count();
    assertTrue(shared <= 2, shared + " of " + c1.length + " codes repeat (1 in 1,000,000 each by chance)");
  }

  @Test
  void advanceColumnsMoveIntoTheBatchWindowAndExpressionsFollow() {
    long start = PLAN.windowStartMicros(0);
    assertEquals(Set.of("reading_ts", "reading_date"), PLAN.table("readings").advance(), "reading_day is an "
        + "expression, installed a lookup: neither is a range column");
    assertEquals(Set.of(), PLAN.table("devices").advance(), "install_date spans years");
    for (long k = 0; k < 5; k++) {
      Batch r = batch(k).get("readings");
      long[] ts = longs(r, "reading_ts");
      long[] day = longs(r, "reading_day");
      for (int i = 0; i < ts.length; i++) {
        assertTrue(ts[i] >= start + k * DAY && ts[i] < start + (k + 1) * DAY, "batch " + k + " row " + i);
        assertEquals(Math.floorDiv(ts[i], DAY), day[i], "the expression reads the shifted time");
      }
      long[] date = longs(r, "reading_date");
      long[] wave = longs(r, "wave");
      for (int i = 0; i < date.length; i++) {
        assertEquals(Math.floorDiv(start, DAY) + k, date[i], "a date moves by whole days");
        assertEquals(k, wave[i], "batch() is the batch of the slice");
      }
      long[] installed = longs(r, "installed");
      Batch devices = batch(0).get("devices");
      long[] ids = longs(devices, "device_id");
      long[] dates = longs(devices, "install_date");
      long[] dev = longs(r, "device_id");
      for (int i = 0; i < dev.length; i++) {
        assertTrue(dev[i] >= 1000 && dev[i] < 1040, "a static parent's keys");
        assertEquals(dates[(int) (dev[i] - ids[0])], installed[i], "a static parent's lookup is not shifted");
      }
    }
  }

  @Test
  void childrenOfAnAppendParentFollowTheirParentsBatch() {
    for (long k = 0; k < 3; k++) {
      Map<String, Batch> b = batch(k);
      long[] orderIds = longs(b.get("orders"), "order_id");
      long[] orderTs = longs(b.get("orders"), "order_ts");
      long[] counts = longs(b.get("orders"), "items");
      long[] totals = longs(b.get("orders"), "total");
      Map<Long, Long> ts = new TreeMap<>();
      Map<Long, long[]> seen = new TreeMap<>();
      for (int i = 0; i < orderIds.length; i++) {
        ts.put(orderIds[i], orderTs[i]);
        seen.put(orderIds[i], new long[2]);
      }
      Batch items = b.get("items");
      long[] parent = longs(items, "order_id");
      long[] itemTs = longs(items, "order_ts");
      long[] qty = longs(items, "qty");
      for (int i = 0; i < parent.length; i++) {
        assertTrue(ts.containsKey(parent[i]), "item of batch " + k + " belongs to an order of batch " + k);
        assertEquals(ts.get(parent[i]), itemTs[i], "a lookup of an append parent reads its shifted time");
        seen.get(parent[i])[0]++;
        seen.get(parent[i])[1] += qty[i];
      }
      for (int i = 0; i < orderIds.length; i++) {
        assertEquals(counts[i], seen.get(orderIds[i])[0], "count of order " + orderIds[i]);
        assertEquals(totals[i], seen.get(orderIds[i])[1], "sum of order " + orderIds[i]);
      }
    }
  }

  @Test
  void anAppendChildOfAStaticParentRepeatsItsLayoutWithNewRows() {
    Batch l0 = batch(0).get("device_logs");
    Batch l2 = batch(2).get("device_logs");
    assertArrayEquals(longs(l0, "device_id"), longs(l2, "device_id"), "the same devices, the same counts");
    long[] t2 = longs(l2, "logged_at");
    long start = PLAN.windowStartMicros(2);
    for (long t : t2) {
      assertTrue(t >= start && t < start + DAY, "logged_at inside window 2");
    }
  }

  @Test
  void aBatchComputedAloneEqualsItComputedAfterOthers() throws Exception {
    WriterOptions options = WriterOptions.parquetZstd();
    Engine engine = new Engine(2, 64);
    Path alone = dir.resolve("alone");
    engine.run(Batches.batch(PLAN, 3), alone, options, Progress.NONE, new Cancellation(), null);
    ResolvedPlan again = SeriesPlans.resolved();
    for (long k : new long[] {0, 1, 2, 4}) {
      new Engine(1, 100).run(Batches.batch(again, k), dir.resolve("b" + k), options, Progress.NONE,
          new Cancellation(), null);
    }
    Path after = dir.resolve("after");
    new Engine(1, 64).run(Batches.batch(again, 3), after, options, Progress.NONE, new Cancellation(), null);
    for (String t : List.of("readings", "orders", "items", "device_logs")) {
      assertArrayEquals(Files.readAllBytes(alone.resolve(t + ".parquet")),
          Files.readAllBytes(after.resolve(t + ".parquet")), t);
      assertFalse(java.util.Arrays.equals(Files.readAllBytes(alone.resolve(t + ".parquet")),
          Files.readAllBytes(dir.resolve("b2").resolve(t + ".parquet"))), t + " differs between batches");
    }
  }

  @Test
  void batchesOutsideTheSeriesAreRefusedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Batches.batch(PLAN, 5));
    assertTrue(e.getMessage().contains("0..4"), e.getMessage());
    ResolvedPlan plain = Plans.resolve(Plans.read(SeriesPlans.document()));
    e = assertThrows(IllegalArgumentException.class, () -> Batches.batch(plain, 1));
    assertTrue(e.getMessage().contains("\"series\""), e.getMessage());
    assertEquals(5, Batches.batch(plain, 0).size(), "batch 0 of a plan without series is the plan");
  }
}
