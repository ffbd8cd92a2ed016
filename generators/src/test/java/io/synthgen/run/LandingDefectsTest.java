package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.Batches;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A landed batch holds what {@link Runs#generate} writes for the batch: its defects and their ground truth. */
class LandingDefectsTest {

  private static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "landing-defects", "seed": 5, "reference_date": "2025-01-01",
       "series": {"start": "2024-01-01", "interval": "1 day", "batches": 3},
       "tables": [
        {"name": "devices", "rows": 300, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "status", "type": "string", "strategy": "values", "values": ["ok", "warn", "fail"]}],
         "change_feed": {"rows_per_batch": 40},
         "quality": {"defects": [{"defect": "case_noise", "columns": ["status"], "rate": 0.2},
                                 {"defect": "duplicates", "rate": 0.05}]}},
        {"name": "readings", "rows": 2000, "primary_key": "reading_id", "batch": {"mode": "append"}, "columns": [
          {"name": "reading_id", "type": "bigint", "strategy": "sequence", "start": 1},
          {"name": "device_id", "type": "bigint", "strategy": "foreign_key", "references": "devices.device_id"},
          {"name": "value", "type": "double", "strategy": "uniform", "min": 0, "max": 100},
          {"name": "reading_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01 00:00:00",
           "end": "2024-01-01 23:59:59", "interval": "1 second"}],
         "quality": {"defects": [{"defect": "nulls", "columns": ["value"], "rate": 0.05},
                                 {"defect": "duplicates", "rate": 0.02},
                                 {"defect": "out_of_order", "rate": 0.1},
                                 {"defect": "jitter", "column": "reading_ts", "rate": 0.5, "max": "60 seconds"}]}}]}
      """;

  @TempDir
  Path tmp;

  @Test
  void aLandedBatchHoldsTheRunsRowsDefectsAndGroundTruth() throws Exception {
    ResolvedPlan plan = Plans.resolve(PLAN);
    Engine engine = new Engine(2, 256);
    Path root = tmp.resolve("land");
    try (Duck duck = new Duck()) {
      for (long k = 0; k < 3; k++) {
        RunResult run = Runs.generate(plan, k, tmp.resolve("run" + k), WriterOptions.parquetZstd(), engine,
            Progress.NONE, new Cancellation());
        var sources = Batches.batch(plan, k);
        Landing.Result landed = Landing.write(plan, sources, k, root, Landing.Layout.BATCHES,
            WriterOptions.parquetZstd(), false, engine, Progress.NONE, new Cancellation(),
            Landing.validator(plan, sources, k));
        Set<String> ran = new TreeSet<>();
        run.tables().forEach(t -> ran.add(t.table()));
        Set<String> wrote = new TreeSet<>();
        landed.tables().forEach(t -> wrote.add(t.table()));
        assertEquals(ran, wrote, "batch " + k + " lands the tables the run writes");
        assertTrue(wrote.contains("readings_defects") && wrote.contains("devices_cdc_defects"), wrote.toString());
        assertTrue(landed.validation().passed(), landed.validation().toString());
        for (io.synthgen.engine.TableRun r : run.tables()) {
          String t = r.table();
          String a = "read_parquet([" + String.join(", ", r.files().stream()
              .map(f -> "'" + run.dir().resolve(f.path()) + "'").toList()) + "])";
          Path folder = root.resolve(Landing.Layout.BATCHES.folder(t, k));
          assertTrue(Files.isDirectory(folder), folder.toString());
          String b = "read_parquet('" + folder + "/*.parquet')";
          long rows = duck.count("SELECT count(*) FROM " + a);
          assertEquals(rows, duck.count("SELECT count(*) FROM " + b), t + " batch " + k);
          assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM "
              + b + ")"), t + " batch " + k + ": run rows missing from the landing");
          assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM "
              + a + ")"), t + " batch " + k + ": landed rows the run does not write");
        }
        assertTrue(duck.count("SELECT count(*) FROM read_parquet('" + root.resolve(Landing.Layout.BATCHES.folder(
            "readings_defects", k)) + "/*.parquet')") > 0, "ground truth of batch " + k + " is not empty");
      }
    }
  }
}
