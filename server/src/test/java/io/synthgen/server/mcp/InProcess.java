package io.synthgen.server.mcp;

import io.synthgen.server.config.CallBudget;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolRegistry;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The real servers in this JVM, over real pipes and a real socket, with the tools a test chooses. */
final class InProcess {

  /** A small budget so that the fake tools' misbehaviour is cut short. */
  static final CallBudget BUDGET = CallBudget.DEFAULT.withCallTimeout(Duration.ofSeconds(2))
      .withCallMemoryBytes(64L << 20).withCallWorkers(2).withMaxMessageBytes(256 << 10);

  private InProcess() {
  }

  static Services services(Path dir, CallBudget budget) {
    return new Services(ToolFixture.config(dir.resolve("state"), dir.resolve("out")).withBudget(budget),
        ToolFixture.NO_WORKSPACE);
  }

  /** The stdio server on a thread of its own, fed through pipes. */
  static final class StdioRun implements AutoCloseable {
    final RawRpc.Stdio client;
    final Thread server;
    private final Pipe.SinkChannel toServer;

    StdioRun(Services services, Function<Services, ToolRegistry> tools) throws IOException {
      Pipe in = Pipe.open();
      Pipe out = Pipe.open();
      toServer = in.sink();
      ToolRegistry registry = tools.apply(services);
      server = new Thread(() -> StdioServer.serve(services, registry, Channels.newInputStream(in.source()),
          Channels.newOutputStream(out.sink())), "stdio-server");
      server.start();
      client = new RawRpc.Stdio(Channels.newOutputStream(toServer), Channels.newInputStream(out.source()));
    }

    /** Closes stdin; true when the server returned within the hang guard. */
    boolean closeStdin() throws IOException, InterruptedException {
      toServer.close();
      server.join(TimeUnit.SECONDS.toMillis(RawRpc.ANSWER_SECONDS));
      return !server.isAlive();
    }

    @Override
    public void close() throws IOException {
      if (toServer.isOpen()) {
        try {
          closeStdin();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  static HttpServer http(Services services, Function<Services, ToolRegistry> tools) throws Exception {
    return HttpServer.start(services, tools.apply(services), "127.0.0.1", 0, List.of("http://localhost:5173"));
  }

  static ToolRegistry standard(Services s) {
    return StandardTools.registry(s, "test");
  }
}
