package io.synthgen.plan.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.Resolver;
import io.synthgen.template.Templates;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template and bench plan still resolves, and each column's reachable range lies inside its type. */
class TemplateRangesTest {

  static Stream<String> templates() {
    return Templates.names().stream();
  }

  static Stream<Path> benchPlans() throws Exception {
    List<Path> plans = new ArrayList<>();
    try (var s = Files.list(Plans.root().resolve("bench/plans"))) {
      s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(plans::add);
    }
    return plans.stream();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void templateColumnsFitTheirTypes(String name) throws PlanException {
    Plan p = Templates.load(name);
    assertEquals(List.of(), Ranges.violations(p), name);
    Resolver.resolve(p); // and the resolver, which runs the same check, accepts it
    for (long rows : new long[] {1, 1_000_000}) {
      assertEquals(List.of(), Ranges.violations(Plans.template(name, rows)), name + " at " + rows + " rows");
    }
  }

  @ParameterizedTest
  @MethodSource("benchPlans")
  void benchPlanColumnsFitTheirTypes(Path file) throws Exception {
    Plan p = PlanCodec.read(Files.readString(file));
    assertEquals(List.of(), Ranges.violations(p), file.toString());
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyTemplateColumnHasARangeInsideItsType(String name) throws PlanException {
    Ranges.Report r = Ranges.of(Templates.load(name));
    assertTrue(r.ranges().size() > 5, "ranges were computed for " + name);
    r.ranges().forEach((column, range) -> assertTrue(TypeRange.fits(range.range(), range.type()),
        name + "." + column + " reaches " + TypeRange.render(range.range(), range.type()) + " outside "
            + range.type()));
  }
}
