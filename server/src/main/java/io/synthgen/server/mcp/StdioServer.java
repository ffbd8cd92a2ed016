package io.synthgen.server.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.synthgen.server.tool.Services;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server over stdio: stdout carries JSON-RPC and nothing else (anything else printed goes to stderr), and the
 * server runs until the client closes stdin, then shuts down gracefully. All plans of the state folder belong to
 * the one local client.
 */
public final class StdioServer {

  /** The owner of plans over stdio: one local client per process, sharing the state folder. */
  public static final String OWNER = "local";

  private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

  private StdioServer() {
  }

  /** Serves until stdin ends. */
  public static void run(Services services) throws InterruptedException {
    // the transport writes to the real stdout; every other print lands on stderr
    PrintStream rpcOut = System.out;
    System.setOut(System.err);
    CountDownLatch eof = new CountDownLatch(1);
    InputStream in = new FilterInputStream(System.in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          eof.countDown();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
          eof.countDown();
        }
        return n;
      }
    };
    StdioServerTransportProvider transport = new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, rpcOut);
    McpSyncServer server = McpAssembly.build(McpServer.sync(transport), services, "this state folder (stdio)",
        ex -> OWNER);
    LOG.info("synthgen MCP server on stdio; state {}, output root {}", services.config().stateDir(),
        services.config().outputRoot());
    eof.await();
    server.closeGracefully();
    services.close();
  }
}
