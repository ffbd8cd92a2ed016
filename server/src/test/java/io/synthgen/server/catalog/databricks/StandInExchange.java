package io.synthgen.server.catalog.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP exchange as the endpoints see it: decoded path and query, a byte-counted body, JSON in and out. */
final class StandInExchange {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpExchange http;
  private final Counting body;
  private final Map<String, String> query = new LinkedHashMap<>();
  private int status;

  StandInExchange(HttpExchange http) {
    this.http = http;
    this.body = new Counting(http.getRequestBody());
    String raw = http.getRequestURI().getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
  }

  String method() {
    return http.getRequestMethod();
  }

  /** The percent-decoded path. */
  String path() {
    return http.getRequestURI().getPath();
  }

  String rawQuery() {
    String q = http.getRequestURI().getRawQuery();
    return q == null ? "" : q;
  }

  String query(String name) {
    return query.get(name);
  }

  String header(String name) {
    return http.getRequestHeaders().getFirst(name);
  }

  InputStream body() {
    return body;
  }

  long bodyBytes() {
    return body.count;
  }

  int status() {
    return status;
  }

  /** The body as a JSON object; a body that is not one is the client's mistake. */
  JsonNode json() {
    try {
      // read the bytes first: the mapper closes a stream it parses, and an error answer still drains the body
      JsonNode node = JSON.readTree(body.readAllBytes());
      if (node == null || !node.isObject()) {
        throw ApiError.invalid("Request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ApiError.invalid("Malformed request body: " + e.getMessage());
    }
  }

  /** Reads what is left of the body, so the client sees the answer rather than a reset connection. */
  void drain() throws IOException {
    body.transferTo(OutputStream.nullOutputStream());
  }

  void sendJson(int code, JsonNode node) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(node);
    http.getResponseHeaders().set("Content-Type", "application/json");
    send(code, bytes);
  }

  void sendEmpty(int code) throws IOException {
    status = code;
    http.sendResponseHeaders(code, -1);
  }

  /** A HEAD answer: the JDK server sends no length for HEAD by itself, so the headers are set by hand. */
  void sendHeaders(long contentLength, String contentType, String lastModified) throws IOException {
    http.getResponseHeaders().set("Content-Length", Long.toString(contentLength));
    http.getResponseHeaders().set("Content-Type", contentType);
    http.getResponseHeaders().set("Last-Modified", lastModified);
    sendEmpty(200);
  }

  void sendFile(Path file, String lastModified) throws IOException {
    http.getResponseHeaders().set("Content-Type", "application/octet-stream");
    http.getResponseHeaders().set("Last-Modified", lastModified);
    status = 200;
    http.sendResponseHeaders(200, Files.size(file));
    try (OutputStream out = http.getResponseBody()) {
      Files.copy(file, out);
    }
  }

  void sendError(ApiError e) throws IOException {
    drain();
    if ("HEAD".equals(method())) {
      sendEmpty(e.status);
      return;
    }
    ObjectNode node = JSON.createObjectNode().put("error_code", e.errorCode).put("message", e.getMessage());
    if (e.reason != null) {
      node.putArray("details").addObject()
          .put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
          .put("reason", e.reason)
          .put("domain", "filesystem.databricks.com");
    }
    sendJson(e.status, node);
  }

  private void send(int code, byte[] bytes) throws IOException {
    status = code;
    http.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Counts body bytes, for the request record. */
  private static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
