package io.synthgen.server.tool;

/** A tool whose definition is {@code tools/<name>.json} and which works through the shared {@link Services}. */
public abstract class ServiceTool implements SynthTool {

  private final ToolDefinition definition;
  protected final Services services;

  protected ServiceTool(String name, Services services) {
    this.definition = ToolDefinition.load(name);
    this.services = services;
  }

  @Override
  public final ToolDefinition definition() {
    return definition;
  }
}
