package io.synthgen.server.fuzz;

import io.synthgen.fuzz.Guard;
import io.synthgen.server.cli.CliRun;
import io.synthgen.server.cli.CliRun.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command line run in process for the fuzzers: a fuzzed plan file through {@code generate}, {@code sample} or
 * {@code validate}, with stdout, stderr and the exit code captured, under the hang guard.
 */
final class CliRuns {

  /** Exit codes a plan file can lead to: done, bad input, validation failed (never 1, "failure", or a crash). */
  static final Set<Integer> ALLOWED_EXIT_CODES = Set.of(0, 2, 3);

  /** Rows of the main table a fuzzed {@code generate} asks for: small, so that a case stays fast. */
  static final int GENERATE_ROWS = 20;

  private static Path work;
  private static Path goodRun;

  private CliRuns() {
  }

  /** A scratch folder for the cases, holding a good run of the retail template that validate cases start from. */
  static synchronized Path work() throws IOException {
    if (work == null) {
      Path w = Files.createTempDirectory("synthgen-cli-fuzz-");
      Path good = w.resolve("good");
      Result r = run("generate", "retail", "--rows", "30", "--out", good.toString(), "--threads", "1");
      if (r.code() != 0 && r.code() != 3) {
        throw new IllegalStateException("the reference run failed: " + r);
      }
      work = w;
      goodRun = good;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          deleteRecursively(w);
        } catch (IOException e) {
          System.err.println("cannot remove " + w + ": " + e.getMessage());
        }
      }));
    }
    return work;
  }

  static Path goodRun() throws IOException {
    work();
    return goodRun;
  }

  /** Runs {@code command} on the bytes in a fresh case folder, then checks the end is clean. */
  static void fuzz(String command, byte[] plan, String target, String describe) throws IOException {
    Path caseDir = Files.createTempDirectory(work(), "case-");
    try {
      checkClean(describe, () -> command(command, plan, target, caseDir));
    } finally {
      deleteRecursively(caseDir);
    }
  }

  /** What a fuzzed {@code validate} replaces in a copy of the good run. */
  static final List<String> VALIDATE_TARGETS = List.of("plan.json", "manifest.json", "customers.parquet");

  /**
   * Runs {@code command} on a plan file holding {@code plan}; for {@code validate}, on a copy of the good run whose
   * {@code target} file holds the bytes instead.
   */
  static Result command(String command, byte[] plan, String target, Path caseDir) throws IOException {
    switch (command) {
      case "generate": {
        Path file = caseDir.resolve("plan.json");
        Files.write(file, plan);
        return run("generate", file.toString(), "--rows", String.valueOf(GENERATE_ROWS), "--out",
            caseDir.resolve("out").toString(), "--threads", "1");
      }
      case "sample": {
        Path file = caseDir.resolve("plan.json");
        Files.write(file, plan);
        return run("sample", file.toString(), "--per-table", "5", "--head", "2");
      }
      case "validate": {
        Path dir = caseDir.resolve("run");
        copy(goodRun(), dir);
        Files.write(dir.resolve(target), plan);
        return run("validate", dir.toString());
      }
      default:
        throw new IllegalArgumentException("no fuzzed command " + command);
    }
  }

  /** Bytes of a plan file, damaged in one of the ways a file on disk can be. */
  record Corrupted(byte[] bytes, String how) {
  }

  static Corrupted corrupt(byte[] b, Random r) {
    switch (r.nextInt(10)) {
      case 0: {
        byte[] out = Arrays.copyOf(b, b.length);
        int at = r.nextInt(Math.max(1, b.length));
        if (b.length > 0) {
          out[at] = (byte) (r.nextBoolean() ? 0xFF : 0xC3);
        }
        return new Corrupted(out, "invalid UTF-8 at " + at);
      }
      case 1: {
        int at = r.nextInt(Math.max(1, b.length));
        return new Corrupted(Arrays.copyOf(b, at), "truncated at " + at);
      }
      case 2:
        return new Corrupted(new byte[0], "empty");
      case 3: {
        byte[] out = new byte[b.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(b, 0, out, 3, b.length);
        return new Corrupted(out, "byte-order mark");
      }
      case 4: {
        byte[] out = Arrays.copyOf(b, b.length);
        for (int i = 0; i < 5 && b.length > 0; i++) {
          out[r.nextInt(b.length)] = 0;
        }
        return new Corrupted(out, "NUL bytes");
      }
      case 5:
        return new Corrupted(new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16), "UTF-16");
      default:
        return new Corrupted(b, "as written");
    }
  }

  /** A clean end: an allowed exit code, no stack trace on either stream, within the hang guard. */
  static void checkClean(String describe, Guarded work) {
    Result r = Guard.run(abbreviate(describe), work::run);
    String both = r.out() + r.err();
    if (!ALLOWED_EXIT_CODES.contains(r.code()) || both.contains("\tat ") || both.contains("Exception in thread")) {
      throw new AssertionError("unclean end: exit " + r.code() + "\n--- stdout\n" + abbreviate(r.out())
          + "\n--- stderr\n" + abbreviate(r.err()) + "\n" + abbreviate(describe));
    }
  }

  /** A command run that may throw. */
  interface Guarded {
    Result run() throws Exception;
  }

  static Result run(String... args) {
    return CliRun.run(args);
  }

  static String resource(String name) {
    try (InputStream in = CliRuns.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (p == null || !Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  static String abbreviate(String s) {
    return s.length() > 3000 ? s.substring(0, 3000) + "... (" + s.length() + " chars)" : s;
  }
}
