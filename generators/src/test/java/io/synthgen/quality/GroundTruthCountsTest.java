package io.synthgen.quality;

import io.synthgen.plan.DefectKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Engine;
import io.synthgen.engine.TableRun;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every defect, what the ground truth records equals what DuckDB finds in the written Parquet, exactly, by
 * comparing with the same plan written without defects.
 */
class GroundTruthCountsTest {

  private static final long ROWS = 20_000;

  @TempDir
  static Path root;

  private static Path clean;

  @BeforeAll
  static void writeClean() throws Exception {
    clean = root.resolve("clean");
    QualityFixture.writeClean(Plans.resolve(QualityFixture.plan(ROWS)), clean);
  }

  /** Writes the readings with {@code d} into a fresh folder and opens views clean_r, dirty_r, truth, devices. */
  private static Duck run(String name, Defect d) throws Exception {
    Plan p = QualityFixture.withDefects(QualityFixture.plan(ROWS), Quality.GroundTruth.SIDECAR, d);
    ResolvedPlan plan = Plans.resolve(p);
    Path dir = root.resolve(name);
    // small chunks, so chunk edges (swaps, copies, output positions) are crossed many times
    List<TableRun> runs = QualityFixture.write(plan, dir, WriterOptions.parquetZstd(), new Engine(2, 3000));
    Duck duck = new Duck();
    duck.exec("CREATE VIEW clean_r AS SELECT * FROM read_parquet('" + clean.resolve("readings.parquet") + "')");
    duck.exec("CREATE VIEW dirty_r AS SELECT * FROM read_parquet('" + dir.resolve("readings.parquet")
        + "', file_row_number = true)");
    duck.view("truth", dir.resolve("readings_defects.parquet"));
    duck.view("devices", dir.resolve("devices.parquet"));
    long written = runs.stream().filter(r -> r.table().equals("readings")).findFirst().orElseThrow().rows();
    assertEquals(duck.count("SELECT count(*) FROM dirty_r"), written, "the run counts the rows it wrote");
    long recorded = duck.count("SELECT count(*) FROM truth");
    assertTrue(recorded > 0, name + " injected nothing");
    assertEquals(recorded, duck.count("SELECT count(*) FROM truth WHERE defect = '" + DefectKind.of(d).id() + "'"));
    return duck;
  }

  private static long truth(Duck duck, String column) throws Exception {
    return duck.count("SELECT count(*) FROM truth WHERE \"column\" = '" + column + "'");
  }

  private static final String JOINED = " FROM dirty_r d JOIN clean_r c USING (reading_id) ";

  @Test
  void nulls() throws Exception {
    try (Duck duck = run("nulls", new Defect.Nulls(List.of("value", "status"), 0.02))) {
      for (String c : List.of("value", "status")) {
        long found = duck.count("SELECT count(*) FROM dirty_r WHERE " + c + " IS NULL")
            - duck.count("SELECT count(*) FROM clean_r WHERE " + c + " IS NULL");
        assertEquals(truth(duck, c), found, c);
      }
      assertEquals(0, duck.count("SELECT count(*) FROM truth WHERE injected IS NOT NULL OR original IS NULL"));
    }
  }

  @Test
  void duplicates() throws Exception {
    try (Duck duck = run("duplicates", new Defect.Duplicates(0.04))) {
      long rows = duck.count("SELECT count(*) FROM dirty_r");
      long distinct = duck.count("SELECT count(*) FROM (SELECT DISTINCT * EXCLUDE (file_row_number) FROM dirty_r)");
      assertEquals(duck.count("SELECT count(*) FROM truth"), rows - distinct);
      assertEquals(ROWS, distinct);
      // each copy right after its original, and the truth names it
      assertEquals(0, duck.count("SELECT count(*) FROM truth t JOIN dirty_r d ON d.file_row_number = t.row "
          + "WHERE CAST(t.original AS BIGINT) <> t.row - 1 OR d.reading_id <> CAST(t.key AS BIGINT)"));
    }
  }

  @Test
  void nearDuplicates() throws Exception {
    try (Duck duck = run("near", new Defect.NearDuplicates(List.of("amount", "status"), 0.02))) {
      long rows = duck.count("SELECT count(*) FROM dirty_r");
      assertEquals(duck.count("SELECT count(*) FROM truth"), rows - duck.count(
          "SELECT count(DISTINCT reading_id) FROM dirty_r"));
      assertEquals(rows, duck.count("SELECT count(*) FROM (SELECT DISTINCT * EXCLUDE (file_row_number) FROM dirty_r)"),
          "a near copy is never an exact one");
      assertEquals(duck.count("SELECT count(*) FROM truth"), duck.count("SELECT count(*) FROM dirty_r a JOIN dirty_r b "
          + "ON b.file_row_number = a.file_row_number + 1 AND a.reading_id = b.reading_id "
          + "WHERE b.status = a.status || ' ' AND b.amount = a.amount + 0.01"));
    }
  }

  @Test
  void jitter() throws Exception {
    try (Duck duck = run("jitter", new Defect.Jitter("reading_ts", 1.0, "60 seconds"))) {
      assertEquals(truth(duck, "reading_ts"), duck.count("SELECT count(*)" + JOINED
          + "WHERE d.reading_ts <> c.reading_ts"));
      assertEquals(0, duck.count("SELECT count(*)" + JOINED
          + "WHERE abs(epoch(d.reading_ts) - epoch(c.reading_ts)) > 60"));
      // both directions, whole seconds
      assertTrue(duck.count("SELECT count(*)" + JOINED + "WHERE d.reading_ts < c.reading_ts") > ROWS / 3);
      assertTrue(duck.count("SELECT count(*)" + JOINED + "WHERE d.reading_ts > c.reading_ts") > ROWS / 3);
    }
  }

