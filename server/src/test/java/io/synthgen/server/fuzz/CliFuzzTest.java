package io.synthgen.server.fuzz;

import io.synthgen.fuzz.FuzzSeeds;
import io.synthgen.fuzz.FuzzSeeds.Seed;
import io.synthgen.fuzz.FuzzTries;
import io.synthgen.fuzz.PlanMutator;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The command line under fuzzed input, in process: mutated templates and bench plans (also invalid UTF-8, truncated
 * JSON, an empty file, a byte-order mark, NUL bytes, UTF-16) through {@code generate}, {@code sample} and
 * {@code validate} (as a run folder's plan, manifest or table file). Every case must end with exit code 0, 2 or 3,
 * print no stack trace and finish within the hang guard. Failing inputs are kept in {@code fuzz/cli/}
 * ({@link CliCorpusTest}).
 */
class CliFuzzTest {

  private static final List<String> COMMANDS = List.of("generate", "sample", "validate");

  @TestFactory
  Stream<DynamicTest> fuzzedPlanFilesEndWithACleanExitCode() {
    return FuzzTries.cases("cli case", 50, 20261204L, caseSeed -> () -> {
      Random r = new Random(caseSeed);
      Seed seed = FuzzTries.pick(FuzzSeeds.all(), caseSeed);
      String command = COMMANDS.get(r.nextInt(COMMANDS.size()));
      long mutation = r.nextLong();
      PlanMutator.Mutant m = r.nextInt(4) == 0 ? new PlanMutator.Mutant(seed.json(), List.of())
          : PlanMutator.mutate(seed.json(), mutation);
      CliRuns.Corrupted bytes = CliRuns.corrupt(m.json().getBytes(StandardCharsets.UTF_8), r);
      String target = CliRuns.VALIDATE_TARGETS.get(r.nextInt(CliRuns.VALIDATE_TARGETS.size()));
      try {
        CliRuns.fuzz(command, bytes.bytes(), target, command + (command.equals("validate") ? " (as " + target
            + ")" : "") + " of seed " + seed + ", mutation " + mutation + ", bytes " + bytes.how() + ", " + m);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
