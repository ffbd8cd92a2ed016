package io.synthgen.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sparse index finds every output row's item, over many blocks and empty ones, within its memory bound. */
class VersionIndexTest {

  @Test
  void locateFindsTheItemOfEveryRow() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      long items = 1 + r.nextInt(6_000);
      int[] weight = new int[(int) items];
      long[] counts = VersionIndex.counts(items, 0);
      boolean emptyRun = r.nextBoolean();
      for (int i = 0; i < items; i++) {
        weight[i] = emptyRun && i < items / 2 ? 0 : r.nextInt(4);
        VersionIndex.add(counts, items, i, weight[i]);
      }
      VersionIndex index = new VersionIndex(items, counts);
      long row = 0;
      for (int i = 0; i < items; i++) {
        for (int w = 0; w < weight[i]; w++, row++) {
          assertArrayEquals(new long[] {i, row - w}, index.locate(row, k -> weight[(int) k]), "row " + row);
        }
      }
      assertEquals(row, index.rows());
      long total = row;
      assertThrows(IllegalArgumentException.class, () -> index.locate(total, k -> weight[(int) k]));
    }
  }

  @Test
  void blocksStayWithinTheBound() {
    assertEquals(VersionIndex.MIN_BLOCK, VersionIndex.blockSize(10));
    long huge = 1L << 50;
    long block = VersionIndex.blockSize(huge);
    assertTrue((huge + block - 1) / block <= VersionIndex.MAX_BLOCKS);
    assertEquals(VersionIndex.MAX_BLOCKS, VersionIndex.counts(huge, 1).length);
  }

  @Test
  void largeFeedsStatesAndHistoriesChunkAcrossBlocks() {
    // 3,000 base rows and 2,500 operations a batch: the state and history span several blocks of keys, the
    // delta_cdf batches several blocks of rows; any chunking gives the same rows as one chunk
    ChangeFeed feed = new ChangeFeed(null, 2_500, new ChangeFeed.Weights(30, 50, 20), null,
        ChangeFeed.Format.DELTA_CDF, null, null, null);
    ResolvedPlan p = FeedTestPlans.resolve(FeedTestPlans.plan(77, 3_000, feed));
    ResolvedTable t = p.table("customers");
    SplittableRandom r = new SplittableRandom(9);
    for (long k : new long[] {1, 5}) {
      for (var s : List.of(FeedSources.feed(p, t, k), FeedSources.state(p, t, k),
          FeedSources.history(p, FeedTestPlans.historyTable(), k))) {
        var whole = s.chunk(0, (int) s.rows());
        long at = 0;
        while (at < s.rows()) {
          int n = (int) Math.min(s.rows() - at, 1 + r.nextInt(1_500));
          var part = s.chunk(at, n);
          for (int c = 0; c < whole.vectors().size(); c++) {
            for (int i = 0; i < n; i++) {
              assertEquals(whole.vectors().get(c).get((int) at + i), part.vectors().get(c).get(i),
                  s.name() + " row " + (at + i));
            }
          }
          at += n;
        }
      }
    }
  }
}
