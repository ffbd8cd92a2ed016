package io.synthgen.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.fuzz.FuzzSeeds.Seed;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The plan fuzzer: mutated templates and benchmark plans, and random plans from the plan vocabulary, each through
 * {@link PlanOracle}. Fixed seeds and bounded tries keep CI short; {@code -Dsynthgen.fuzz.tries=20000} runs a long
 * campaign. Shrinking is off: a failing input is minimized by hand into {@code fuzz/corpus/}.
 */
@AddLifecycleHook(FuzzTries.class)
class PlanFuzzTest {

  private static final Map<PlanOracle.Outcome, Integer> OUTCOMES = new EnumMap<>(PlanOracle.Outcome.class);

  @Provide
  Arbitrary<Seed> seeds() {
    return Arbitraries.of(FuzzSeeds.all());
  }

  @Property(tries = 100, seed = "20261201", shrinking = ShrinkingMode.OFF)
  void mutatedTemplatesAreRefusedCleanlyOrGenerateTrueData(@ForAll("seeds") Seed seed, @ForAll long mutation) {
    PlanMutator.Mutant m = PlanMutator.mutate(seed.json(), mutation);
    record(PlanOracle.check(m.json(), "seed " + seed + ", mutation seed " + mutation + ", " + m));
  }

  @Property(tries = 150, seed = "20261202", shrinking = ShrinkingMode.OFF)
  void randomPlansAreRefusedCleanlyOrGenerateTrueData(@ForAll long planSeed) {
    String json = RandomPlans.plan(planSeed);
    record(PlanOracle.check(json, "random plan " + planSeed + ":\n" + json));
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
  void everySeedAsShippedGeneratesTrueData(@ForAll("seeds") Seed seed) {
    PlanOracle.Outcome o = PlanOracle.check(seed.json(), "seed " + seed + " unchanged");
    assertTrue(o == PlanOracle.Outcome.GENERATED, seed + " must be accepted and generated, was " + o);
  }

  private static synchronized void record(PlanOracle.Outcome o) {
    OUTCOMES.merge(o, 1, Integer::sum);
  }

  @AfterContainer
  static void report() {
    System.err.println("plan fuzz outcomes: " + OUTCOMES);
  }
}
