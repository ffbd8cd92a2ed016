package io.synthgen.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.profile.planner.PlanOptions;
import io.synthgen.profile.planner.ProfilePlanner;
import io.synthgen.profile.scan.FileProfiler;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file of known distributions, written by DuckDB, is profiled, planned and generated; DuckDB then compares
 * the synthetic data with the source.
 */
class FromDataTest {

  @TempDir
  static Path dir;
  static SourceProfile profile;
  static ObjectNode planJson;
  static Path out;

  @BeforeAll
  static void run() throws Exception {
    Path src = Files.createDirectories(dir.resolve("data"));
    KnownData.write(src.resolve("people.parquet"), KnownData.ROWS);
    profile = FileProfiler.profile(dir, src.resolve("people.parquet"), "source.path");
    planJson = ProfilePlanner.plan(profile, new PlanOptions(null, 42, LocalDate.of(2025, 1, 1),
        PlanOptions.DEFAULT_MIN_COUNT, Set.of()));
    Plan plan = PlanCodec.fromJson(planJson);
    out = dir.resolve("out");
    Runs.generate(Resolver.resolve(plan), out, WriterOptions.parquetZstd(), new Engine(1, 8192), Progress.NONE,
        new Cancellation());
  }

  private static ColumnProfile col(String name) {
    return profile.tables().get(0).column(name).orElseThrow();
  }

  private static JsonNode planned(String name) {
    for (JsonNode c : planJson.path("tables").get(0).path("columns")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name + " in " + planJson);
  }

  @Test
  void fittedFamiliesAreTheOnesTheDataWasDrawnFrom() {
    assertEquals("normal", col("height_normal").numeric().fit().distribution().type());
    assertEquals("lognormal", col("amount_lognormal").numeric().fit().distribution().type());
    assertEquals("exponential", col("wait_exponential").numeric().fit().distribution().type());
    assertEquals("gamma", col("load_gamma").numeric().fit().distribution().type());
    assertEquals("uniform", col("score_uniform").numeric().fit().distribution().type());
  }

  @Test
  void parametersAreWithinTolerance() {
    var n = (io.synthgen.plan.Distribution.Normal) col("height_normal").numeric().fit().distribution();
    assertEquals(100, n.mean(), 0.5);
    assertEquals(15, n.stddev(), 0.5);
    var l = (io.synthgen.plan.Distribution.LogNormal) col("amount_lognormal").numeric().fit().distribution();
    assertEquals(3, l.mu(), 0.03);
    assertEquals(0.5, l.sigma(), 0.02);
    var e = (io.synthgen.plan.Distribution.Exponential) col("wait_exponential").numeric().fit().distribution();
    assertEquals(0.25, e.rate(), 0.01);
    var g = (io.synthgen.plan.Distribution.Gamma) col("load_gamma").numeric().fit().distribution();
    assertEquals(3, g.shape(), 0.2);
    assertEquals(2, g.scale(), 0.15);
  }

  @Test
  void profileFieldsDescribeTheColumns() {
    assertEquals(KnownData.ROWS, profile.tables().get(0).rows());
    assertEquals("id", profile.tables().get(0).keys().get(0).column());
    ColumnProfile rating = col("rating");
    assertEquals(0.1, rating.nullRate(), 0.01);
    assertEquals(5, rating.distinct().count());
    assertEquals("2023-01-01", col("signup_date").temporal().min());
    assertEquals("2023-12-31", col("signup_date").temporal().max());
    assertEquals("SKU-#####", col("sku").strings().shapes().get(0).template());
    assertEquals("(###) 555-####", col("phone").strings().shapes().get(0).template());
    assertEquals(0.3, (double) col("is_active").trueCount() / KnownData.ROWS, 0.01);
  }

  @Test
  void categoryWeightsAreKeptAndTheRareValueLeftOut() throws Exception {
    JsonNode tier = planned("tier");
    assertEquals("values", tier.path("strategy").asText());
    assertEquals(3, tier.path("values").size(), tier.toString());
    assertTrue(tier.path("note").asText().contains("left out"), tier.toString());
    assertFalse(planJson.toString().contains("Platinum-VIP"), "a value held by 6 rows reached the plan");
    try (Duck d = new Duck()) {
      d.view("syn", out.resolve("people.parquet"));
      assertEquals(0, d.count("SELECT count(*) FROM syn WHERE tier = 'Platinum-VIP'"));
      assertEquals(0.6, d.number("SELECT avg(CASE WHEN tier = 'Free' THEN 1.0 ELSE 0 END) FROM syn"), 0.02);
      assertEquals(0.3, d.number("SELECT avg(CASE WHEN tier = 'Pro' THEN 1.0 ELSE 0 END) FROM syn"), 0.02);
    }
  }

  @Test
  void syntheticStatisticsMatchTheSource() throws Exception {
    try (Duck d = new Duck()) {
      d.view("src", dir.resolve("data/people.parquet"));
      d.view("syn", out.resolve("people.parquet"));
      assertEquals(d.count("SELECT count(*) FROM src"), d.count("SELECT count(*) FROM syn"));
      for (String c : new String[] {"height_normal", "amount_lognormal", "wait_exponential", "load_gamma",
          "score_uniform", "rating"}) {
        double ms = d.number("SELECT avg(" + c + ") FROM src");
        double mt = d.number("SELECT avg(" + c + ") FROM syn");
        double ss = d.number("SELECT stddev_pop(" + c + ") FROM src");
        double st = d.number("SELECT stddev_pop(" + c + ") FROM syn");
        assertEquals(ms, mt, 0.05 * ss, c + " mean");
        assertEquals(ss, st, 0.06 * ss, c + " stddev");
        for (double q : new double[] {0.1, 0.5, 0.9}) {
          double qs = d.number("SELECT quantile_cont(" + c + ", " + q + ") FROM src");
          double qt = d.number("SELECT quantile_cont(" + c + ", " + q + ") FROM syn");
          assertEquals(qs, qt, 0.08 * ss, c + " quantile " + q);
        }
      }
      assertEquals(d.number("SELECT avg(CASE WHEN rating IS NULL THEN 1.0 ELSE 0 END) FROM src"),
          d.number("SELECT avg(CASE WHEN rating IS NULL THEN 1.0 ELSE 0 END) FROM syn"), 0.01);
      assertEquals(d.number("SELECT avg(CASE WHEN is_active THEN 1.0 ELSE 0 END) FROM src"),
          d.number("SELECT avg(CASE WHEN is_active THEN 1.0 ELSE 0 END) FROM syn"), 0.015);
      assertEquals("2023-01-01", d.one("SELECT min(signup_date) FROM syn"));
      assertEquals("2023-12-31", d.one("SELECT max(signup_date) FROM syn"));
      assertEquals(0, d.count("SELECT count(*) FROM syn WHERE NOT regexp_full_match(sku, 'SKU-[0-9]{5}')"));
      assertEquals(0, d.count("SELECT count(*) FROM syn WHERE NOT regexp_full_match(phone, "
          + "'\\([0-9]{3}\\) 555-[0-9]{4}')"));
    }
  }

  @Test
  void noSourceRowIsReproduced() throws Exception {
    try (Duck d = new Duck()) {
      d.view("src", dir.resolve("data/people.parquet"));
      d.view("syn", out.resolve("people.parquet"));
      assertEquals(0, d.count("SELECT count(*) FROM (SELECT * EXCLUDE (id) FROM src INTERSECT "
          + "SELECT * EXCLUDE (id) FROM syn)"));
    }
  }
}
