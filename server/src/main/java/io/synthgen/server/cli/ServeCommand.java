package io.synthgen.server.cli;

import io.synthgen.server.catalog.databricks.DatabricksWorkspace;
import io.synthgen.server.config.CallBudget;
import io.synthgen.server.config.Limits;
import io.synthgen.server.config.ServerConfig;
import io.synthgen.server.mcp.HttpServer;
import io.synthgen.server.mcp.StdioServer;
import io.synthgen.server.tool.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synthgen serve}: the MCP server, on stdio or Streamable HTTP. */
@Command(name = "serve", description = "Run the MCP server: on stdio (for a client that starts it), or on "
    + "Streamable HTTP with --http 127.0.0.1:8080. Plans persist in the state folder; full runs write inside the "
    + "output root.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--http", paramLabel = "HOST:PORT",
      description = "Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio (e.g. 127.0.0.1:8080; a port "
          + "alone binds 127.0.0.1).")
  String http;

  @Option(names = "--state", paramLabel = "DIR",
      description = "Where plans and job records persist (default $SYNTHGEN_STATE or ~/.synthgen/state).")
  Path state;

  @Option(names = "--output-root", paramLabel = "DIR",
      description = "Every local destination must be inside it (default $SYNTHGEN_OUTPUT_ROOT or ./output).")
  Path outputRoot;

  @Option(names = "--max-rows", paramLabel = "N", description = "Most rows a plan may have in all (default 100000000).")
  Long maxRows;

  @Option(names = "--max-tables", paramLabel = "N", description = "Most tables a plan may have (default 20).")
  Integer maxTables;

  @Option(names = "--max-columns", paramLabel = "N", description = "Most columns a table may have (default 200).")
  Integer maxColumns;

  @Option(names = "--threads", paramLabel = "N", description = "Engine threads for full runs (default: all cores).")
  Integer threads;

  @Option(names = "--call-timeout", paramLabel = "SECONDS", description = "Longest a tool call may run before it "
      + "is answered budget_exceeded and stopped; time waiting for the person (elicitation) does not count "
      + "(default 120, at least 1).")
  Long callTimeout;

  @Option(names = "--call-memory", paramLabel = "MIB", description = "Most memory a tool call may allocate before "
      + "it is answered budget_exceeded and stopped; background runs are not counted (default 2048, at least 16).")
  Long callMemory;

  @Option(names = "--call-workers", paramLabel = "N", description = "Tool calls that may run at once; another is "
      + "answered server_busy at once (default 8, at most 256).")
  Integer callWorkers;

  @Option(names = "--max-message-bytes", paramLabel = "N", description = "Largest JSON-RPC message accepted: one "
      + "stdio line or one HTTP body (default 4194304, at least 65536).")
  Integer maxMessageBytes;

  @Option(names = "--allowed-origin", paramLabel = "URL",
      description = "With --http: also accept requests from this browser origin (repeatable); loopback origins are "
          + "always accepted.")
  List<String> origins = new ArrayList<>();

  private CallBudget budget(CallBudget b) {
    if (callTimeout != null) {
      b = b.withCallTimeout(Duration.ofSeconds(callTimeout));
    }
    if (callMemory != null) {
      b = b.withCallMemoryBytes(Math.multiplyExact(callMemory, 1L << 20));
    }
    if (callWorkers != null) {
      b = b.withCallWorkers(callWorkers);
    }
    if (maxMessageBytes != null) {
      b = b.withMaxMessageBytes(maxMessageBytes);
    }
    return b;
  }

  @Override
  public Integer call() throws Exception {
    ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
    if (state != null) {
      config = config.withStateDir(state);
    }
    if (outputRoot != null) {
      config = config.withOutputRoot(outputRoot);
    }
    Limits d = Limits.DEFAULT;
    config = config.withLimits(new Limits(maxRows != null ? maxRows : d.maxRows(),
        maxTables != null ? maxTables : d.maxTables(), maxColumns != null ? maxColumns : d.maxColumns()));
    if (threads != null) {
      config = config.withEngineThreads(threads);
    }
    config = config.withBudget(budget(config.budget()));
    if (http == null) {
      StdioServer.run(new Services(config, DatabricksWorkspace::connect));
      return 0;
    }
    // a port alone binds the loopback
    String address = http.contains(":") ? http : "127.0.0.1:" + http;
    int colon = address.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--http takes HOST:PORT or PORT, e.g. 127.0.0.1:8080; got " + http);
    }
    String host = colon == 0 ? "127.0.0.1" : address.substring(0, colon);
    try (HttpServer server = HttpServer.start(new Services(config, DatabricksWorkspace::connect), host, port, origins)) {
      System.err.println("synthgen MCP server on http://" + host + ":" + server.port() + HttpServer.ENDPOINT);
      server.join();
    }
    return 0;
  }
}
