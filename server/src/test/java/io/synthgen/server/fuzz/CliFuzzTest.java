package io.synthgen.server.fuzz;

import io.synthgen.fuzz.FuzzSeeds;
import io.synthgen.fuzz.FuzzSeeds.Seed;
import io.synthgen.fuzz.FuzzTries;
import io.synthgen.fuzz.PlanMutator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The command line under fuzzed input, in process: mutated templates and bench plans (also invalid UTF-8, truncated
 * JSON, an empty file, a byte-order mark, NUL bytes, UTF-16) through {@code generate}, {@code sample} and
 * {@code validate} (as a run folder's plan, manifest or table file). Every case must end with exit code 0, 2 or 3,
 * print no stack trace and finish within the hang guard. Failing inputs are kept in {@code fuzz/cli/}
 * ({@link CliCorpusTest}).
 */
@AddLifecycleHook(FuzzTries.class)
class CliFuzzTest {

  @Provide
  Arbitrary<Seed> seeds() {
    return Arbitraries.of(FuzzSeeds.all());
  }

  @Provide
  Arbitrary<String> commands() {
    return Arbitraries.of("generate", "sample", "validate");
  }

  @Property(tries = 50, seed = "20261204", shrinking = ShrinkingMode.OFF)
  void fuzzedPlanFilesEndWithACleanExitCode(@ForAll("seeds") Seed seed, @ForAll long mutation,
      @ForAll("commands") String command) throws IOException {
    Random r = new Random(mutation);
    PlanMutator.Mutant m = r.nextInt(4) == 0 ? new PlanMutator.Mutant(seed.json(), List.of())
        : PlanMutator.mutate(seed.json(), mutation);
    CliRuns.Corrupted bytes = CliRuns.corrupt(m.json().getBytes(StandardCharsets.UTF_8), r);
    String target = CliRuns.VALIDATE_TARGETS.get(r.nextInt(CliRuns.VALIDATE_TARGETS.size()));
    CliRuns.fuzz(command, bytes.bytes(), target, command + (command.equals("validate") ? " (as " + target + ")" : "")
        + " of seed " + seed + ", mutation " + mutation + ", bytes " + bytes.how() + ", " + m);
  }
}
