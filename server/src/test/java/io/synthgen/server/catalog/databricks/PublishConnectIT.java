package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthgen publish} from the packaged jar with nothing to publish to: no Databricks configuration at all
 * (a clean environment and a home without {@code ~/.databrickscfg}), and a host that refuses connections.
 */
class PublishConnectIT {

  @TempDir
  Path dir;

  @Test
  void withNoConfigurationAtAllItSaysHowToSignIn() throws Exception {
    Result r = publish(Map.of());
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains("error: no Databricks workspace is configured"), r.err);
    assertTrue(r.err.contains("fix: " + DatabricksErrors.CONFIGURE), r.err);
    assertFalse(r.err.contains("cannot be null"), r.err);
    assertFalse(Files.exists(dir.resolve("output")), "nothing is generated before a workspace is reached");
  }

  @Test
  void aHostThatRefusesConnectionsFailsOnTheFirstAttempt() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Result r = publish(Map.of("DATABRICKS_HOST", "https://127.0.0.1:" + port, "DATABRICKS_TOKEN", "dapi-test"));
    assertEquals(1, r.code, r.err);
    assertTrue(r.err.contains("cannot reach the Databricks workspace https://127.0.0.1:" + port), r.err);
    assertTrue(r.err.contains("fix: " + FailFastHttpClient.UNREACHABLE_FIX), r.err);
    // what the SDK's own retries of a refused connection end in
    assertFalse(r.err.contains("failed after 4 retries"), r.err);
  }

  private Result publish(Map<String, String> env) throws IOException, InterruptedException {
    String jar = System.getProperty("synthgen.jar", "target/synthgen.jar");
    ProcessBuilder pb = new ProcessBuilder(List.of("java", "-jar", jar, "publish", "retail", "--rows", "100",
        "--catalog", "demo", "--schema", "s", "--dry-run")).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("DATABRICKS_") || k.startsWith("ARM_")
        || k.startsWith("AZURE_") || k.startsWith("GOOGLE_"));
    pb.environment().put("HOME", dir.toString());
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    // a hang guard, not a timing: the refused connection is answered in well under a second
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "publish finished");
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int code, String out, String err) {
  }
}
