package io.synthgen.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.Batches;
import io.synthgen.series.FeedSources;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.validate.ValidationReport;
import io.synthgen.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defects on the rows a batch writes: each append batch has its own pattern; a change feed gets its table's. */
class SeriesQualityTest {

  @TempDir
  Path root;

  private static final Defect[] DEFECTS = {
      new Defect.Nulls(List.of("status"), 0.05), new Defect.Duplicates(0.02), new Defect.OutOfOrder(0.05)};

  private static Plan appendPlan() {
    Plan p = QualityFixture.withDefects(QualityFixture.plan(5000), Quality.GroundTruth.SIDECAR, DEFECTS);
    List<Table> ts = new ArrayList<>();
    for (Table t : p.tables()) {
      ts.add(t.name().equals("readings") ? t.withBatching(new Batching(Batching.Mode.APPEND, List.of())) : t);
    }
    return p.withTables(ts).withSeries(new Series("2024-01-01", "31 days", 3));
  }

  @Test
  void eachAppendBatchHasItsOwnDefectsAndPassesItsChecks() throws Exception {
    ResolvedPlan plan = Plans.resolve(appendPlan());
    List<String> patterns = new ArrayList<>();
    for (long k = 0; k < 2; k++) {
      Validator v = new Validator(plan);
      List<TableSource> sources = QualitySources.applyAll(plan, Batches.batch(plan, k), v);
      Path dir = root.resolve("batch" + k);
      new Engine(2, 1024).run(sources, dir, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(),
          QualitySources.observers(v));
      ValidationReport r = v.finish();
      assertTrue(r.checks().stream().anyMatch(c -> c.kind().equals("defects") && c.passed()), r.checks().toString());
      try (Duck duck = new Duck()) {
        duck.view("truth", dir.resolve("readings_defects.parquet"));
        duck.view("r", dir.resolve("readings.parquet"));
        assertEquals(duck.count("SELECT count(*) FROM truth WHERE defect = 'duplicates'"),
            duck.count("SELECT count(*) FROM r") - 5000);
        patterns.add(duck.one("SELECT string_agg(CAST(row AS VARCHAR), ',' ORDER BY row) FROM truth "
            + "WHERE defect = 'nulls'"));
        long first = 1 + 5000 * k;
        assertEquals(first, duck.count("SELECT min(reading_id) FROM r"), "batch " + k + " keeps its keys");
      }
    }
    assertNotEquals(patterns.get(0), patterns.get(1), "batch 1 does not repeat batch 0's defect positions");
  }

  @Test
  void aPlainChangeFeedCarriesItsTablesDefectsUnderTheFeedName() throws Exception {
    Plan base = QualityFixture.plan(2000);
    List<Table> ts = new ArrayList<>();
    for (Table t : base.tables()) {
      ts.add(!t.name().equals("readings") ? t : t.withChangeFeed(new ChangeFeed("readings_cdc", 100,
          ChangeFeed.Weights.GENERIC, List.of("status", "value"), ChangeFeed.Format.PLAIN, "APPEND", "operation",
          "operation_date")).withQuality(new Quality(List.of(DEFECTS), Quality.GroundTruth.SIDECAR)));
    }
    ResolvedPlan plan = Plans.resolve(base.withTables(ts).withSeries(new Series("2024-01-01", "1 day", 3)));
    TableSource feed = FeedSources.feed(plan, plan.table("readings"), 1);
    List<TableSource> sources = QualitySources.applyAll(plan, List.of(feed));
    assertEquals(List.of("readings_cdc", "readings_cdc_defects"), sources.stream().map(TableSource::name).toList());
    Path dir = root.resolve("feed");
    new Engine(2, 64).run(sources, dir, WriterOptions.parquetZstd(), Progress.NONE, new Cancellation(), null);
    try (Duck duck = new Duck()) {
      duck.view("truth", dir.resolve("readings_cdc_defects.parquet"));
      duck.view("f", dir.resolve("readings_cdc.parquet"));
      long rows = duck.count("SELECT count(*) FROM f");
      assertEquals(feed.rows() + duck.count("SELECT count(*) FROM truth WHERE defect = 'duplicates'"), rows);
      assertEquals(rows - duck.count("SELECT count(*) FROM (SELECT DISTINCT * FROM f)"),
          duck.count("SELECT count(*) FROM truth WHERE defect = 'duplicates'"));
      assertTrue(duck.count("SELECT count(*) FROM truth WHERE defect = 'nulls'") > 0);
    }
  }
}
