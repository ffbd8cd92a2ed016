package io.synthgen.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Engine;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Quality;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every defect at once on 100,000 rows: each count is within a binomial tolerance of what its rate makes; the same
 * plan gives the same bytes on any thread count; the two ground-truth forms record the same defects.
 */
class DefectRatesTest {

  private static final long N = 100_000;

  @TempDir
  static Path root;

  private static Map<String, Long> counts;

  private static ResolvedPlan plan(Quality.GroundTruth truth) {
    return Plans.resolve(QualityFixture.withDefects(QualityFixture.plan(N), truth, QualityFixture.all()));
  }

  @BeforeAll
  static void write() throws Exception {
    QualityFixture.write(plan(Quality.GroundTruth.SIDECAR), root.resolve("a"), WriterOptions.parquetZstd(),
        new Engine(2, Engine.DEFAULT_CHUNK_ROWS));
    counts = new LinkedHashMap<>();
    try (Duck duck = new Duck()) {
      duck.view("truth", root.resolve("a/readings_defects.parquet"));
      for (var r : duck.rows("SELECT defect || coalesce('.' || \"column\", ''), count(*) FROM truth GROUP BY 1")) {
        counts.put(r.get(0), Long.parseLong(r.get(1)));
      }
    }
  }

  /** Within six standard deviations of n·p (a fixed seed: this either always holds or never). */
  private static void near(String what, double p) {
    // near copies name the columns they changed: near_duplicates.amount,status or .amount where status is NULL
    long k = counts.entrySet().stream().filter(e -> e.getKey().equals(what) || what.equals("near_duplicates")
        && e.getKey().startsWith(what + ".")).mapToLong(Map.Entry::getValue).sum();
    double mean = N * p;
    double sd = Math.sqrt(N * p * (1 - p));
    assertTrue(Math.abs(k - mean) <= 6 * sd + 1, what + ": " + k + " for an expected " + mean + " ± " + 6 * sd);
  }

  @Test
  void ratesAsTheReferenceSays() {
    near("nulls.value", 0.02 * 0.95); // value is already NULL on 5 % of rows
    near("nulls.status", 0.02);
    near("duplicates", 0.01);
    near("near_duplicates", 0.01);
    near("jitter.reading_ts", 0.5 * 120.0 / 121); // a move of 0 s changes nothing
    near("very_late.reading_ts", 0.05 * 23.0 / 24); // 0 hours changes nothing
    // a row starts a swap at 10 % unless its left neighbour took it: 2r/(1+r) of the rows move
    near("out_of_order", 2 * 0.10 / 1.10);
    // status is ok 80 % (only upper case changes it), Warn 15 % (both), FAIL 5 % (only lower); NULL at 2 %
    near("case_noise.status", 0.98 * 0.10 * (0.80 * 0.5 + 0.15 + 0.05 * 0.5));
    near("whitespace.status", 0.98 * 0.05);
    near("date_formats.reading_day", 0.15);
    near("out_of_range.amount", 0.005);
    near("orphans.device_id", 0.01);
    near("orphans.serial", 0.01);
  }

  @Test
  void dateFormatsSplitAThirdAndTwoThirds() throws Exception {
    try (Duck duck = new Duck()) {
      duck.view("truth", root.resolve("a/readings_defects.parquet"));
      long total = counts.get("date_formats.reading_day");
      long slashes = duck.count("SELECT count(*) FROM truth WHERE defect = 'date_formats' AND injected LIKE '%/%/%'");
      double sd = Math.sqrt(total / 3.0 * 2 / 3);
      assertTrue(Math.abs(slashes - total / 3.0) <= 6 * sd, slashes + " of " + total);
    }
  }

  @Test
  void samePlanSameBytesOnAnyThreadCount() throws Exception {
    QualityFixture.write(plan(Quality.GroundTruth.SIDECAR), root.resolve("b"), WriterOptions.parquetZstd(),
        new Engine(1, Engine.DEFAULT_CHUNK_ROWS));
    for (String f : new String[] {"readings.parquet", "readings_defects.parquet", "devices.parquet"}) {
      assertArrayEquals(Files.readAllBytes(root.resolve("a").resolve(f)), Files.readAllBytes(root.resolve("b")
          .resolve(f)), f);
    }
  }

  @Test
  void columnGroundTruthRecordsTheSameDefects() throws Exception {
    QualityFixture.write(plan(Quality.GroundTruth.COLUMNS), root.resolve("c"), WriterOptions.parquetZstd(),
        new Engine(2, Engine.DEFAULT_CHUNK_ROWS));
    assertTrue(Files.notExists(root.resolve("c/readings_defects.parquet")));
    try (Duck duck = new Duck()) {
      duck.exec("CREATE VIEW d AS SELECT * FROM read_parquet('" + root.resolve("c/readings.parquet")
          + "', file_row_number = true)");
      duck.view("truth", root.resolve("a/readings_defects.parquet"));
      // one record per element of the JSON arrays, at the same positions, with the same fields
      String unnested = "SELECT file_row_number AS row, e->>'defect' AS defect, e->>'column' AS col, "
          + "e->>'original' AS original, e->>'injected' AS injected FROM (SELECT file_row_number, "
          + "unnest(CAST(_defects AS JSON[])) AS e FROM d WHERE _defects IS NOT NULL)";
      long same = duck.count("SELECT count(*) FROM (" + unnested + ") u JOIN truth t ON t.row = u.row AND "
          + "t.defect = u.defect AND t.\"column\" IS NOT DISTINCT FROM u.col AND t.original IS NOT DISTINCT FROM "
          + "u.original AND t.injected IS NOT DISTINCT FROM u.injected");
      long all = counts.values().stream().mapToLong(Long::longValue).sum();
      assertEquals(all, duck.count("SELECT count(*) FROM (" + unnested + ")"));
      assertEquals(all, same);
      // the data columns are the sidecar run's, byte for byte as DuckDB reads them
      duck.view("a", root.resolve("a/readings.parquet"));
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT * EXCLUDE (_defects, file_row_number) FROM d "
          + "EXCEPT ALL SELECT * FROM a)"));
    }
  }
}
