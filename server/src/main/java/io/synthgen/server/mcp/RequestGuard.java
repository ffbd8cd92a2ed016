package io.synthgen.server.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every HTTP request before the MCP transport sees it: the Host and Origin headers ({@link OriginPolicy}),
 * then, for a POST, the body: at most the message limit (413 otherwise, without reading the rest into memory), and
 * a well-formed JSON-RPC message of MCP ({@link JsonRpcGate}; 400 with the JSON-RPC error otherwise, a JSON
 * {@code null} included). Every refusal has a JSON body without any Java detail. A body that passes is handed on
 * as read.
 */
final class RequestGuard implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

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
      LOG.info("refused a request: {}", why);
      send(out, host != null ? MISDIRECTED : HttpServletResponse.SC_FORBIDDEN,
          JsonRpcGate.error(null, JsonRpcGate.REFUSED, why));
      return;
    }
    if (!"POST".equals(http.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    long declared = http.getContentLengthLong();
    if (declared > gate.maxBytes()) {
      send(out, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, gate.tooLarge(declared));
      return;
    }
    byte[] body = read(http.getInputStream(), gate.maxBytes());
    if (body == null) {
      send(out, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, gate.tooLarge(-1));
      return;
    }
    JsonRpcGate.Verdict v = gate.check(new String(body, StandardCharsets.UTF_8));
    if (v instanceof JsonRpcGate.Reject r) {
      LOG.info("answered a malformed message with JSON-RPC error {}", r.code());
      send(out, HttpServletResponse.SC_BAD_REQUEST, r.response());
    } else if (v instanceof JsonRpcGate.Drop d) {
      // a malformed notification or response: no JSON-RPC answer, only the HTTP status
      LOG.info("dropped a malformed message: {}", d.reason());
      out.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    } else if (v instanceof JsonRpcGate.Accept) {
      chain.doFilter(new Body(http, body), res);
    } else {
      throw new IllegalStateException("unknown verdict " + v);
    }
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
