package io.synthgen.server.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolRegistry;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server over stdio: stdout carries JSON-RPC and nothing else (anything else printed goes to stderr), and the
 * server runs until the client closes stdin, then stops its tool calls and jobs and returns (the process exits, even
 * with a run in progress). All plans of the state folder belong to the one local client.
 */
public final class StdioServer {

  /** The owner of plans over stdio: one local client per process, sharing the state folder. */
  public static final String OWNER = "local";

  /** How long the server waits for open requests to finish after stdin ends, before it closes at once. */
  static final long SHUTDOWN_GRACE_SECONDS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

  private StdioServer() {
  }

  /** Serves on this process's stdin and stdout until stdin ends. */
  public static void run(Services services) {
    // the transport writes to the real stdout; every other print lands on stderr
    PrintStream rpcOut = System.out;
    System.setOut(System.err);
    serve(services, StandardTools.registry(services, "this state folder (stdio)"),
        new BufferedInputStream(System.in), rpcOut);
  }

  /** Serves these tools on {@code in} and {@code out} until {@code in} ends; closes the services. */
  static void serve(Services services, ToolRegistry registry, InputStream in, OutputStream out) {
    StdioTransport transport = new StdioTransport(McpJsonDefaults.getMapper(), in, out,
        services.config().budget().maxMessageBytes());
    ToolRunner runner = new ToolRunner(services.config().budget());
    McpSyncServer server = McpAssembly.build(McpServer.sync(transport), services, registry, runner, ex -> OWNER);
    LOG.info("synthgen MCP server on stdio; state {}, output root {}", services.config().stateDir(),
        services.config().outputRoot());
    try {
      transport.serve();
    } finally {
      LOG.info("stdin closed: stopping");
      runner.close();
      services.close();
      CompletableFuture<Void> graceful = CompletableFuture.runAsync(server::closeGracefully);
      try {
        graceful.get(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        server.close();
      } catch (InterruptedException e) {
        server.close();
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.warn("closing the MCP session failed: {}", e.getCause().toString());
        server.close();
      }
    }
  }
}
