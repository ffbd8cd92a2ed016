package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.engine.TableSource;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A brute-force replay of the plain and delta_cdf feeds 0..K (a map of live keys, latest operation wins) equals the
 * state after K for every K; UPDATEs and DELETEs hit live keys, APPENDs new ones; preimages and delete images are
 * the replay's current rows; unchanged columns keep the key's row; advance columns follow their version's batch.
 */
class FeedReplayTest {

  static final int BATCHES = 6;
  static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

  /** Every row of a source, read in random chunks. */
  static List<List<Object>> read(TableSource s, SplittableRandom r) {
    List<List<Object>> out = new ArrayList<>();
    long at = 0;
    while (at < s.rows()) {
      int n = (int) Math.min(s.rows() - at, 1 + r.nextInt(7));
      Batch b = s.chunk(at, n);
      assertEquals(n, b.size());
      assertEquals(s.columns().stream().map(c -> c.name()).toList(), b.names());
      for (int i = 0; i < n; i++) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < b.vectors().size(); c++) {
          row.add(b.vectors().get(c).get(i));
        }
        out.add(row);
      }
      at += n;
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(value = ChangeFeed.Format.class, names = {"PLAIN", "DELTA_CDF"})
  void replayOfFeedsEqualsTheStateAfterEveryBatch(ChangeFeed.Format format) {
    SplittableRandom r = new SplittableRandom(format.ordinal() + 11);
    Map<String, Integer> seen = new TreeMap<>();
    for (int trial = 0; trial < 12; trial++) {
      long rows = 1 + r.nextInt(30);
      ChangeFeed feed = FeedTestPlans.randomFeed(r, rows, format);
      Plan plan = FeedTestPlans.plan(100 + trial, rows, feed);
      ResolvedPlan p = FeedTestPlans.resolve(plan);
      ResolvedTable t = p.table("customers");
      FeedSpec spec = FeedSpec.of(p, t);
      int base = spec.baseColumns().size();
      int pk = 0;
      List<String> names = spec.baseColumns().stream().map(c -> c.name()).toList();
      TreeMap<Long, List<Object>> live = new TreeMap<>();
      Map<Long, List<Object>> inserted = new HashMap<>();
      TableEvaluator baseRows = TableEvaluator.range(p, t, 0, (int) rows);
      TableEvaluator regions = TableEvaluator.range(p, p.table("regions"), 0, 4);
      String what = "trial " + trial + " " + feed;
      for (int k = 0; k < BATCHES; k++) {
        TableSource f = FeedSources.feed(p, t, k);
        assertEquals(spec.name(), f.name());
        List<List<Object>> feedRows = read(f, r);
        KeyLifecycle life = spec.lifecycle();
        long updates = k == 0 ? 0 : life.updates();
        assertEquals(life.rows(k) + (format == ChangeFeed.Format.DELTA_CDF ? updates : 0), feedRows.size(), what);
        LocalDateTime last = null;
        for (int i = 0; i < feedRows.size(); i++) {
          List<Object> row = feedRows.get(i);
          List<Object> values = row.subList(0, base);
          Long key = (Long) values.get(pk);
          String op = (String) row.get(base);
          LocalDateTime when = (LocalDateTime) row.get(format == ChangeFeed.Format.PLAIN ? base + 1 : base + 2);
          assertTrue(!when.isBefore(START.plusDays(k)) && when.isBefore(START.plusDays(k + 1)), what);
          if (last != null) {
            boolean pre = "update_postimage".equals(op);
            assertTrue(pre ? !when.isBefore(last) : when.isAfter(last), what + ": times increase in a batch");
          }
          last = when;
          if (format == ChangeFeed.Format.DELTA_CDF) {
            assertEquals((long) k, row.get(base + 1));
          }
          seen.merge(op, 1, Integer::sum);
          // columns computed from others follow them in every image: lookups through the (changed) foreign key,
          // expressions over changed columns
          Object region = values.get(names.indexOf("region_id"));
          assertEquals(region == null ? null : regions.column("region").get((int) ((Long) region - 1)),
              values.get(names.indexOf("region_name")), what);
          Object score = values.get(names.indexOf("score"));
          assertEquals(new java.math.BigDecimal((Double) score * 3).setScale(2, java.math.RoundingMode.HALF_UP),
              values.get(names.indexOf("amount")), what);
          switch (op) {
            case "APPEND", "INSERT", "insert" -> {
              if (format == ChangeFeed.Format.PLAIN) {
                assertEquals(spec.appendName(), op);
              }
              assertFalse(live.containsKey(key), what + ": APPEND of an existing key " + key);
              assertFalse(inserted.containsKey(key), what + ": key " + key + " appended twice");
              live.put(key, values);
              inserted.put(key, values);
              assertAdvance(values, names, k, what);
            }
            case "update_preimage" -> assertEquals(live.get(key), values, what + ": preimage of " + key);
            case "UPDATE", "update_postimage" -> {
              assertTrue(live.containsKey(key), what + ": UPDATE of a key that is not live " + key);
              List<Object> ins = inserted.get(key);
              for (int c = 0; c < base; c++) {
                if (!spec.changed().contains(names.get(c))) {
                  assertEquals(ins.get(c), values.get(c), what + ": unchanged " + names.get(c) + " of " + key);
                  long keyRow = key - 1000;
                  if (keyRow < rows && !spec.advance().contains(names.get(c))) {
                    assertEquals(baseRows.column(names.get(c)).get((int) keyRow), values.get(c),
                        what + ": " + names.get(c) + " is the key's row");
                  }
                }
              }
              if (spec.changed().contains("event_ts")) {
                assertAdvance(values, names, k, what);
              }
              live.put(key, values);
            }
            case "DELETE", "delete" -> {
              assertEquals(live.get(key), values, what + ": a DELETE carries the key's last version " + key);
              live.remove(key);
            }
            default -> throw new AssertionError("operation " + op);
          }
        }
        List<List<Object>> state = read(FeedSources.state(p, t, k), r);
        assertEquals(new ArrayList<>(live.values()), state, what + ": state after " + k);
        assertEquals(StateSource.rows(life, k), state.size());
      }
    }
    // the random plans exercised every operation
    List<String> expected = format == ChangeFeed.Format.PLAIN ? List.of("DELETE", "UPDATE")
        : List.of("delete", "insert", "update_postimage", "update_preimage");
    for (String op : expected) {
      assertTrue(seen.getOrDefault(op, 0) > 20, op + " seen " + seen);
    }
  }

