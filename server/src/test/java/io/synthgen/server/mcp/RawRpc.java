package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw JSON-RPC sessions with the server, below any MCP client library, for sending what no library would send:
 * one over stdio lines, one over HTTP POSTs. Both answer {@link #exchange}: the JSON-RPC messages the server sent
 * for one message.
 */
final class RawRpc {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Longest the tests wait for one answer: a hang guard, not a measurement. */
  static final long ANSWER_SECONDS = 30;

  static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private RawRpc() {
  }

  /** A session that sends raw messages. */
  interface Session extends AutoCloseable {

    /**
     * Sends one message and returns the messages the server sent for it: the answer to a request (waiting for it
     * when {@code expectedId} is not null), any error it chose to send, progress notifications.
     */
    List<JsonNode> exchange(String message, Object expectedId) throws Exception;

    /** A request that must succeed; returns its result. */
    default JsonNode request(String method, String params) throws Exception {
      String id = "req-" + COUNTER.incrementAndGet();
      List<JsonNode> got = exchange("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"" + method + "\""
          + (params == null ? "" : ",\"params\":" + params) + "}", id);
      JsonNode r = answerTo(got, id);
      assertTrue(r.has("result"), method + " failed: " + r);
      return r.get("result");
    }

    @Override
    void close() throws IOException;
  }

  static final AtomicLong COUNTER = new AtomicLong();

  /** The answer with this id among the messages; fails when there is none. */
  static JsonNode answerTo(List<JsonNode> messages, Object id) {
    for (JsonNode m : messages) {
      if (m.has("id") && idEquals(m.get("id"), id) && (m.has("result") || m.has("error"))) {
        return m;
      }
    }
    throw new AssertionError("no answer with id " + id + " in " + messages);
  }

  static boolean idEquals(JsonNode node, Object id) {
    if (id == null) {
      return node.isNull();
    }
    if (id instanceof String s) {
      return node.isTextual() && node.asText().equals(s);
    }
    return node.isIntegralNumber() && node.asLong() == ((Number) id).longValue();
  }

  /** Fails when an answer is not a JSON-RPC 2.0 response of the specification or shows Java internals. */
  static void assertConforming(JsonNode m, String raw) {
    assertEquals("2.0", m.path("jsonrpc").asText(), raw);
    if (m.has("method")) {
      return;
    }
    assertTrue(m.has("id"), "a response has an id (null when unknown): " + raw);
    assertTrue(m.has("result") ^ m.has("error"), "exactly one of result and error: " + raw);
    if (m.has("error")) {
      assertTrue(m.get("error").path("code").isIntegralNumber(), "an error has an integer code: " + raw);
      assertTrue(m.get("error").path("message").isTextual(), "an error has a message: " + raw);
    }
    assertNoJavaInternals(raw);
  }

  static void assertNoJavaInternals(String raw) {
    assertFalse(raw.contains("at io.") || raw.contains("\\tat ") || raw.contains("Exception:")
        || raw.contains("at java.") || raw.contains("at reactor."), "Java internals in an answer: " + raw);
  }

  /** stdio: lines to the server's stdin, lines from its stdout, read on a thread of their own. */
  static final class Stdio implements Session {
    private final OutputStream toServer;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean ended;

    Stdio(OutputStream toServer, InputStream fromServer) {
      this.toServer = toServer;
      this.reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the server closed its end
        } finally {
          ended = true;
        }
      }, "raw-stdio-reader");
      reader.setDaemon(true);
      reader.start();
    }

    boolean ended() {
      return ended && lines.isEmpty();
    }

    void send(String line) throws IOException {
      toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      toServer.flush();
    }

    void sendBytes(byte[] bytes) throws IOException {
      toServer.write(bytes);
      toServer.flush();
    }

    /** Sends the message, then a ping; returns what came until the ping's answer (and the expected answer). */
    @Override
    public List<JsonNode> exchange(String message, Object expectedId) throws Exception {
      send(message.replace("\n", " ").replace("\r", " "));
      return drain("sync-" + COUNTER.incrementAndGet(), expectedId);
    }

    /** Sends a ping and returns every message until its answer and, if given, the answer to {@code expectedId}. */
    List<JsonNode> drain(String syncId, Object expectedId) throws Exception {
      send("{\"jsonrpc\":\"2.0\",\"id\":\"" + syncId + "\",\"method\":\"ping\"}");
      List<JsonNode> got = new ArrayList<>();
      boolean synced = false;
      boolean answered = expectedId == null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
      while (!synced || !answered) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("no answer within " + ANSWER_SECONDS + " s (synced " + synced + ", answered "
              + answered + "); so far " + got);
        }
        JsonNode m;
        try {
          m = JSON.readTree(line);
        } catch (IOException e) {
          throw new AssertionError("stdout line is not JSON: " + line, e);
        }
        assertConforming(m, line);
        if (m.has("id") && idEquals(m.get("id"), syncId) && !m.has("method")) {
          synced = true;
        } else if (expectedId != null && m.has("id") && idEquals(m.get("id"), expectedId) && !m.has("method")) {
          answered = true;
          got.add(m);
        } else {
          got.add(m);
        }
      }
      return got;
    }

    /** Initializes the session: requests other than ping wait for it (the SDK holds them until initialized). */
    void initialize() throws Exception {
      send(INIT);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
      while (true) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("no answer to initialize within " + ANSWER_SECONDS + " s");
        }
        JsonNode m = JSON.readTree(line);
        assertConforming(m, line);
        if (idEquals(m.path("id"), "init")) {
          assertTrue(m.has("result"), line);
          break;
        }
      }
      send(INITIALIZED);
    }

    @Override
    public void close() throws IOException {
      toServer.close();
    }
  }

  /** HTTP: one POST per message to /mcp with the session's id; SSE and JSON answers are both read. */
  static final class Http implements Session {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private String sessionId;

    Http(int port) {
      this.endpoint = URI.create("http://127.0.0.1:" + port + HttpServer.ENDPOINT);
    }

    record Answer(int status, String contentType, String body) {
    }

    Answer post(String body, Map<String, String> headers) throws Exception {
      return post(HttpRequest.BodyPublishers.ofString(body), headers);
    }

    Answer post(HttpRequest.BodyPublisher body, Map<String, String> headers) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(ANSWER_SECONDS))
          .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
          .POST(body);
      if (sessionId != null) {
        b.header("Mcp-Session-Id", sessionId);
        b.header("MCP-Protocol-Version", "2025-06-18");
      }
      headers.forEach(b::header);
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      r.headers().firstValue("Mcp-Session-Id").ifPresent(id -> {
        if (sessionId == null) {
          sessionId = id;
        }
      });
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    Answer get(String path) throws Exception {
      HttpRequest req = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(ANSWER_SECONDS))
          .GET().build();
      HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Override
    public List<JsonNode> exchange(String message, Object expectedId) throws Exception {
      Answer a = post(message, Map.of());
      List<JsonNode> got = messages(a);
      if (expectedId != null) {
        answerTo(got, expectedId);
      }
      return got;
    }

    /** The JSON-RPC messages of an answer: its JSON body, or the data of its server-sent events. */
    static List<JsonNode> messages(Answer a) throws IOException {
      assertNoJavaInternals(a.body());
      assertFalse(a.body().contains("<html") || a.body().contains("<HTML"), "an HTML error page: " + a.body());
      List<JsonNode> out = new ArrayList<>();
      if (a.body().isBlank()) {
        return out;
      }
      if (a.contentType().startsWith("text/event-stream")) {
        for (String line : a.body().split("\n")) {
          if (line.startsWith("data:") && !line.substring(5).isBlank()) {
            JsonNode m = JSON.readTree(line.substring(5).strip());
            assertConforming(m, line);
            out.add(m);
          }
        }
        return out;
      }
      assertTrue(a.contentType().startsWith("application/json"), "a JSON body: " + a);
      JsonNode m = JSON.readTree(a.body());
      assertConforming(m, a.body());
      out.add(m);
      return out;
    }

    void initialize() throws Exception {
      answerTo(exchange(INIT, "init"), "init");
      Answer a = post(INITIALIZED, Map.of());
      assertTrue(a.status() == 202 || a.status() == 200, "initialized: " + a);
    }

    @Override
    public void close() throws IOException {
      if (sessionId != null) {
        HttpRequest req = HttpRequest.newBuilder(endpoint).header("Mcp-Session-Id", sessionId).DELETE().build();
        try {
          client.send(req, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
