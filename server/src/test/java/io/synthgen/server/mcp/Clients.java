package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The MCP Java SDK client against synthgen, as a client application would use it. */
final class Clients {

  static final ObjectMapper JSON = new ObjectMapper();

  private Clients() {
  }

  /** The packaged jar (built by package before the integration tests). */
  static Path jar() {
    String p = System.getProperty("synthgen.jar");
    Path jar = p != null ? Path.of(p) : Path.of("target", "synthgen.jar");
    assertTrue(Files.isRegularFile(jar), "the packaged jar " + jar + " exists (run mvn verify)");
    return jar;
  }

  /** A client that starts {@code java -jar synthgen.jar serve ...} and talks to it over stdio. */
  static McpSyncClient stdio(Path state, Path out, List<McpSchema.ProgressNotification> progress) {
    return stdio(state, out, progress, Map.of());
  }

  /** As {@link #stdio(Path, Path, List)}, with extra environment variables for the server process. */
  static McpSyncClient stdio(Path state, Path out, List<McpSchema.ProgressNotification> progress,
      Map<String, String> env) {
    List<String> args = List.of("-jar", jar().toString(), "serve", "--state", state.toString(), "--output-root",
        out.toString());
    ServerParameters params = ServerParameters.builder("java").args(args).env(env).build();
    return build(McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper())), progress);
  }

  static McpSyncClient http(String url, List<McpSchema.ProgressNotification> progress) {
    return build(McpClient.sync(HttpClientStreamableHttpTransport.builder(url).endpoint(HttpServer.ENDPOINT)
        .build()), progress);
  }

  private static McpSyncClient build(McpClient.SyncSpec spec, List<McpSchema.ProgressNotification> progress) {
    List<McpSchema.ProgressNotification> sink = progress != null ? progress : new CopyOnWriteArrayList<>();
    McpSyncClient c = spec.clientInfo(McpSchema.Implementation.builder("synthgen-it", "1").build())
        .requestTimeout(Duration.ofMinutes(3))
        .initializationTimeout(Duration.ofSeconds(60))
        .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
        // the person says yes: replace files of an earlier run
        .elicitation(req -> McpSchema.ElicitResult.builder(McpSchema.ElicitResult.Action.ACCEPT)
            .content(Map.of("replace", true)).build())
        .progressConsumer(sink::add)
        .build();
    c.initialize();
    return c;
  }

  /** Calls a tool and returns its structured content; fails the test if the result is an error. */
  static JsonNode ok(McpSyncClient c, String tool, String args) {
    McpSchema.CallToolResult r = call(c, tool, args, null);
    assertFalse(Boolean.TRUE.equals(r.isError()), tool + " failed: " + text(r));
    return JSON.valueToTree(r.structuredContent());
  }

  /** Calls a tool that must fail; returns the error's code. */
  static String error(McpSyncClient c, String tool, String args) {
    McpSchema.CallToolResult r = call(c, tool, args, null);
    assertTrue(Boolean.TRUE.equals(r.isError()), tool + " should have failed: " + text(r));
    return JSON.valueToTree(r.structuredContent()).path("error").path("code").asText();
  }

  static McpSchema.CallToolResult call(McpSyncClient c, String tool, String args, Object progressToken) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> a = JSON.readValue(args, Map.class);
      McpSchema.CallToolRequest.Builder b = McpSchema.CallToolRequest.builder(tool).arguments(a);
      if (progressToken != null) {
        b.meta(Map.of("progressToken", progressToken));
      }
      return c.callTool(b.build());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  static String text(McpSchema.CallToolResult r) {
    StringBuilder b = new StringBuilder();
    for (McpSchema.Content c : r.content()) {
      if (c instanceof McpSchema.TextContent t) {
        b.append(t.text());
      }
    }
    return b.toString();
  }
}
