package io.synthgen.plan.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.Resolver;
import io.synthgen.template.Templates;
import io.synthgen.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

  /** A new strategy without a range rule fails here: the templates and one small plan use every strategy. */
  @Test
  void everyStrategyHasARange() throws PlanException {
    Set<String> seen = new TreeSet<>();
    List<Plan> plans = new ArrayList<>();
    for (String name : Templates.names()) {
      plans.add(Templates.load(name));
    }
    plans.add(Plans.read(Plans.document(1, Plans.table("t", 5,
        "{\"name\": \"id\", \"type\": \"bigint\", \"strategy\": \"sequence\"}",
        "{\"name\": \"k\", \"type\": \"decimal(4,1)\", \"strategy\": \"constant\", \"value\": 12.5}",
        "{\"name\": \"u\", \"type\": \"string\", \"strategy\": \"uuid\"}"))));
    for (Plan p : plans) {
      Ranges.Report r = Ranges.of(p);
      for (Table t : p.tables()) {
        for (Column c : t.columns()) {
          seen.add(c.gen().strategy());
          assertTrue(r.ranges().get(t.name() + "." + c.name()) != null, t.name() + "." + c.name());
        }
      }
      if (p.tables().size() == 1) {
        assertEquals(Interval.point(12.5), r.ranges().get("t.k").range());
        assertEquals(Interval.text(36), r.ranges().get("t.u").range());
        assertEquals(Interval.of(1, 5), r.ranges().get("t.id").range()); // start 1, 5 rows
      }
    }
    assertEquals(new TreeSet<>(ColumnGen.STRATEGIES), seen);
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
