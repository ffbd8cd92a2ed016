package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.synthgen.server.config.CallBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server under hostile traffic, as the issue took it down: over HTTP, two hundred hostile requests in
 * a row (tool calls of about 150 KB whose expressions nest thousands of levels deep, malformed, oversized and null
 * bodies, foreign Origins), then a well-formed tools/call is answered correctly; over stdio, malformed lines and
 * the same hostile calls, then a well-formed call, and the process exits when stdin closes with a run in progress.
 * The latency of the last call is printed, not asserted.
 */
class HostileTrafficIT {

  private static final Duration HANG_GUARD = Duration.ofMinutes(5);

  /** Nesting of the hostile expression: about 150 KB of parentheses. */
  private static final int EXPRESSION_DEPTH = 75_000;

  @TempDir
  Path dir;

  static String deepExpressionCall(Object id) {
    String expr = "(".repeat(EXPRESSION_DEPTH) + "1" + ")".repeat(EXPRESSION_DEPTH);
    return "{\"jsonrpc\":\"2.0\",\"id\":" + RawRpc.JSON.valueToTree(id) + ",\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"propose_plan\",\"arguments\":{\"tables\":[{\"name\":\"t\",\"rows\":10,\"columns\":[\"t_id\","
        + "{\"name\":\"x\",\"type\":\"bigint\",\"strategy\":\"expression\",\"expr\":\"" + expr + "\"}]}]}}}";
  }

  @Test
  void twoHundredHostileRequestsThenAWellFormedCallOverHttp() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      Path log = dir.resolve("stderr.txt");
      Process p = new ProcessBuilder("java", "-jar", Clients.jar().toString(), "serve", "--http", "0", "--state",
          dir.resolve("state").toString(), "--output-root", dir.resolve("out").toString())
          .redirectError(log.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
      try {
        int port = port(log);
        RawRpc.Http http = new RawRpc.Http(port);
        http.initialize();
        byte[] oversized = new byte[CallBudget.DEFAULT_MAX_MESSAGE_BYTES + 1024];
        Arrays.fill(oversized, (byte) ' ');
        String over = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}" + new String(oversized,
            StandardCharsets.US_ASCII);
        for (int i = 0; i < 200; i++) {
          switch (i % 5) {
            case 0: {
              String id = "deep-" + i;
              JsonNode r = RawRpc.answerTo(http.exchange(deepExpressionCall(id), id), id);
              assertTrue(r.has("error") || r.path("result").path("isError").asBoolean(), r.toString());
              break;
            }
            case 1:
              assertEquals(400, http.post("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/call\","
                  + "\"params\":{\"name\":" + "[".repeat(5_000), Map.of()).status());
              break;
            case 2:
              assertEquals(413, http.post(over, Map.of()).status());
              break;
            case 3:
              assertEquals(400, http.post("null", Map.of()).status());
              break;
            default:
              assertEquals(403, http.post(RawRpc.INIT, Map.of("Origin", "http://127.0.0.1:" + port
                  + "@evil.example")).status());
          }
        }
        long start = System.nanoTime();
        try (McpSyncClient c = Clients.http("http://127.0.0.1:" + port, null)) {
          JsonNode plan = Clients.ok(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 500}");
          assertEquals(1, plan.path("version").asInt(), plan.toString());
          assertFalse(plan.path("plan_id").asText().isEmpty());
        }
        System.err.printf("HTTP: the well-formed call after 200 hostile requests took %d ms%n",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        RawRpc.assertNoJavaInternals(Files.readString(dir.resolve("stdout.txt")));
      } finally {
        p.destroy();
        p.waitFor(20, TimeUnit.SECONDS);
      }
    });
  }

  @Test
  void malformedLinesAndHostileCallsThenAWellFormedCallAndExitOnEofOverStdio() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      Process p = new ProcessBuilder("java", "-jar", Clients.jar().toString(), "serve", "--state",
          dir.resolve("state").toString(), "--output-root", dir.resolve("out").toString())
          .redirectError(dir.resolve("stderr.txt").toFile()).start();
      try {
        RawRpc.Stdio s = new RawRpc.Stdio(p.getOutputStream(), p.getInputStream());
        s.initialize();
        List<String> malformed = List.of("hello", "[]", "null", "{\"jsonrpc\":\"2.0\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/ca", "[".repeat(100_000), "\"\\ud800\"", "{}{}");
        for (int i = 0; i < 100; i++) {
          String line = malformed.get(i % malformed.size());
          List<JsonNode> got = s.exchange(line, null);
          assertEquals(1, got.size(), line + " -> " + got);
          assertTrue(got.get(0).get("id").isNull() && got.get(0).has("error"), got.toString());
        }
        byte[] huge = new byte[CallBudget.DEFAULT_MAX_MESSAGE_BYTES * 2];
        Arrays.fill(huge, (byte) '{');
        s.sendBytes(huge);
        s.send("");
        assertEquals(-32600, s.drain("after-huge", null).get(0).path("error").path("code").asInt());
        for (int i = 0; i < 20; i++) {
          String id = "deep-" + i;
          JsonNode r = RawRpc.answerTo(s.exchange(deepExpressionCall(id), id), id);
          assertTrue(r.has("error") || r.path("result").path("isError").asBoolean(), r.toString());
        }
        long start = System.nanoTime();
        JsonNode plan = s.request("tools/call", "{\"name\":\"propose_plan\",\"arguments\":{\"template\":\"retail\","
            + "\"rows\":200000}}").path("structuredContent");
        System.err.printf("stdio: the well-formed call after the hostile lines took %d ms%n",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        String id = plan.path("plan_id").asText();
        assertFalse(id.isEmpty(), plan.toString());
        s.request("tools/call", "{\"name\":\"approve_plan\",\"arguments\":{\"plan_id\":\"" + id + "\",\"version\":1}}");
        JsonNode job = s.request("tools/call", "{\"name\":\"generate_full\",\"arguments\":{\"plan_id\":\"" + id
            + "\",\"wait_seconds\":0}}").path("structuredContent");
        assertTrue(List.of("queued", "running").contains(job.path("status").asText()), job.toString());
        // the client goes away in the middle of the run: the process must end by itself
        s.close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server exits when stdin closes, even with a job running");
        assertEquals(0, p.exitValue());
      } finally {
        p.destroyForcibly();
      }
    });
  }

  private static int port(Path log) throws Exception {
    Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/mcp");
    for (int i = 0; i < 600; i++) {
      if (Files.exists(log)) {
        Matcher m = url.matcher(Files.readString(log));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not say where it listens: " + Files.readString(log));
  }
}
