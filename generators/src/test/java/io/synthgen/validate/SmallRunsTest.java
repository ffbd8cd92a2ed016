package io.synthgen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.template.Templates;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistical checks never fail a valid run, however small: every template at 1 to 50 rows under several seeds
 * (5 templates × 8 sizes × 6 seeds = 240 runs) passes every check. The tiny runs are where fixed tolerances failed
 * (one row of a 5% null column is 100% null).
 */
class SmallRunsTest {

  private static final long[] SIZES = {1, 2, 3, 5, 8, 13, 25, 50};
  private static final long[] SEEDS = {1, 2, 3, 5, 7, 42};

  @TempDir
  Path dir;

  @Test
  void everyTemplateAtEverySmallSizePassesItsChecks() throws Exception {
    List<String> failures = new ArrayList<>();
    int runs = 0;
    WriterOptions csv = new WriterOptions(Destination.Format.CSV, Destination.Compression.NONE, 0);
    Engine engine = new Engine(1, 1000);
    for (String template : Templates.names()) {
      for (long rows : SIZES) {
        for (long seed : SEEDS) {
          ResolvedPlan plan = Plans.resolve(Plans.template(template, rows).withSeed(seed));
          Validator validator = new Validator(plan);
          Path out = dir.resolve(template + "-" + rows + "-" + seed);
          engine.run(plan, out, csv, Progress.NONE, new Cancellation(), validator::observer);
          for (Check c : validator.finish().failures()) {
            failures.add(template + " --rows " + rows + " --seed " + seed + ": " + c);
          }
          runs++;
        }
      }
    }
    assertEquals(Templates.names().size() * SIZES.length * SEEDS.length, runs);
    assertTrue(Templates.names().size() >= 5, "the five templates: " + Templates.names());
    assertEquals(List.of(), failures);
  }
}
