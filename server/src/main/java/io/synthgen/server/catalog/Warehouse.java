package io.synthgen.server.catalog;

/**
 * A SQL warehouse of the workspace.
 *
 * @param state as Databricks reports it: RUNNING, STARTING, STOPPED, STOPPING, DELETING, DELETED
 */
public record Warehouse(String id, String name, String state, boolean serverless) {

  public boolean running() {
    return "RUNNING".equals(state);
  }

  public boolean usable() {
    return !"DELETED".equals(state) && !"DELETING".equals(state);
  }

  public String describe() {
    return "'" + name + "' (" + id + ", " + (serverless ? "serverless" : "classic/pro") + ", " + state.toLowerCase(
        java.util.Locale.ROOT) + ")";
  }
}
