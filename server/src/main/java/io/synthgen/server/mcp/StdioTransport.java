package io.synthgen.server.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over stdio: one JSON-RPC message per line on stdin, one per line on stdout. This replaces the SDK's
 * {@code StdioServerTransportProvider} (MCP Java SDK 2.1.0), which stops reading stdin at the first line that is
 * not a JSON-RPC message: after a line such as {@code hello} or {@code []} it answered nothing, and since stdin was
 * no longer read the server no longer noticed the client closing it. Here every line is checked by the
 * {@link JsonRpcGate}: a malformed one is answered with its JSON-RPC error and reading goes on; a line longer than
 * the message limit is skipped to its end without being held in memory, then answered; stdin's end ends
 * {@link #serve()}. Lines of stdout are written by one thread of the transport's own, in the order they were sent,
 * so no caller's interrupt (a tool call stopped by its budget) can break the stream.
 */
final class StdioTransport implements McpServerTransportProvider {

  private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);

  private final McpJsonMapper mapper;
  private final InputStream in;
  private final OutputStream out;
  private final JsonRpcGate gate;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "synthgen-stdout");
    t.setDaemon(true);
    return t;
  });
  private volatile McpServerSession session;

  /** How long closing waits for the lines already sent to reach stdout. */
  static final long FLUSH_SECONDS = 2;

  StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, int maxLineBytes) {
    this.mapper = mapper;
    this.in = in;
    this.out = out;
    this.gate = new JsonRpcGate(mapper, maxLineBytes);
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory factory) {
    this.session = factory.create(new SessionTransport());
  }

  /** Reads and dispatches lines until stdin ends (or fails), then returns. */
  void serve() {
    try {
      Line line = new Line(gate.maxBytes());
      while (!closed.get() && line.read(in)) {
        if (line.tooLong()) {
          write(gate.tooLarge(line.length()).toString());
        } else if (!line.isBlank()) {
          dispatch(line.text());
        }
      }
    } catch (IOException e) {
      if (!closed.get()) {
        LOG.warn("stdin failed: {}; stopping", e.toString());
      }
    }
  }

  private void dispatch(String text) {
    JsonRpcGate.Verdict v = gate.check(text);
    if (v instanceof JsonRpcGate.Accept a) {
      McpServerSession s = session;
      if (s == null) {
        throw new IllegalStateException("the transport has no session: build the server before serving");
      }
      s.handle(a.message()).subscribe(null, e -> LOG.warn("message not handled: {}", e.toString()));
    } else if (v instanceof JsonRpcGate.Reject r) {
      LOG.debug("answered a malformed message with JSON-RPC error {}", r.code());
      write(r.response().toString());
    } else if (v instanceof JsonRpcGate.Drop d) {
      LOG.debug("dropped a malformed message (nothing may answer it): {}", d.reason());
    } else {
      throw new IllegalStateException("unknown verdict " + v);
    }
  }

  private void write(String json) {
    // a lone surrogate (from an escape in a request) has no UTF-8 form: keep it escaped
    byte[] bytes = (JsonRpcGate.escapeLoneSurrogates(json) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      writer.execute(() -> {
        try {
          out.write(bytes);
          out.flush();
        } catch (IOException e) {
          if (!closed.get()) {
            LOG.warn("stdout failed: {}", e.toString());
          }
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("a line sent after the transport closed was dropped");
    }
  }

  /** Lets the lines already sent reach stdout, then stops the writer. */
  private void stopWriter() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(FLUSH_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("stdout did not take the last lines within {} s", FLUSH_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    McpServerSession s = session;
    return s == null ? Mono.empty() : s.sendNotification(method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    closed.set(true);
    McpServerSession s = session;
    return (s == null ? Mono.<Void>empty() : s.closeGracefully()).then(Mono.fromRunnable(this::stopWriter));
  }

  @Override
  public void close() {
    closed.set(true);
    McpServerSession s = session;
    if (s != null) {
      s.close();
    }
    stopWriter();
  }

  /** The one session's outbound side: messages become lines of stdout. */
  private final class SessionTransport implements McpServerTransport {

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return Mono.fromRunnable(() -> {
        if (closed.get()) {
          return;
        }
        String json;
        try {
          json = mapper.writeValueAsString(message);
        } catch (IOException e) {
          LOG.error("a message could not be written as JSON", e);
          if (message instanceof McpSchema.JSONRPCResponse r && r.id() != null) {
            ObjectNode err = JsonRpcGate.error(r.id(), McpSchema.ErrorCodes.INTERNAL_ERROR,
                "Internal error: the answer could not be written; the server's log has the details");
            json = err.toString();
          } else {
            return;
          }
        }
        write(json);
      });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
      return mapper.convertValue(data, type);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.fromRunnable(() -> closed.set(true));
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  /** One line of input read byte by byte into a buffer of at most the limit; the rest of a longer line is skipped. */
  private static final class Line {
    private final int max;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private long length;

    Line(int max) {
      this.max = max;
    }

    /** Reads the next line; false at the end of input with nothing read. */
    boolean read(InputStream in) throws IOException {
      buf.reset();
      length = 0;
      int b;
      boolean any = false;
      while ((b = in.read()) >= 0) {
        any = true;
        if (b == '\n') {
          return true;
        }
        if (length++ < max) {
          buf.write(b);
        }
      }
      return any;
    }

    boolean tooLong() {
      return length > max;
    }

    long length() {
      return length;
    }

    String text() {
      String s = buf.toString(StandardCharsets.UTF_8);
      return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    boolean isBlank() {
      return text().isBlank();
    }
  }
}
