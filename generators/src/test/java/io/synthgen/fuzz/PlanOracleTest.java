package io.synthgen.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.Runs;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle itself: it passes what is right and catches what it is there to catch. */
class PlanOracleTest {

  @TempDir
  Path dir;

  private static final String PLAN = Plans.document(7, Plans.table("t", 100,
      "{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": \"sequence\"}",
      "{\"name\": \"x\", \"type\": \"decimal(6,2)\", \"strategy\": \"uniform\", \"min\": 0, \"max\": 9999}"));

  private static final String NULLS = Plans.document(7, Plans.table("t", 100,
      "{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": \"sequence\"}",
      "{\"name\": \"x\", \"type\": \"decimal(6,2)\", \"strategy\": \"uniform\", \"min\": 0, \"max\": 9999, "
          + "\"null_rate\": 0.5}"));

  private static final String FEWER = Plans.document(7, Plans.table("t", 60,
      "{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": \"sequence\"}",
      "{\"name\": \"x\", \"type\": \"decimal(6,2)\", \"strategy\": \"uniform\", \"min\": 0, \"max\": 9999}"));

  private Path run(String json, String name) throws Exception {
    Path out = dir.resolve(name);
    Runs.generate(Plans.resolve(json), out, WriterOptions.parquetZstd(), new Engine(1, 64), Progress.NONE,
        new Cancellation());
    return out;
  }

  @Test
  void aValidPlanIsGeneratedAndPasses() {
    assertEquals(PlanOracle.Outcome.GENERATED, PlanOracle.check(PLAN, "a valid plan"));
  }

  @Test
  void aCleanRefusalPasses() {
    assertEquals(PlanOracle.Outcome.REFUSED, PlanOracle.check(PLAN.replace("\"sequence\"", "\"sequense\""),
        "an unknown strategy"));
  }

  @Test
  void violationsWithoutPathRuleOrFixOrFromOutsideTheRootFail() {
    for (Violation v : List.of(new Violation("", null, "rule", "fix"), new Violation("columns[0].type", null, "rule",
        "fix"), new Violation("tables[0].rows", "1", " ", "fix"), new Violation("tables[0].rows", "1", "rule", ""),
        new Violation("$", null, "java.lang.IllegalStateException (this is a bug in synthgen)", "report it"))) {
      AssertionError e = assertThrows(AssertionError.class,
          () -> PlanOracle.cleanRefusal(new PlanException(List.of(v)), PLAN, "reading"), v.toString());
      assertTrue(e.getMessage().contains("violation"), e.getMessage());
    }
    PlanOracle.cleanRefusal(new PlanException(List.of(new Violation("tables[0].columns[1].max", "9999",
        "does not fit", "use a larger precision"))), PLAN, "reading");
  }

  @Test
  void duckDbCatchesRowsNullsAndPrecisionThatDisagreeWithThePlan() throws Exception {
    ResolvedPlan plan = Plans.resolve(PLAN);
    Path good = run(PLAN, "good");
    OutputCheck.check(plan, good);

    Path fewer = run(FEWER, "fewer");
    Files.copy(fewer.resolve("t.parquet"), good.resolve("t.parquet"), StandardCopyOption.REPLACE_EXISTING);
    AssertionError rows = assertThrows(AssertionError.class, () -> OutputCheck.check(plan, good));
    assertTrue(rows.getMessage().contains("60 rows"), rows.getMessage());

    Path nulls = run(NULLS, "nulls");
    AssertionError nulled = assertThrows(AssertionError.class, () -> OutputCheck.check(plan, nulls));
    assertTrue(nulled.getMessage().contains("NULLs"), nulled.getMessage());

    ResolvedPlan narrower = Plans.resolve(PLAN.replace("\"max\": 9999", "\"max\": 99"));
    Path wide = run(PLAN, "wide");
    AssertionError range = assertThrows(AssertionError.class, () -> OutputCheck.check(narrower, wide));
    assertTrue(range.getMessage().contains("above the plan's max"), range.getMessage());
  }

  @Test
  void aHangIsReportedAndStopped() {
    AssertionError e = assertThrows(AssertionError.class, () -> Guard.run("a loop", 1, () -> {
      long spin = 0;
      while (spin >= 0) {
        spin++;
      }
      return spin;
    }));
    assertTrue(e.getMessage().startsWith("hang"), e.getMessage());
    assertEquals("done", Guard.run("the next case", 1, () -> "done"), "the guard still runs cases after a hang");
  }

  @Test
  void aCrashIsReportedWithItsCause() {
    AssertionError e = assertThrows(AssertionError.class, () -> Guard.run("a crash", () -> {
      throw new StackOverflowError();
    }));
    assertTrue(e.getMessage().startsWith("crash: java.lang.StackOverflowError"), e.getMessage());
  }
}
