package io.synthgen.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every HTTP request before the MCP transport sees it: the Host and Origin headers ({@link OriginPolicy}),
 * then, for a POST, the body: at most the message limit (413 otherwise, without reading the rest into memory), and
 * a well-formed JSON-RPC message of MCP ({@link JsonRpcGate}; 400 with the JSON-RPC error otherwise, a JSON
 * {@code null} included). Every refusal has a JSON body without any Java detail. A body that passes is handed on
 * as read. Every error body the MCP transport writes (any method) is checked on the way out: the SDK (2.1.0) writes
 * some failures (a GET without a session, a notification whose handler fails such as roots/list_changed without a
 * stream to ask the client on) as the serialized exception, stack trace included; such a body is replaced by a
 * JSON-RPC error with its message.
 */
final class RequestGuard implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Most bytes of an oversized body that are read and discarded so that the client can read the refusal. */
  static final long MAX_DISCARDED_BYTES = 16L << 20;

  /** HTTP 421 Misdirected Request: the Host header names another server. */
  private static final int MISDIRECTED = 421;

  private final OriginPolicy policy;
  private final JsonRpcGate gate;

  RequestGuard(OriginPolicy policy, JsonRpcGate gate) {
    this.policy = policy;
    this.gate = gate;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    HttpServletResponse out = (HttpServletResponse) res;
    String host = policy.hostRefusal(http.getHeader("Host"));
    String origin = host == null ? policy.originRefusal(http.getHeader("Origin")) : null;
    if (host != null || origin != null) {
      String why = host != null ? host : origin;
      LOG.debug("refused a request: {}", why);
      send(out, host != null ? MISDIRECTED : HttpServletResponse.SC_FORBIDDEN,
          JsonRpcGate.error(null, JsonRpcGate.REFUSED, why));
      return;
    }
    if (!"POST".equals(http.getMethod())) {
      CleanErrors clean = new CleanErrors(out);
      chain.doFilter(req, clean);
      clean.finish();
      return;
    }
    long declared = http.getContentLengthLong();
    if (declared > gate.maxBytes()) {
      refuseTooLarge(http, out, declared);
      return;
    }
    byte[] body = read(http.getInputStream(), gate.maxBytes());
    if (body == null) {
      refuseTooLarge(http, out, -1);
      return;
    }
    JsonRpcGate.Verdict v = gate.check(new String(body, StandardCharsets.UTF_8));
    if (v instanceof JsonRpcGate.Reject r) {
      LOG.debug("answered a malformed message with JSON-RPC error {}", r.code());
      send(out, HttpServletResponse.SC_BAD_REQUEST, r.response());
    } else if (v instanceof JsonRpcGate.Drop d) {
      // a malformed notification or response: no JSON-RPC answer, only the HTTP status
      LOG.debug("dropped a malformed message: {}", d.reason());
      out.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    } else if (v instanceof JsonRpcGate.Accept) {
      CleanErrors clean = new CleanErrors(out);
      chain.doFilter(new Body(http, body), clean);
      clean.finish();
    } else {
      throw new IllegalStateException("unknown verdict " + v);
    }
  }

  /**
   * Answers 413 for a body over the limit. Up to {@link #MAX_DISCARDED_BYTES} of it are read and thrown away first
   * (never held), so that a client still sending can read the answer; a longer body gets the answer and the
   * connection is closed.
   */
  private void refuseTooLarge(HttpServletRequest http, HttpServletResponse out, long declared)
      throws IOException {
    long rest = declared >= 0 ? declared : MAX_DISCARDED_BYTES;
    if (rest <= MAX_DISCARDED_BYTES) {
      InputStream in = http.getInputStream();
      byte[] skip = new byte[8192];
      long n = 0;
      int r;
      while (n < rest && (r = in.read(skip)) >= 0) {
        n += r;
      }
    } else {
      out.setHeader("Connection", "close");
    }
    LOG.debug("refused a body of {} bytes", declared);
    send(out, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, gate.tooLarge(declared));
  }

  /** The body, or null when it is longer than {@code max} bytes (reading stops there). */
  private static byte[] read(InputStream in, int max) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) >= 0) {
      if (buf.size() + n > max) {
        return null;
      }
      buf.write(chunk, 0, n);
    }
    return buf.toByteArray();
  }

  static void send(HttpServletResponse out, int status, ObjectNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    out.setStatus(status);
    out.setContentType("application/json");
    out.setCharacterEncoding("UTF-8");
    out.setContentLength(bytes.length);
    out.getOutputStream().write(bytes);
  }

  /**
   * A response whose error bodies (status 400 and above, written by the transport) are held back and replaced by a
   * clean JSON-RPC error when they are not one; other responses (results, server-sent events) pass untouched.
   */
  private static final class CleanErrors extends HttpServletResponseWrapper {
    private static final int MAX_MESSAGE_CHARS = 200;
    private final HttpServletResponse out;
    private int status;
    private ByteArrayOutputStream held;
    private PrintWriter writer;
    private ServletOutputStream stream;

    CleanErrors(HttpServletResponse out) {
      super(out);
      this.out = out;
    }

    @Override
    public void setStatus(int sc) {
      super.setStatus(sc);
      status = sc;
      if (sc >= 400 && held == null) {
        held = new ByteArrayOutputStream();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (held == null) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            held.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            held.write(b, off, len);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("error bodies are written blocking");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (held == null) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      if (held == null) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (held == null) {
        super.setContentLengthLong(len);
      }
    }

    /** Writes the held error body, cleaned. */
    void finish() throws IOException {
      if (held == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      String text = held.toString(StandardCharsets.UTF_8);
      if (text.contains(UNKNOWN_RESPONSE)) {
        // a client's response to a request this server never sent: the client's mistake, not the server's failure
        super.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        status = HttpServletResponse.SC_BAD_REQUEST;
      }
      ObjectNode clean = cleaned(text, status);
      if (clean == null) {
        byte[] bytes = held.toByteArray();
        out.setContentLength(bytes.length);
        out.getOutputStream().write(bytes);
        return;
      }
      LOG.warn("the MCP transport wrote an error body that is not a clean JSON-RPC error; sent instead: {}",
          clean);
      byte[] bytes = clean.toString().getBytes(StandardCharsets.UTF_8);
      out.setContentType("application/json");
      out.setContentLength(bytes.length);
      out.getOutputStream().write(bytes);
    }

    /** What the MCP SDK says of a response whose id names no request of this server. */
    private static final String UNKNOWN_RESPONSE = "Unexpected response for unknown id";

    /** Null when the body is a JSON-RPC error without Java detail, otherwise its replacement. */
    private static ObjectNode cleaned(String text, int status) {
      JsonNode body;
      try {
        body = JSON.readTree(text);
      } catch (IOException e) {
        body = null;
      }
      if (body != null && body.isObject() && body.path("error").path("code").isIntegralNumber()
          && body.path("error").path("message").isTextual() && body.has("id") && !text.contains("stackTrace")
          && !text.contains("Exception")) {
        return null;
      }
      String message = body == null ? "" : body.path("message").asText("");
      message = message.strip().lines().findFirst().orElse("");
      if (message.isEmpty() || message.contains("Exception") || message.length() > MAX_MESSAGE_CHARS) {
        message = "the request could not be handled";
      }
      // a 4xx is the client's request (a missing session id, a wrong Accept header), a 5xx the server's failure
      return status < 500 ? JsonRpcGate.error(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: "
          + message) : JsonRpcGate.error(null, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error: " + message
          + "; the server's log has the details");
    }
  }

  /** The request with its body already read. */
  private static final class Body extends HttpServletRequestWrapper {
    private final byte[] body;

    Body(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body was read already; read it blocking");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
