package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at any moment of a rerun into a folder holding a complete run leaves exactly one complete, valid run
 * there (the old one or the new one) and nothing beside it once repaired; the next run cleans up and succeeds. The
 * packaged CLI is killed at every step of the commit protocol (fault injection halts the process there) and at
 * moments spread over the whole run (SIGKILL from outside).
 */
class KillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Moments of the run killed from outside, spread evenly over one uninterrupted run's duration. */
  private static final int TIMED_KILLS = 13;
  /** Commit steps numbered in io.synthgen.run.Runs. */
  private static final int COMMIT_STEPS = 7;
  private static final String[] OLD = {"generate", "retail", "--rows", "3000", "--seed", "1", "--threads", "1"};
  private static final String[] NEW = {"generate", "retail", "--rows", "20000", "--seed", "2", "--threads", "2",
      "--rows-per-file", "15000"};

  @TempDir
  Path work;

  private Path oldRun;
  private Map<String, String> oldFiles;
  private Map<String, String> newFiles;
  private String oldHash;
  private String newHash;
  private long runMillis;

  private static String jar() {
    Path jar = Path.of(System.getProperty("synthgen.jar", "target/synthgen.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " exists (run mvn verify)");
    return jar.toString();
  }

  private Process start(List<String> jvm, String[] args, Path out) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-jar", jar()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--out", out.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    pb.environment().put("CI", "true");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(work.resolve("stderr.txt").toFile());
    return pb.start();
  }

  private int run(String[] args, Path out) throws Exception {
    Process p = start(List.of(), args, out);
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "finished: " + String.join(" ", args));
    return p.exitValue();
  }

  private int validate(Path out) throws Exception {
    List<String> cmd = List.of("java", "-jar", jar(), "validate", out.toString());
    Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(work.resolve("validate.txt").toFile())
        .redirectError(work.resolve("validate-err.txt").toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "validate finished");
    return p.exitValue();
  }

  /** Every data file and plan.json with its SHA-256 (the manifest holds timings, so it is compared by its hash). */
  private static Map<String, String> files(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString();
        if (!rel.equals("manifest.json")) {
          m.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
        }
      }
    }
    return m;
  }

  private static String planHash(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("manifest.json").toFile()).path("plan").path("hash").asText();
  }

  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
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

  @BeforeEach
  void referenceRuns() throws Exception {
    oldRun = work.resolve("reference-old").resolve("out");
    assertEquals(0, run(OLD, oldRun));
    oldFiles = files(oldRun);
    oldHash = planHash(oldRun);
    Path newRun = work.resolve("reference-new").resolve("out");
    long t0 = System.nanoTime();
    assertEquals(0, run(NEW, newRun));
    runMillis = (System.nanoTime() - t0) / 1_000_000;
    newFiles = files(newRun);
    newHash = planHash(newRun);
    assertTrue(!oldHash.equals(newHash) && newFiles.keySet().stream().anyMatch(f -> f.contains("/part-")),
        "the two runs differ, and the new one writes part folders");
  }

  @Test
  void killedAnywhereTheFolderHoldsOneCompleteRun() throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (int point = 0; point < COMMIT_STEPS + TIMED_KILLS; point++) {
      Path root = work.resolve("kill-" + point);
      Path out = root.resolve("out");
      copyTree(oldRun, out);
      String where;
      if (point < COMMIT_STEPS) {
        where = "commit:" + (point + 1);
        Process p = start(List.of("-Dsynthgen.test.haltAt=" + where), NEW, out);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertEquals(137, p.exitValue(), where + " halted the run: " + Files.readString(work.resolve("stderr.txt")));
      } else {
        long delay = runMillis * (point - COMMIT_STEPS + 1) / (TIMED_KILLS + 1);
        where = "SIGKILL after " + delay + " ms";
        Process p = start(List.of(), NEW, out);
        Thread.sleep(delay);
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
      }
      // a copy of the killed state, for the next run to clean up without validate's help
      Path next = work.resolve("next-" + point);
      copyTree(root, next);

      assertEquals(0, validate(out), where + ": " + Files.readString(work.resolve("validate.txt"))
          + Files.readString(work.resolve("validate-err.txt")));
      assertEquals(List.of("out"), entries(root), where + ": nothing beside the run once repaired");
      Map<String, String> now = files(out);
      String hash = planHash(out);
      boolean isOld = now.equals(oldFiles) && hash.equals(oldHash);
      boolean isNew = now.equals(newFiles) && hash.equals(newHash);
      assertTrue(isOld || isNew, where + ": the folder holds the old run or the new one, exactly; it holds "
          + now.keySet());
      outcomes.add(where + " -> " + (isOld ? "old" : "new"));

      assertEquals(0, run(NEW, next.resolve("out")), where + ": the next run succeeds "
          + Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
      assertEquals(List.of("out"), entries(next), where + ": the next run removed every leftover");
      assertEquals(newFiles, files(next.resolve("out")), where + ": and wrote the new run, validated as it wrote");
    }
    System.err.println("KillIT outcomes: " + outcomes);
    // the protocol's point of no return: before the old folder moves aside the old run stays, after it the new wins
    assertTrue(outcomes.subList(0, 3).stream().allMatch(o -> o.endsWith("old")), outcomes.toString());
    assertTrue(outcomes.subList(3, COMMIT_STEPS).stream().allMatch(o -> o.endsWith("new")), outcomes.toString());
  }
}
