package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.WorkspaceFactory;
import io.synthgen.server.config.Limits;
import io.synthgen.server.config.ServerConfig;
import io.synthgen.server.mcp.StandardTools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Services over temporary folders with a fixed clock, and calls by tool name with JSON arguments. */
public final class ToolFixture implements AutoCloseable {

  /** Tests that publish pass their own workspaces ({@code new ToolFixture(dir, workspaces)}); others reach none. */
  public static final WorkspaceFactory NO_WORKSPACE = profile -> {
    throw new CatalogException(CatalogException.Kind.CONFIGURATION, "this test configures no workspace",
        "give the test a workspace: new ToolFixture(dir, workspaces)");
  };

  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  public final Path state;
  public final Path out;
  public final Services services;
  public final ToolRegistry registry;

  public ToolFixture(Path dir) {
    this(dir, Limits.DEFAULT);
  }

  /** Tools whose write_to_uc opens these workspaces (a stand-in for Databricks). */
  public ToolFixture(Path dir, WorkspaceFactory workspaces) {
    this(dir, Limits.DEFAULT, workspaces);
  }

  public ToolFixture(Path dir, Limits limits) {
    this(dir, limits, NO_WORKSPACE);
  }

  public ToolFixture(Path dir, Limits limits, WorkspaceFactory workspaces) {
    this.state = dir.resolve("state");
    this.out = dir.resolve("out");
    this.services = new Services(config(state, out).withLimits(limits), workspaces);
    this.registry = StandardTools.registry(services, "test");
  }

  public static ServerConfig config(Path state, Path out) {
    return new ServerConfig(state, out, Limits.DEFAULT, 2, CLOCK, null);
  }

  public ToolResult call(String tool, String argsJson) throws Exception {
    return call(tool, argsJson, "owner-a", null, null);
  }

  public ToolResult call(String tool, String argsJson, String owner, ProgressSink progress, Elicitor elicitor)
      throws Exception {
    JsonNode args = JSON.readTree(argsJson);
    return registry.call(tool, new ToolCall(args, owner, progress, elicitor));
  }

  @Override
  public void close() {
    services.close();
  }
}
