package io.synthgen.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plan files the command-line fuzzer failed on ({@code fuzz/cli/}), through generate, sample and validate. */
class CliCorpusTest {

  private static final String CORPUS = "fuzz/cli/";

  /** The files the corpus index lists. */
  static Stream<String> corpus() {
    List<String> out = new ArrayList<>();
    for (String line : CliRuns.resource(CORPUS + "README.md").split("\n")) {
      if (line.startsWith("| `")) {
        out.add(line.substring(3, line.indexOf('`', 3)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void endsWithACleanExitCode(String file) throws IOException {
    byte[] bytes;
    try (InputStream in = CliCorpusTest.class.getClassLoader().getResourceAsStream(CORPUS + file)) {
      bytes = in.readAllBytes();
    }
    // every command is run, so that one report names all that fail on the file
    List<String> failures = new ArrayList<>();
    for (String command : List.of("generate", "sample")) {
      failed(failures, () -> CliRuns.fuzz(command, bytes, null, command + " of corpus file " + file));
    }
    for (String target : CliRuns.VALIDATE_TARGETS) {
      failed(failures, () -> CliRuns.fuzz("validate", bytes, target, "validate of a run whose " + target
          + " is corpus file " + file));
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " of 5 commands ended uncleanly:\n" + String.join("\n\n", failures));
    }
  }

  /** A command run that may fail the check. */
  interface Case {
    void run() throws IOException;
  }

  private static void failed(List<String> failures, Case c) throws IOException {
    try {
      c.run();
    } catch (AssertionError e) {
      failures.add(e.getMessage());
    }
  }

  @Test
  void theReferenceRunValidates() throws IOException {
    io.synthgen.server.cli.CliRun.Result r = CliRuns.run("validate", CliRuns.goodRun().toString());
    assertEquals(0, r.code(), "a fresh run validates: " + r);
  }
}
