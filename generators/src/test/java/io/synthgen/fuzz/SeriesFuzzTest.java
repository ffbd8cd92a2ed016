package io.synthgen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.quality.QualitySources;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.series.Batches;
import io.synthgen.vec.Batch;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random series plans ({@link RandomSeriesPlans}): every plan the checker accepts generates batch 0, batch 1, the
 * last batch and the state after the last batch without an exception, each source with the rows the plan says
 * (static tables in batch 0, an append slice of {@code rows}, a feed's full load of {@code rows} and
 * {@code rows_per_batch} operations later), defects applied. A refusal is a plan problem, never an exception.
 */
class SeriesFuzzTest {

  private static final AtomicInteger ACCEPTED = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> acceptedSeriesPlansGenerateEveryBatch() {
    return FuzzTries.cases("series plan", 150, 20261212L, seed -> () -> {
      String json = RandomSeriesPlans.plan(seed);
      Plan plan;
      try {
        plan = PlanCodec.read(json);
      } catch (PlanException e) {
        REFUSED.incrementAndGet();
        return;
      }
      ACCEPTED.incrementAndGet();
      try {
        ResolvedPlan rp = Resolver.resolve(plan);
        long last = plan.series().batches() - 1;
        for (long k : new long[] {0, Math.min(1, last), last}) {
          List<TableSource> clean = Batches.batch(rp, k);
          for (TableSource s : clean) {
            long expected = expectedRows(plan, s.name(), k);
            if (expected >= 0) {
              assertEquals(expected, s.rows(), s.name() + " in batch " + k);
            }
          }
          drain(clean, true);
          drain(QualitySources.applyAll(rp, clean), false);
        }
        if (plan.tables().stream().anyMatch(t -> t.changeFeed() != null)) {
          drain(Batches.snapshot(rp, last), true);
        }
      } catch (PlanException | RuntimeException e) {
        throw new AssertionError("accepted plan " + seed + " fails: " + e + "\n" + json, e);
      }
    });
  }

  /** The clean rows a source of batch k has, from the plan alone; -1 where the plan does not say (delta_cdf). */
  private static long expectedRows(Plan plan, String source, long k) {
    for (Table t : plan.tables()) {
      ChangeFeed f = t.changeFeed();
      if (f != null && source.equals(f.name() == null ? ChangeFeed.defaultName(t.name()) : f.name())) {
        if (k == 0) {
          return t.rows();
        }
        return f.format() == ChangeFeed.Format.DELTA_CDF ? -1 : f.rowsPerBatch();
      }
      if (t.name().equals(source) && t.history() == null) {
        return t.rows();
      }
    }
    return -1;
  }

  /**
   * Reads every row of every source, as the engine would; with {@code exact}, each chunk has the rows asked for (a
   * source with defects writes its copies beside the clean rows, so its chunks may have more).
   */
  private static void drain(List<TableSource> sources, boolean exact) {
    for (TableSource s : sources) {
      for (long first = 0; first < s.rows(); first += 997) {
        int n = (int) Math.min(997, s.rows() - first);
        Batch b = s.chunk(first, n);
        if (exact) {
          assertEquals(n, b.size(), s.name() + " chunk at " + first);
        }
      }
    }
  }

  @AfterAll
  static void report() {
    System.err.println("series fuzz: " + ACCEPTED.get() + " accepted, " + REFUSED.get() + " refused");
    assertTrue(ACCEPTED.get() > 10, "the random series plans exercise the engine: " + ACCEPTED.get()
        + " accepted");
  }
}
