package io.synthgen.server.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.server.tool.plan.PlanResources;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.SynthTool;
import io.synthgen.server.tool.ToolRegistry;
import java.time.Duration;
import java.util.function.Function;

/** Builds the MCP server: tools, resources, prompts and instructions over any transport. */
public final class McpAssembly {

  static final String INSTRUCTIONS = "synthgen generates realistic synthetic multi-table data (Parquet, CSV, JSONL) "
      + "deterministically. Workflow, which the server enforces: propose_plan (from an industry template or the "
      + "person's own tables) → show the person the whole rendered plan → revise_plan for every change they ask "
      + "for → generate_sample when they want a preview → approve_plan only after they explicitly approve → "
      + "generate_full (a background job: get_job, cancel_job). Unity Catalog catalog and schema are never "
      + "defaulted: ask the person.";

  /** Elicitation waits for a person: requests may take minutes. */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

  private McpAssembly() {
  }

  /**
   * Builds the server over a transport; its tool calls run on {@code runner}.
   *
   * @param registry the tools (the standard ones: {@code StandardTools.registry(services, listScope)})
   */
  static McpSyncServer build(McpServer.SyncSpecification<?> spec, Services services, ToolRegistry registry,
      ToolRunner runner, Function<McpSyncServerExchange, String> owner) {
    McpJsonMapper json = McpJsonDefaults.getMapper();
    LazySchemaValidator validator = new LazySchemaValidator();
    for (SynthTool t : registry.tools()) {
      spec.tools(ToolAdapter.spec(t, registry, runner, json, owner));
    }
    McpSyncServer server = spec.serverInfo("synthgen", version())
        .instructions(INSTRUCTIONS)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).prompts(false)
            .logging().build())
        .requestTimeout(REQUEST_TIMEOUT)
        .jsonMapper(json)
        .jsonSchemaValidator(validator)
        .resources(ResourceCatalog.fixed())
        .resourceTemplates(ResourceCatalog.perPlan(new PlanResources(services)))
        .prompts(PromptCatalog.all())
        .build();
    Warmup.start(services, validator);
    return server;
  }

  static String version() {
    String v = McpAssembly.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
