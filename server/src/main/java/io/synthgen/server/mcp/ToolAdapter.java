package io.synthgen.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.server.tool.Elicitor;
import io.synthgen.server.tool.ProgressSink;
import io.synthgen.server.tool.SynthTool;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolDefinition;
import io.synthgen.server.tool.ToolRegistry;
import io.synthgen.server.tool.ToolResult;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A synthgen tool as an MCP tool: definition, annotations, and calls with progress and elicitation wired in. */
final class ToolAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(ToolAdapter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolAdapter() {
  }

  static SyncToolSpecification spec(SynthTool tool, ToolRegistry registry, ToolRunner runner, McpJsonMapper mapper,
      Function<McpSyncServerExchange, String> owner) {
    ToolDefinition d = tool.definition();
    McpSchema.Tool t = McpSchema.Tool.builder(d.name(), mapper, d.inputSchema().toString())
        .title(d.title())
        .description(d.description())
        .outputSchema(mapper, d.outputSchema().toString())
        .annotations(new McpSchema.ToolAnnotations(d.title(), d.readOnly(), d.destructive(), d.idempotent(),
            d.openWorld(), null))
        .build();
    return SyncToolSpecification.builder()
        .tool(t)
        .callHandler((ex, req) -> call(registry, runner, d.name(), ex, req, owner))
        .build();
  }

  private static McpSchema.CallToolResult call(ToolRegistry registry, ToolRunner runner, String name,
      McpSyncServerExchange ex, McpSchema.CallToolRequest req, Function<McpSyncServerExchange, String> owner) {
    JsonNode args = JSON.valueToTree(req.arguments() == null ? Map.of() : req.arguments());
    ToolCall call = new ToolCall(args, owner.apply(ex), progress(ex, req), elicitor(ex));
    ToolResult r;
    try {
      r = runner.run(registry, name, call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("interrupted while running " + name)
          .build();
    } catch (Exception e) {
      LOG.error("{} failed", name, e);
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message(name + " failed: " + e.getMessage() + " (a server problem, not a mistake in the request; "
              + "check the server's log and its state and output folders, then try again)")
          .build();
    }
    return McpSchema.CallToolResult.builder()
        .structuredContent(JSON.convertValue(r.structured(), Map.class))
        .addTextContent(r.text())
        .isError(r.isError())
        .build();
  }

  private static ProgressSink progress(McpSyncServerExchange ex, McpSchema.CallToolRequest req) {
    Object token = req.meta() == null ? null : req.meta().get("progressToken");
    if (token == null) {
      return null;
    }
    return (progress, total, message) -> {
      try {
        ex.progressNotification(McpSchema.ProgressNotification.builder(token, progress).total(total)
            .message(message).build());
      } catch (RuntimeException e) {
        LOG.debug("progress notification not delivered", e);
      }
    };
  }

  private static Elicitor elicitor(McpSyncServerExchange ex) {
    McpSchema.ClientCapabilities caps = ex.getClientCapabilities();
    if (caps == null || caps.elicitation() == null) {
      return null;
    }
    return (message, schema) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> requested = JSON.convertValue(schema, Map.class);
      McpSchema.ElicitResult r = ex.createElicitation(McpSchema.ElicitFormRequest.builder(message, requested).build());
      if (r.action() == McpSchema.ElicitResult.Action.ACCEPT && r.content() != null) {
        return Optional.of(r.content());
      }
      return Optional.empty();
    };
  }

}
