package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import static io.synthgen.testing.Plans.document;
import static io.synthgen.testing.Plans.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.TableSource;
import io.synthgen.engine.Progress;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Series;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.output.WriterOptions;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A feed batch, a state and a history are pure functions of (plan, k): computed alone they are the same bytes as
 * after the other batches, on any thread count; {@code batch()} answers the batch each value's version was made in.
 */
class FeedPurityTest {

  static byte[] write(TableSource s, Path dir, int threads) throws Exception {
    new Engine(threads, 5).run(List.of(s), dir, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(), null);
    return Files.readAllBytes(dir.resolve(s.name() + ".parquet"));
  }

  @ParameterizedTest
  @EnumSource(ChangeFeed.Format.class)
  void aBatchAloneIsTheSameBytesAsAfterTheOthers(ChangeFeed.Format format, @TempDir Path dir) throws Exception {
    ChangeFeed feed = new ChangeFeed(null, 12, new ChangeFeed.Weights(30, 50, 20), null, format, null, null, null);
    Function<ResolvedPlan, List<Function<Long, TableSource>>> kinds = p -> List.of(
        k -> FeedSources.feed(p, p.table("customers"), k),
        k -> FeedSources.state(p, p.table("customers"), k),
        k -> FeedSources.history(p, FeedTestPlans.historyTable(), k));
    for (int kind = 0; kind < 3; kind++) {
      ResolvedPlan alone = FeedTestPlans.resolve(FeedTestPlans.plan(9, 40, feed));
      byte[] three = write(kinds.apply(alone).get(kind).apply(3L), dir.resolve("alone" + kind), 1);
      ResolvedPlan all = FeedTestPlans.resolve(FeedTestPlans.plan(9, 40, feed));
      byte[] afterOthers = null;
      for (long k = 0; k < FeedReplayTest.BATCHES; k++) {
        byte[] b = write(kinds.apply(all).get(kind).apply(k), dir.resolve("all" + kind + "_" + k), 2);
        if (k == 3) {
          afterOthers = b;
        }
      }
      assertArrayEquals(three, afterOthers, format + " source " + kind + " of batch 3");
    }
  }

  @Test
  void batchIsTheBatchOfEachValuesVersion() {
    String table = """
        {"name": "items", "rows": 30, "primary_key": "id", "columns": [
          {"name": "id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "made_in", "type": "bigint", "strategy": "expression", "expr": "batch()"},
          {"name": "kept_in", "type": "bigint", "strategy": "expression", "expr": "batch() * 10"},
          {"name": "made_twice", "type": "bigint", "strategy": "expression", "expr": "made_in * 2"}]}""";
    Plan p = read(document(4, table));
    ChangeFeed feed = new ChangeFeed(null, 9, new ChangeFeed.Weights(30, 50, 20), List.of("made_in"),
        ChangeFeed.Format.PLAIN, null, null, null);
    ResolvedPlan rp = Plans.resolve(p.withTables(List.of(p.tables().get(0).withChangeFeed(feed)))
        .withSeries(new Series("2024-01-01", "1 day", 6)));
    ResolvedTable t = rp.table("items");
    KeyLifecycle life = FeedSpec.of(rp, t).lifecycle();
    SplittableRandom r = new SplittableRandom(1);
    int updates = 0;
    for (long k = 0; k < FeedReplayTest.BATCHES; k++) {
      Batch b = FeedSources.feed(rp, t, k).chunk(0, (int) life.rows(k));
      for (int i = 0; i < b.size(); i++) {
        long key = (Long) b.vector("id").get(i) - 1;
        String op = (String) b.vector("operation").get(i);
        long cohort = life.insertBatch(key);
        long made = switch (op) {
          case "APPEND" -> k;
          case "UPDATE" -> k;
          default -> life.lastVersion(key, k).batch();
        };
        updates += op.equals("UPDATE") && cohort != k ? 1 : 0;
        assertEquals(made, b.vector("made_in").get(i), op + " of key " + key + " in batch " + k);
        assertEquals(2 * made, b.vector("made_twice").get(i));
        assertEquals(10 * cohort, b.vector("kept_in").get(i), "an unchanged column keeps its key's insert batch");
      }
      for (List<Object> row : FeedReplayTest.read(FeedSources.state(rp, t, k), r)) {
        long key = (Long) row.get(0) - 1;
        assertEquals(life.lastVersion(key, k + 1).batch(), row.get(1));
      }
    }
    assertTrue(updates > 10);
  }
}
