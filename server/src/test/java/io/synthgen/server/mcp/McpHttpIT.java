package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.error;
import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK client over Streamable HTTP: the workflow with progress and elicitation, concurrent sessions that do
 * not see each other's plans, and the transport's guards (Host, Origin, bearer token).
 */
class McpHttpIT {

  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @TempDir
  Path dir;

  @Test
  void workflowAndSessionsOverHttp() throws Exception {
    Services services = new Services(ToolFixture.config(dir.resolve("state"), dir.resolve("out")),
        ToolFixture.NO_WORKSPACE);
    try (HttpServer server = HttpServer.start(services, "127.0.0.1", 0, List.of())) {
      String url = "http://127.0.0.1:" + server.port();
      List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
      try (McpSyncClient a = Clients.http(url, progress); McpSyncClient b = Clients.http(url, null)) {
        // two sessions at once, each proposing and listing
        CompletableFuture<JsonNode> pa = CompletableFuture.supplyAsync(() ->
            ok(a, "propose_plan", "{\"template\": \"retail\", \"rows\": 1000}"));
        CompletableFuture<JsonNode> pb = CompletableFuture.supplyAsync(() ->
            ok(b, "propose_plan", "{\"tables\": [{\"name\": \"events\", \"rows\": 500, "
                + "\"columns\": [\"event_id\", \"created_at\", \"severity\"]}]}"));
        String idA = pa.get().path("plan_id").asText();
        String idB = pb.get().path("plan_id").asText();
        JsonNode listA = ok(a, "list_plans", "{}").path("plans");
        JsonNode listB = ok(b, "list_plans", "{}").path("plans");
        assertEquals(1, listA.size());
        assertEquals(idA, listA.get(0).path("plan_id").asText());
        assertEquals(1, listB.size());
        assertEquals(idB, listB.get(0).path("plan_id").asText());

        // session a runs its plan twice: the second run's overwrite is confirmed through elicitation
        assertEquals("not_approved", error(a, "generate_full", "{\"plan_id\": \"" + idA + "\"}"));
        ok(a, "approve_plan", "{\"plan_id\": \"" + idA + "\", \"version\": 1}");
        for (int run = 0; run < 2; run++) {
          McpSchema.CallToolResult r = Clients.call(a, "generate_full",
              "{\"plan_id\": \"" + idA + "\", \"wait_seconds\": 60}", "p" + run);
          assertFalse(Boolean.TRUE.equals(r.isError()), Clients.text(r));
          assertEquals("succeeded", Clients.JSON.valueToTree(r.structuredContent()).path("status").asText());
        }
        assertFalse(progress.isEmpty(), "progress over HTTP");
        assertTrue(Files.isRegularFile(dir.resolve("out/retail/manifest.json")));
      }
    }
  }

  @Test
  void thePackagedServerServesHttp() throws Exception {
    Process p = new ProcessBuilder("java", "-jar", Clients.jar().toString(), "serve", "--http", "0", "--state",
        dir.resolve("state").toString(), "--output-root", dir.resolve("out").toString()).start();
    try {
      java.io.BufferedReader err = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(),
          StandardCharsets.UTF_8));
      String url = null;
      String line;
      while (url == null && (line = err.readLine()) != null) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/mcp").matcher(line);
        if (m.find()) {
          url = m.group(1);
        }
      }
      assertTrue(url != null, "the server prints where it listens");
      try (McpSyncClient c = Clients.http(url, null)) {
        assertEquals(io.synthgen.server.tool.ToolRegistry.NAMES,
            c.listTools().tools().stream().map(McpSchema.Tool::name).toList());
        assertEquals(1, ok(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 500}").path("version").asInt());
      }
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  @Test
  void hostOriginAndTokenAreChecked() throws Exception {
    Services services = new Services(ToolFixture.config(dir.resolve("state"), dir.resolve("out")),
        ToolFixture.NO_WORKSPACE);
    try (HttpServer server = HttpServer.start(services, "127.0.0.1", 0, List.of())) {
      assertEquals(421, post(server.port(), "evil.example:80", null, null));
      assertEquals(403, post(server.port(), "127.0.0.1:" + server.port(), "http://evil.example", null));
      assertEquals(200, post(server.port(), "127.0.0.1:" + server.port(), "http://localhost:6274", null));
    }
    Services secured = new Services(ToolFixture.config(dir.resolve("state2"), dir.resolve("out2"))
        .withBearerToken("s3cret"), ToolFixture.NO_WORKSPACE);
    try (HttpServer server = HttpServer.start(secured, "127.0.0.1", 0, List.of())) {
      assertEquals(401, post(server.port(), "127.0.0.1:" + server.port(), null, null));
      assertEquals(401, post(server.port(), "127.0.0.1:" + server.port(), null, "Bearer wrong"));
      assertEquals(200, post(server.port(), "127.0.0.1:" + server.port(), null, "Bearer s3cret"));
    }
  }

  /** A raw initialize POST with the given Host (and Origin, Authorization); returns the HTTP status. */
  private static int post(int port, String host, String origin, String auth) throws Exception {
    byte[] body = INIT.getBytes(StandardCharsets.UTF_8);
    StringBuilder req = new StringBuilder("POST /mcp HTTP/1.1\r\nHost: ").append(host).append("\r\n")
        .append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
        .append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n");
    if (origin != null) {
      req.append("Origin: ").append(origin).append("\r\n");
    }
    if (auth != null) {
      req.append("Authorization: ").append(auth).append("\r\n");
    }
    req.append("\r\n");
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream o = s.getOutputStream();
      o.write(req.toString().getBytes(StandardCharsets.US_ASCII));
      o.write(body);
      o.flush();
      InputStream in = s.getInputStream();
      StringBuilder status = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        status.append((char) c);
      }
      return Integer.parseInt(status.toString().split(" ")[1]);
    }
  }
}
