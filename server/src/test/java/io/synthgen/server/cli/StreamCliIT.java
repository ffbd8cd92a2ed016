package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.server.catalog.databricks.WorkspaceStandIn;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthgen stream} as a person runs it: the packaged jar, into a volume, and stopped by a signal. */
class StreamCliIT {

  @TempDir
  Path dir;

  private Process start(Map<String, String> env, String... args) throws Exception {
    Files.writeString(dir.resolve("plan.json"), BatchCommandsTest.PLAN);
    String jar = System.getProperty("synthgen.jar", "target/synthgen.jar");
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", new File(jar).getAbsolutePath(), "stream",
        "plan.json"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.environment().put("CI", "true");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
    return pb.start();
  }

  private String err() throws Exception {
    return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void eachBatchIsUploadedToTheVolumeAsItLands() throws Exception {
    try (WorkspaceStandIn ws = WorkspaceStandIn.start().addCatalog("demo")) {
      Process p = start(ws.environment(), "--rate", "100000000", "--batches", "2", "--out", "landing",
          "--max-records-per-file", "400", "--volume", "demo.cli.landing");
      assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the stream ended");
      assertEquals(0, p.exitValue(), err());
      assertTrue(err().contains("batch 1: uploaded 3 files"), err());
      Path volume = ws.localPath("/Volumes/demo/cli/landing");
      for (String f : List.of("devices/batch_0000/part-00000.json", "readings/batch_0000/part-00002.json",
          "readings/batch_0001/part-00000.json", "readings/batch_0001/part-00002.json")) {
        assertTrue(Files.isRegularFile(volume.resolve(f)), f);
        assertEquals(Files.size(dir.resolve("landing").resolve(f)), Files.size(volume.resolve(f)), f);
      }
    }
  }

  @Test
  void aSignalEndsTheStreamWithNoPartialFileUnderAFinalName() throws Exception {
    // 1,000 rows a batch at 500 rows a second: two seconds between batches, so the signal comes while waiting or
    // while a batch is written, never after the end
    Process p = start(Map.of(), "--rate", "500", "--out", "landing", "--threads", "1");
    Path landing = dir.resolve("landing");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(landing.resolve("_synthgen/batch_0000.json")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(Files.exists(landing.resolve("_synthgen/batch_0000.json")), "batch 0 landed: " + err());
    p.destroy(); // SIGTERM: the shutdown hook cancels the stream and waits for it
    assertTrue(p.waitFor(1, TimeUnit.MINUTES), "the stream stopped");
    Set<String> listed = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> s = Files.list(landing.resolve("_synthgen"))) {
      for (Path m : (Iterable<Path>) s.filter(f -> f.getFileName().toString().startsWith("batch_"))::iterator) {
        for (JsonNode t : json.readTree(m.toFile()).path("tables")) {
          for (JsonNode f : t.path("files")) {
            listed.add(f.path("path").asText());
            assertEquals(f.path("bytes").asLong(), Files.size(landing.resolve(f.path("path").asText())));
          }
        }
      }
    }
    Set<String> found = new TreeSet<>();
    try (Stream<Path> s = Files.walk(landing)) {
      s.filter(Files::isRegularFile).map(f -> landing.relativize(f).toString())
          .filter(f -> !f.startsWith("_synthgen/") && !f.equals(".synthgen-landing.lock")).forEach(found::add);
    }
    assertEquals(listed, found, "every data file belongs to a complete batch; no staging file is left");
  }
}
