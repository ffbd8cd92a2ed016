package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stdio at the byte level: every line the server writes to stdout is a JSON-RPC message, also while it generates
 * and reports progress; and the server exits cleanly when the client closes stdin.
 */
class StdioProtocolIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void stdoutCarriesOnlyJsonRpcAndTheServerExitsOnEof() throws Exception {
    Process p = new ProcessBuilder("java", "-jar", Clients.jar().toString(), "serve", "--state",
        dir.resolve("state").toString(), "--output-root", dir.resolve("out").toString())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try (OutputStream in = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      List<JsonNode> messages = new ArrayList<>();
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
      readUntil(out, 1, messages);
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"propose_plan\","
          + "\"arguments\":{\"template\":\"retail\",\"rows\":20000}}}");
      String id = readUntil(out, 2, messages).path("result").path("structuredContent").path("plan_id").asText();
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"approve_plan\","
          + "\"arguments\":{\"plan_id\":\"" + id + "\",\"version\":1}}}");
      readUntil(out, 3, messages);
      send(in, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"generate_full\","
          + "\"arguments\":{\"plan_id\":\"" + id + "\",\"wait_seconds\":60},\"_meta\":{\"progressToken\":\"t4\"}}}");
      JsonNode done = readUntil(out, 4, messages);
      assertEquals("succeeded", done.path("result").path("structuredContent").path("status").asText(),
          done.toString());
      long progress = messages.stream().filter(m -> "notifications/progress".equals(m.path("method").asText()))
          .count();
      assertTrue(progress >= 1, "progress notifications while generating");
    }
    // stdin is closed: the server shuts down by itself
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server exits when stdin closes");
    assertEquals(0, p.exitValue());
  }

  private static void send(OutputStream in, String line) throws Exception {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Reads lines until the response with this id; every line must be a JSON-RPC 2.0 message. */
  private static JsonNode readUntil(BufferedReader out, int id, List<JsonNode> seen) throws Exception {
    String line;
    while ((line = out.readLine()) != null) {
      JsonNode m;
      try {
        m = JSON.readTree(line);
      } catch (Exception e) {
        throw new AssertionError("stdout line is not JSON: " + line, e);
      }
      assertEquals("2.0", m.path("jsonrpc").asText(), "not JSON-RPC: " + line);
      seen.add(m);
      if (m.path("id").asInt(-1) == id && (m.has("result") || m.has("error"))) {
        return m;
      }
    }
    throw new AssertionError("stdout ended before the response to " + id);
  }
}