  /** A timestamp advance column made in batch b lies in its base range moved by b days. */
  static void assertAdvance(List<Object> values, List<String> names, long batch, String what) {
    Object ts = values.get(names.indexOf("event_ts"));
    LocalDateTime v = (LocalDateTime) ts;
    assertNotNull(v);
    assertTrue(!v.isBefore(START.plusDays(batch)) && v.isBefore(START.plusDays(batch + 1)),
        what + ": event_ts " + v + " made in batch " + batch);
  }

  @ParameterizedTest
  @EnumSource(value = ChangeFeed.Format.class, names = {"PLAIN"})
  void batchZeroIsTheBaseTableInKeyOrder(ChangeFeed.Format format) {
    ChangeFeed feed = new ChangeFeed(null, 10, ChangeFeed.Weights.GENERIC, null, format, null, null, null);
    ResolvedPlan p = FeedTestPlans.resolve(FeedTestPlans.plan(5, 50, feed));
    ResolvedTable t = p.table("customers");
    Batch b = FeedSources.feed(p, t, 0).chunk(0, 50);
    Batch expected = TableEvaluator.range(p, t, 0, 50).outputBatch();
    for (String c : expected.names()) {
      for (int i = 0; i < 50; i++) {
        assertEquals(expected.vector(c).get(i), b.vector(c).get(i), c + " row " + i);
      }
    }
    for (int i = 0; i < 50; i++) {
      assertEquals("APPEND", b.vector("operation").get(i));
    }
  }
}
