package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.server.tool.ToolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The Dockerfile builds an image that serves MCP: the SDK client lists the tools and proposes a plan over HTTP.
 * Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerImageIT {

  private static Path root() {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.isRegularFile(d.resolve("Dockerfile"))) {
      d = d.getParent();
    }
    if (d == null) {
      throw new IllegalStateException("no Dockerfile at or above " + Path.of("").toAbsolutePath());
    }
    return d;
  }

  @Container
  static final GenericContainer<?> SERVER = new GenericContainer<>(
      new ImageFromDockerfile("synthgen-it", true).withDockerfile(root().resolve("Dockerfile")))
      .withCommand("serve", "--http", "0.0.0.0:8080")
      .withExposedPorts(8080)
      .waitingFor(Wait.forLogMessage(".*synthgen MCP server on .*", 1).withStartupTimeout(Duration.ofMinutes(10)));

  @Test
  void imageServesMcp() {
    String url = "http://localhost:" + SERVER.getMappedPort(8080);
    try (McpSyncClient c = Clients.http(url, null)) {
      assertEquals(ToolRegistry.NAMES, c.listTools().tools().stream().map(McpSchema.Tool::name).toList());
      assertEquals(1, ok(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 1000}").path("version").asInt());
    }
  }
}
