package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped template loads, resolves, generates, validates and has no orphans in DuckDB. */
class TemplatesTest {

  @TempDir
  Path dir;

  static java.util.List<String> templates() {
    return Templates.names();
  }

  @Test
  void theRetailTemplateShips() {
    assertTrue(Templates.names().contains("retail"), Templates.names().toString());
    assertEquals(null, Templates.json("no_such_industry"));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void generatesValidatedDataWithoutOrphans(String name) throws Exception {
    Plan plan = Plans.template(name, 1_000);
    ResolvedPlan resolved = Plans.resolve(plan);
    RunResult r = Runs.generate(resolved, dir, WriterOptions.parquetZstd(), new Engine(2, 4096), Progress.NONE,
        new Cancellation());
    assertTrue(r.validation().passed(), name + ": " + r.validation().failures());
    assertFalse(r.validation().checks().isEmpty());
    try (Duck duck = new Duck()) {
      for (Table t : plan.tables()) {
        duck.view(t.name(), dir.resolve(t.name() + ".parquet"));
        assertEquals(resolved.table(t.name()).rows(), duck.count("SELECT count(*) FROM " + t.name()), t.name());
      }
      for (Table t : plan.tables()) {
        for (Column c : t.columns()) {
          String ref = c.gen() instanceof ColumnGen.ForeignKey fk ? fk.references()
              : c.gen() instanceof ColumnGen.Parent p ? p.references() : null;
          if (ref == null || c.omit()) {
            continue;
          }
          String parent = ref.substring(0, ref.indexOf('.'));
          String key = ref.substring(ref.indexOf('.') + 1);
          assertEquals(0, duck.count("SELECT count(*) FROM " + t.name() + " c WHERE c." + c.name()
              + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE p." + key + " = c." + c.name()
              + ")"), name + ": " + t.name() + "." + c.name() + " orphans");
        }
      }
    }
  }

  @Test
  void scalingKeepsRatiosAndRejectsNegativeRows() throws Exception {
    Plan p = Scaling.scale(Templates.load("retail"), 2_000);
    assertEquals(2_000, p.table("customers").orElseThrow().rows());
    assertEquals(1_000, p.table("products").orElseThrow().rows());
    assertEquals(10_000, p.table("transactions").orElseThrow().rows());
    assertEquals(10_000, p.table("inventory").orElseThrow().rows());
    Plan tiny = Scaling.scale(Templates.load("retail"), 1);
    assertEquals(1, tiny.table("products").orElseThrow().rows(), "at least one row when it had any");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Scaling.scale(Templates.load("retail"), -5));
  }
}
