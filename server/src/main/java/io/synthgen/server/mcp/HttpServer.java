package io.synthgen.server.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.synthgen.server.config.CallBudget;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolRegistry;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server over Streamable HTTP at {@code /mcp}, in Jetty. It binds where it is told (127.0.0.1 by default),
 * accepts only Host headers naming the loopback or the bound address and Origin headers of the same, parsed and
 * compared by scheme, host and port (no browser page of another site can drive it), and, when a token is
 * configured, requires {@code Authorization: Bearer <token>}. Bodies are bounded and checked before the MCP
 * transport reads them ({@link RequestGuard}); every error body is a JSON-RPC error without Java detail
 * ({@link JsonErrorHandler}); tool calls run under the call budget ({@link ToolRunner}), so no request keeps a
 * Jetty thread.
 * Each MCP session sees only its own plans in list_plans.
 */
public final class HttpServer implements AutoCloseable {

  public static final String ENDPOINT = "/mcp";

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  private final Server jetty;
  private final McpSyncServer mcp;
  private final ToolRunner runner;
  private final Services services;

  private HttpServer(Server jetty, McpSyncServer mcp, ToolRunner runner, Services services) {
    this.jetty = jetty;
    this.mcp = mcp;
    this.runner = runner;
    this.services = services;
  }

  /** Starts serving; port 0 picks a free port (see {@link #port()}). */
  public static HttpServer start(Services services, String host, int port, List<String> extraOrigins)
      throws Exception {
    return start(services, StandardTools.registry(services, "this MCP session"), host, port, extraOrigins);
  }

  /** Starts serving these tools. */
  static HttpServer start(Services services, ToolRegistry registry, String host, int port,
      List<String> extraOrigins) throws Exception {
    CallBudget budget = services.config().budget();
    OriginPolicy policy = new OriginPolicy(host, extraOrigins);
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(McpJsonDefaults.getMapper())
        .mcpEndpoint(ENDPOINT)
        .keepAliveInterval(Duration.ofSeconds(30))
        .httpHeaderValidator(policy)
        .maxRequestSize(budget.maxMessageBytes())
        .build();
    ToolRunner runner = new ToolRunner(budget);
    McpSyncServer mcp = McpAssembly.build(McpServer.sync(transport), services, registry, runner,
        ex -> "session:" + ex.sessionId());
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler ctx = new ServletContextHandler();
    ctx.setContextPath("/");
    ctx.setErrorHandler(new JsonErrorHandler());
    ServletHolder holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    ctx.addServlet(holder, ENDPOINT);
    String token = services.config().bearerToken();
    if (token != null) {
      FilterHolder auth = new FilterHolder(new BearerTokenFilter(token));
      auth.setAsyncSupported(true);
      ctx.addFilter(auth, "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    FilterHolder guard = new FilterHolder(new RequestGuard(policy, new JsonRpcGate(McpJsonDefaults.getMapper(),
        budget.maxMessageBytes())));
    guard.setAsyncSupported(true);
    ctx.addFilter(guard, "/*", EnumSet.of(DispatcherType.REQUEST));
    jetty.setHandler(ctx);
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.start();
    HttpServer s = new HttpServer(jetty, mcp, runner, services);
    LOG.info("synthgen MCP server on http://{}:{}{}{}", host, s.port(), ENDPOINT,
        token != null ? " (bearer token required)" : "");
    return s;
  }

  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public InetSocketAddress address() {
    ServerConnector c = (ServerConnector) jetty.getConnectors()[0];
    return new InetSocketAddress(c.getHost(), c.getLocalPort());
  }

  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops the server; declares no InterruptedException, which a try-with-resources could not handle. */
  @Override
  public void close() throws IOException {
    runner.close();
    mcp.closeGracefully();
    try {
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IOException("stopping the HTTP server failed: " + e.getMessage(), e);
    } finally {
      services.close();
    }
  }
}
