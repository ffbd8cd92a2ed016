package io.synthgen.server.tool;

/** Thrown inside a tool to return an error result at once; the registry turns it into that result. */
public final class ToolError extends Exception {

  private static final long serialVersionUID = 1L;
  private final transient ToolResult result;

  public ToolError(String code, String message, String nextStep) {
    super(message);
    this.result = ToolResult.error(code, message, nextStep);
  }

  public ToolResult result() {
    return result;
  }
}
