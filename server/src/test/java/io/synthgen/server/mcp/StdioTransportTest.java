package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * stdio, as the issue found it broken: a line that is not a JSON-RPC object is answered with the error the
 * specification defines and the session goes on; a tool that fails in any way is answered; stdin's end stops the
 * server.
 */
class StdioTransportTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(90);

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "hello|-32700",
      "[]|-32600",
      "null|-32600",
      "`{\"jsonrpc\":\"2.0\"}`|-32600",
      "`{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/ca`|-32700",
      "`[{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}]`|-32600",
  })
  void aMalformedLineIsAnsweredAndTheSessionGoesOn(String line, int code) {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      FakeTools fakes = new FakeTools();
      try (InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, InProcess.BUDGET),
          s -> fakes.registry())) {
        run.client.initialize();
        List<JsonNode> got = run.client.exchange(line, null);
        assertEquals(1, got.size(), got.toString());
        assertEquals(code, got.get(0).path("error").path("code").asInt(), got.toString());
        assertTrue(got.get(0).get("id").isNull(), got.toString());
        assertEquals(9, run.client.request("tools/list", null).path("tools").size(), "the next request works");
        assertTrue(run.closeStdin(), "the server stops when stdin closes");
      }
    });
  }

  @Test
  void aLineOverTheLimitIsAnsweredWithoutBeingHeldAndTheSessionGoesOn() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, InProcess.BUDGET),
          s -> new FakeTools().registry())) {
        run.client.initialize();
        byte[] huge = new byte[InProcess.BUDGET.maxMessageBytes() * 4 + 1];
        Arrays.fill(huge, (byte) 'x');
        huge[huge.length - 1] = '\n';
        run.client.sendBytes(huge);
        List<JsonNode> got = run.client.drain("after-huge", null);
        assertEquals(1, got.size(), got.toString());
        assertEquals(-32600, got.get(0).path("error").path("code").asInt());
        assertTrue(got.get(0).path("error").path("message").asText().contains("limit of 262144 bytes"),
            got.toString());
        assertTrue(run.client.request("ping", null).isObject());
      }
    });
  }

  @Test
  void everyFailingToolIsAnsweredOverStdioAndTheServerStillServes() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      FakeTools fakes = new FakeTools();
      try (InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, InProcess.BUDGET),
          s -> fakes.registry())) {
        run.client.initialize();
        assertEquals("too_complex", toolError(run.client, "overflow"));
        assertEquals("budget_exceeded", toolError(run.client, "sleep"));
        assertEquals("budget_exceeded", toolError(run.client, "allocate"));
        assertEquals("server_error", toolError(run.client, "throw"));
        JsonNode io = RawRpc.answerTo(run.client.exchange(call("io-1", "io_failure"), "io-1"), "io-1");
        assertEquals(-32603, io.path("error").path("code").asInt(), io.toString());
        // two spinners hold both workers: the next call is told at once
        assertEquals("budget_exceeded", toolError(run.client, "spin"));
        assertEquals("budget_exceeded", toolError(run.client, "spin"));
        assertEquals("server_busy", toolError(run.client, "echo"));
        fakes.releaseSpinners.countDown();
        String code = "server_busy";
        while (code.equals("server_busy")) {
          // the spinners end at once and give their workers back
          Thread.sleep(50);
          JsonNode echo = RawRpc.answerTo(run.client.exchange(call("echo-ok", "echo"), "echo-ok"), "echo-ok");
          code = echo.path("result").path("isError").asBoolean()
              ? echo.path("result").path("structuredContent").path("error").path("code").asText() : "ok";
        }
        assertEquals("ok", code);
      }
    });
  }

  @Test
  void stdinEndStopsTheServerWhileACallIsStuck() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      FakeTools fakes = new FakeTools();
      InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, InProcess.BUDGET.withCallTimeout(
          Duration.ofSeconds(600))), s -> fakes.registry());
      run.client.initialize();
      run.client.send(call("stuck", "sleep"));
      run.client.request("ping", null);
      assertTrue(run.closeStdin(), "the server returns with a call in progress");
    });
  }

  private static String call(String id, String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\",\"arguments\":{}}}";
  }

  static String toolError(RawRpc.Session s, String tool) throws Exception {
    String id = tool + "-" + RawRpc.COUNTER.incrementAndGet();
    JsonNode r = RawRpc.answerTo(s.exchange(call(id, tool), id), id);
    assertTrue(r.path("result").path("isError").asBoolean(), r.toString());
    return r.path("result").path("structuredContent").path("error").path("code").asText();
  }
}
