package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Streamable HTTP as the issue found it broken: malformed JSON-RPC got serialized Java exceptions, a JSON null body
 * a 500, Origin was matched by prefix, and a failing tool call kept its Jetty thread. Every answer here is a
 * JSON-RPC error without Java detail, and the server answers the next call.
 */
class HttpGuardTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(90);

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} -> HTTP {1}, {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "null|400|-32600",
      "hello|400|-32700",
      "[]|400|-32600",
      "`{\"jsonrpc\":\"2.0\"}`|400|-32600",
      "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":`|400|-32700",
      "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}`|400|-32602",
      "`\"\"`|400|-32600",
      "``|400|-32700",
  })
  void malformedBodiesGetAJsonRpcError(String body, int status, int code) {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (HttpServer server = InProcess.http(InProcess.services(dir, InProcess.BUDGET), InProcess::standard)) {
        RawRpc.Http http = new RawRpc.Http(server.port());
        http.initialize();
        RawRpc.Http.Answer a = http.post(body, Map.of());
        assertEquals(status, a.status(), a.toString());
        List<JsonNode> got = RawRpc.Http.messages(a);
        assertEquals(1, got.size(), a.toString());
        assertEquals(code, got.get(0).path("error").path("code").asInt(), a.toString());
        assertEquals(RawRpc.Http.messages(http.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", Map.of()))
            .size(), 1, "the session goes on");
      }
    });
  }

  @Test
  void oversizedBodiesAreRefusedWithoutBeingRead() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (HttpServer server = InProcess.http(InProcess.services(dir, InProcess.BUDGET), InProcess::standard)) {
        RawRpc.Http http = new RawRpc.Http(server.port());
        http.initialize();
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
            + "y".repeat(InProcess.BUDGET.maxMessageBytes()) + "\"}}";
        RawRpc.Http.Answer declared = http.post(big, Map.of());
        assertEquals(413, declared.status());
        assertEquals(-32600, RawRpc.Http.messages(declared).get(0).path("error").path("code").asInt());
        // without a Content-Length (chunked), reading stops at the limit
        RawRpc.Http.Answer chunked = http.post(HttpRequest.BodyPublishers.ofInputStream(() ->
            new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))), Map.of());
        assertEquals(413, chunked.status(), chunked.toString());
        assertTrue(http.request("ping", null).isObject());
      }
    });
  }

  @ParameterizedTest
  @CsvSource({"http://127.0.0.1:1@evil.example,403", "http://evil.example,403", "http://localhost:5173,200",
      "http://localhost.evil.example,403", "null,403"})
  void originsAreComparedByTheirParts(String origin, int status) {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (HttpServer server = InProcess.http(InProcess.services(dir, InProcess.BUDGET), InProcess::standard)) {
        RawRpc.Http http = new RawRpc.Http(server.port());
        RawRpc.Http.Answer a = http.post(RawRpc.INIT, Map.of("Origin", origin));
        assertEquals(status, a.status(), a.toString());
        if (status != 200) {
          assertEquals(-32000, RawRpc.Http.messages(a).get(0).path("error").path("code").asInt());
        }
      }
    });
  }

  /** The transport's own refusals (session, Accept, Content-Type): the SDK wrote some as serialized exceptions. */
  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @CsvSource(delimiter = '|', value = {
      "GET|text/event-stream||",
      "GET|text/event-stream||nope",
      "POST|application/json, text/event-stream|application/json|",
      "POST|application/json, text/event-stream|application/json|nope",
      "POST|text/plain|application/json|",
      "POST|application/json, text/event-stream|text/plain|",
      "DELETE|||nope",
  })
  void transportRefusalsCarryNoJavaDetail(String method, String accept, String type, String session) {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (HttpServer server = InProcess.http(InProcess.services(dir, InProcess.BUDGET), InProcess::standard)) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            "http://127.0.0.1:" + server.port() + HttpServer.ENDPOINT)).timeout(Duration.ofSeconds(30))
            .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}") : HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
          b.header("Accept", accept);
        }
        if (type != null) {
          b.header("Content-Type", type);
        }
        if (session != null) {
          b.header("Mcp-Session-Id", session);
        }
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(b.build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
        RawRpc.assertNoJavaInternals(r.body());
        assertFalse(r.body().contains("stackTrace") || r.body().contains("<"), r.body());
        if (!r.body().isBlank()) {
          JsonNode e = RawRpc.JSON.readTree(r.body());
          assertTrue(e.path("error").path("code").isIntegralNumber() && e.has("id"), r.body());
        }
      }
    });
  }

  @Test
  void errorPagesOfOtherPathsAndMethodsAreJson() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (HttpServer server = InProcess.http(InProcess.services(dir, InProcess.BUDGET), InProcess::standard)) {
        RawRpc.Http http = new RawRpc.Http(server.port());
        for (String path : List.of("/nope", "/mcp/../../etc/passwd", "/mcp")) {
          RawRpc.Http.Answer a = http.get(path);
          assertTrue(a.status() >= 400, a.toString());
          assertFalse(a.body().contains("<"), "no HTML: " + a);
          RawRpc.assertNoJavaInternals(a.body());
        }
      }
    });
  }

  @Test
  void failingToolsAreAnsweredOverHttpAndFreeTheirThreads() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      FakeTools fakes = new FakeTools();
      try (HttpServer server = InProcess.http(InProcess.services(dir, InProcess.BUDGET), s -> fakes.registry());
          McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), null)) {
        for (int i = 0; i < 20; i++) {
          assertEquals("too_complex", Clients.error(c, "overflow", "{}"));
          assertEquals("budget_exceeded", Clients.error(c, "huge_array", "{}"));
          assertEquals("server_error", Clients.error(c, "throw", "{}"));
        }
        assertEquals("budget_exceeded", Clients.error(c, "sleep", "{}"));
        assertEquals("budget_exceeded", Clients.error(c, "allocate", "{}"));
        McpSchema.CallToolResult echo = Clients.call(c, "echo", "{\"n\": 1}", null);
        assertFalse(Boolean.TRUE.equals(echo.isError()), Clients.text(echo));
      }
    });
  }
}
