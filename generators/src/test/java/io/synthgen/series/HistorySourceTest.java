package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SCD2 history after K is the replay's sequence of images of every key: contiguous ranges, one current row per
 * live key, deleted keys closed at the delete, ordered by key then effective_from.
 */
class HistorySourceTest {

  /** A version as the replay of the plain feeds sees it. */
  record Seen(List<Object> values, LocalDateTime from) {
  }

  @Test
  void historyIsTheReplaysVersionsWithContiguousRanges() {
    SplittableRandom r = new SplittableRandom(17);
    int closed = 0;
    int multi = 0;
    for (int trial = 0; trial < 10; trial++) {
      long rows = 1 + r.nextInt(30);
      ChangeFeed feed = FeedTestPlans.randomFeed(r, rows, ChangeFeed.Format.PLAIN);
      ResolvedPlan p = FeedTestPlans.resolve(FeedTestPlans.plan(300 + trial, rows, feed));
      ResolvedTable t = p.table("customers");
      FeedSpec spec = FeedSpec.of(p, t);
      int base = spec.baseColumns().size();
      TreeMap<Long, List<Seen>> versions = new TreeMap<>();
      TreeMap<Long, LocalDateTime> deletedAt = new TreeMap<>();
      for (int k = 0; k < FeedReplayTest.BATCHES; k++) {
        for (List<Object> row : FeedReplayTest.read(FeedSources.feed(p, t, k), r)) {
          long id = (Long) row.get(0);
          LocalDateTime when = (LocalDateTime) row.get(base + 1);
          if (row.get(base).equals("DELETE")) {
            deletedAt.put(id, when);
          } else {
            versions.computeIfAbsent(id, x -> new ArrayList<>()).add(new Seen(row.subList(0, base), when));
          }
        }
        TableSource h = FeedSources.history(p, FeedTestPlans.historyTable(), k);
        assertEquals("customers_history", h.name());
        List<String> cols = h.columns().stream().map(c -> c.name()).toList();
        assertEquals(List.of("effective_from", "effective_to", "is_current"), cols.subList(base, base + 3));
        List<List<Object>> hist = FeedReplayTest.read(h, r);
        KeyLifecycle life = spec.lifecycle();
        assertEquals(life.baseRows() + k * (life.appends() + life.updates()), hist.size());
        List<List<Object>> expected = new ArrayList<>();
        for (var e : versions.entrySet()) {
          List<Seen> vs = e.getValue();
          LocalDateTime end = deletedAt.get(e.getKey());
          for (int v = 0; v < vs.size(); v++) {
            List<Object> row = new ArrayList<>(vs.get(v).values());
            row.add(vs.get(v).from());
            LocalDateTime to = v + 1 < vs.size() ? vs.get(v + 1).from() : end;
            row.add(to);
            row.add(to == null);
            expected.add(row);
            multi += v > 0 ? 1 : 0;
          }
        }
        assertEquals(expected, hist, "history after " + k);
        // the invariants, stated on the output alone
        Set<Long> current = new HashSet<>();
        for (int i = 0; i < hist.size(); i++) {
          List<Object> row = hist.get(i);
          long id = (Long) row.get(0);
          boolean isCurrent = (Boolean) row.get(base + 2);
          LocalDateTime from = (LocalDateTime) row.get(base);
          LocalDateTime to = (LocalDateTime) row.get(base + 1);
          boolean sameNext = i + 1 < hist.size() && hist.get(i + 1).get(0).equals(id);
          if (sameNext) {
            assertEquals(hist.get(i + 1).get(base), to, "contiguous");
            assertFalse(isCurrent);
          } else if (deletedAt.containsKey(id)) {
            assertEquals(deletedAt.get(id), to, "closed at the delete");
            assertFalse(isCurrent);
            closed++;
          } else {
            assertNull(to);
            assertTrue(isCurrent);
            assertTrue(current.add(id));
          }
          if (to != null) {
            assertTrue(to.isAfter(from));
          }
          if (i > 0) {
            long prev = (Long) hist.get(i - 1).get(0);
            assertTrue(prev < id || prev == id && ((LocalDateTime) hist.get(i - 1).get(base)).isBefore(from));
          }
        }
        assertEquals(StateSource.rows(life, k), current.size(), "one current row per live key");
      }
    }
    assertTrue(closed > 10 && multi > 10, closed + " closed, " + multi + " later versions");
  }
}