  @Test
  void veryLate() throws Exception {
    try (Duck duck = run("late", new Defect.VeryLate("reading_ts", 0.05, "24 hours"))) {
      assertEquals(truth(duck, "reading_ts"), duck.count("SELECT count(*)" + JOINED
          + "WHERE d.reading_ts <> c.reading_ts"));
      assertEquals(0, duck.count("SELECT count(*)" + JOINED + "WHERE d.reading_ts <> c.reading_ts AND ("
          + "d.reading_ts > c.reading_ts OR (epoch(c.reading_ts) - epoch(d.reading_ts)) % 3600 <> 0 "
          + "OR epoch(c.reading_ts) - epoch(d.reading_ts) > 23 * 3600)"));
      assertEquals(23, duck.count("SELECT count(DISTINCT epoch(c.reading_ts) - epoch(d.reading_ts))" + JOINED
          + "WHERE d.reading_ts <> c.reading_ts"), "1..23 hours back");
    }
  }

  @Test
  void outOfOrder() throws Exception {
    try (Duck duck = run("order", new Defect.OutOfOrder(0.10))) {
      long descents = duck.count("SELECT count(*) FROM (SELECT reading_id < lag(reading_id) OVER "
          + "(ORDER BY file_row_number) AS down FROM dirty_r) WHERE down");
      assertEquals(duck.count("SELECT count(*) FROM truth"), 2 * descents);
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT reading_id FROM dirty_r EXCEPT "
          + "SELECT reading_id FROM clean_r)"));
      // every moved row is next to its partner, which names it back
      assertEquals(0, duck.count("SELECT count(*) FROM truth a LEFT JOIN truth b ON b.row = CAST(a.original AS BIGINT) "
          + "WHERE b.row IS NULL OR CAST(b.original AS BIGINT) <> a.row OR abs(a.row - b.row) <> 1"));
    }
  }

  @Test
  void caseNoise() throws Exception {
    try (Duck duck = run("case", new Defect.CaseNoise(List.of("status"), 0.10))) {
      assertEquals(truth(duck, "status"), duck.count("SELECT count(*)" + JOINED
          + "WHERE d.status <> c.status AND lower(d.status) = lower(c.status)"));
      assertEquals(truth(duck, "status"), duck.count("SELECT count(*)" + JOINED + "WHERE d.status <> c.status"));
      // 'ok' only goes up, 'FAIL' only down, 'Warn' both ways
      assertTrue(duck.count("SELECT count(*) FROM dirty_r WHERE status = 'warn'") > 0);
      assertTrue(duck.count("SELECT count(*) FROM dirty_r WHERE status = 'WARN'") > 0);
    }
  }

  @Test
  void whitespace() throws Exception {
    try (Duck duck = run("space", new Defect.Whitespace(List.of("status"), 0.05))) {
      assertEquals(truth(duck, "status"), duck.count("SELECT count(*)" + JOINED
          + "WHERE d.status = '  ' || c.status OR d.status = c.status || '  '"));
      assertEquals(truth(duck, "status"), duck.count("SELECT count(*)" + JOINED + "WHERE d.status <> c.status"));
    }
  }

  @Test
  void dateFormats() throws Exception {
    try (Duck duck = run("formats", new Defect.DateFormats("reading_day", 0.15, Defect.DateFormats.DEFAULT_FORMATS))) {
      assertEquals("VARCHAR", duck.one("SELECT typeof(reading_day) FROM dirty_r LIMIT 1"));
      long us = duck.count("SELECT count(*)" + JOINED + "WHERE d.reading_day = strftime(c.reading_day, '%m/%d/%Y')");
      long named = duck.count("SELECT count(*)" + JOINED
          + "WHERE d.reading_day = strftime(c.reading_day, '%b %d, %Y')");
      assertEquals(truth(duck, "reading_day"), us + named);
      assertEquals(truth(duck, "reading_day"), duck.count("SELECT count(*)" + JOINED
          + "WHERE d.reading_day <> CAST(c.reading_day AS VARCHAR)"));
      assertTrue(us < named, "a third MM/dd/yyyy, two thirds MMM dd, yyyy");
    }
  }

  @Test
  void outOfRange() throws Exception {
    try (Duck duck = run("range", new Defect.OutOfRange("amount", 0.005, null, 10.0))) {
      assertEquals(truth(duck, "amount"), duck.count("SELECT count(*)" + JOINED + "WHERE d.amount = c.amount * 10"));
      assertEquals(truth(duck, "amount"), duck.count("SELECT count(*)" + JOINED + "WHERE d.amount <> c.amount"));
    }
  }

  @Test
  void orphansOfSequenceAndPatternKeys() throws Exception {
    for (String c : List.of("device_id", "serial")) {
      try (Duck duck = run("orphans_" + c, new Defect.Orphans(c, 0.01))) {
        assertEquals(0, duck.count("SELECT count(*) FROM clean_r WHERE " + c + " NOT IN (SELECT " + c
            + " FROM devices)"));
        assertEquals(truth(duck, c), duck.count("SELECT count(*) FROM dirty_r WHERE " + c + " NOT IN (SELECT " + c
            + " FROM devices)"));
      }
    }
  }
}
