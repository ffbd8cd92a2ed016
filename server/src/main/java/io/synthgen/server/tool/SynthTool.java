package io.synthgen.server.tool;

/** One tool: its contract and its behaviour. Implementations are stateless; state lives in {@link Services}. */
public interface SynthTool {

  ToolDefinition definition();

  /** Runs the call; mistakes of the caller are error results (or {@link ToolError}), never other exceptions. */
  ToolResult call(ToolCall call) throws Exception;
}
