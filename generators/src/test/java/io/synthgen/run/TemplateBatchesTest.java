package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.series.Batches;
import io.synthgen.template.Recipes;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.validate.ValidationReport;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates with their change-feed recipe, run as batches 0, 1 and the last: each batch validates while written
 * and again from its folder, and an append table's batch 1 continues batch 0's keys inside its own window.
 */
class TemplateBatchesTest {

  @TempDir
  Path dir;

  static Iterable<String> industries() {
    return java.util.List.of("retail", "healthcare", "financial", "iot", "manufacturing");
  }

  @ParameterizedTest
  @MethodSource("industries")
  void batchesOfTheCdcRecipeValidateAndContinue(String industry) throws Exception {
    check(industry, Plans.resolve(Recipes.cdc(Plans.template(industry, 200))));
  }

  /** The daily readings of iot and manufacturing alone: append children of a static parent, an expression moved. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"iot", "manufacturing"})
  void dailyReadingsAppendBatchByBatch(String industry) throws Exception {
    Plan cdc = Recipes.cdc(Plans.template(industry, 200));
    List<Table> tables = new ArrayList<>();
    for (Table t : cdc.tables()) {
      if (t.generated()) {
        tables.add(t.withChangeFeed(null));
      }
    }
    ResolvedPlan plan = Plans.resolve(cdc.withTables(tables));
    assertTrue(plan.tables().stream().anyMatch(t -> t.appends() && !t.advance().isEmpty()),
        industry + " has daily readings");
    check(industry, plan);
  }

  private void check(String industry, ResolvedPlan plan) throws Exception {
    long last = plan.series().batches() - 1;
    for (long k : new long[] {0, 1, last}) {
      Path out = dir.resolve(industry + "-" + k);
      RunResult r = Runs.generate(plan, k, out, WriterOptions.parquetZstd(), new Engine(2, 4096), Progress.NONE,
          new Cancellation());
      assertTrue(r.validation().passed(), industry + " batch " + k + ": " + r.validation().failures());
      ValidationReport again = RunVerifier.verify(out);
      assertTrue(again.passed(), industry + " batch " + k + " verified: " + again.failures());
      assertEquals(Batches.batch(plan, k).size(), r.tables().size());
    }
    try (Duck duck = new Duck()) {
      for (ResolvedTable t : plan.tables()) {
        if (!t.appends() || t.spec().primaryKey() == null) {
          continue;
        }
        String key = t.spec().primaryKey();
        duck.view("b0", dir.resolve(industry + "-0").resolve(t.name() + ".parquet"));
        duck.view("b1", dir.resolve(industry + "-1").resolve(t.name() + ".parquet"));
        assertEquals(duck.count("SELECT max(" + key + ") FROM b0") + 1, duck.count("SELECT min(" + key
            + ") FROM b1"), industry + "." + t.name() + ": batch 1's keys continue batch 0's");
        assertEquals(0, duck.count("SELECT count(*) FROM b0 JOIN b1 USING (" + key + ")"));
        for (String c : t.advance()) {
          if (t.outputColumns().stream().noneMatch(o -> o.name().equals(c))) {
            continue; // a hidden helper (the recipes' batch_day) is checked through the columns computed from it
          }
          String from = "TIMESTAMP '" + io.synthgen.series.Window.format(plan.windowStartMicros(1)) + "'";
          String to = "TIMESTAMP '" + io.synthgen.series.Window.format(plan.windowStartMicros(2)) + "'";
          assertEquals(0, duck.count("SELECT count(*) FROM b1 WHERE " + c + " < " + from + " OR " + c + " >= "
              + to), industry + "." + t.name() + "." + c + " inside batch 1's window");
        }
      }
    }
  }
}
