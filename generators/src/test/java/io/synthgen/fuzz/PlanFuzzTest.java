package io.synthgen.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.fuzz.FuzzSeeds.Seed;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The plan fuzzer: mutated templates and benchmark plans, and random plans from the plan vocabulary, each through
 * {@link PlanOracle}. Fixed seeds and bounded tries keep CI short; {@code -Dsynthgen.fuzz.tries=20000} runs a long
 * campaign. A failing input is minimized by hand into {@code fuzz/corpus/}.
 */
class PlanFuzzTest {

  private static final Map<PlanOracle.Outcome, Integer> OUTCOMES = new EnumMap<>(PlanOracle.Outcome.class);

  @TestFactory
  Stream<DynamicTest> mutatedTemplatesAreRefusedCleanlyOrGenerateTrueData() {
    return FuzzTries.cases("mutation", 100, 20261201L, caseSeed -> () -> {
      Seed seed = FuzzTries.pick(FuzzSeeds.all(), caseSeed);
      long mutation = new SplittableRandom(caseSeed).nextLong();
      PlanMutator.Mutant m = PlanMutator.mutate(seed.json(), mutation);
      record(PlanOracle.check(m.json(), "seed " + seed + ", mutation seed " + mutation + ", " + m));
    });
  }

  @TestFactory
  Stream<DynamicTest> randomPlansAreRefusedCleanlyOrGenerateTrueData() {
    return FuzzTries.cases("random plan", 150, 20261202L, planSeed -> () -> {
      String json = RandomPlans.plan(planSeed);
      record(PlanOracle.check(json, "random plan " + planSeed + ":\n" + json));
    });
  }

  @TestFactory
  Stream<DynamicTest> everySeedAsShippedGeneratesTrueData() {
    return FuzzSeeds.all().stream().map(seed -> DynamicTest.dynamicTest(seed.toString(), () -> {
      PlanOracle.Outcome o = PlanOracle.check(seed.json(), "seed " + seed + " unchanged");
      assertTrue(o == PlanOracle.Outcome.GENERATED, seed + " must be accepted and generated, was " + o);
    }));
  }

  private static synchronized void record(PlanOracle.Outcome o) {
    OUTCOMES.merge(o, 1, Integer::sum);
  }

  @AfterAll
  static void report() {
    System.err.println("plan fuzz outcomes: " + OUTCOMES);
  }
}
