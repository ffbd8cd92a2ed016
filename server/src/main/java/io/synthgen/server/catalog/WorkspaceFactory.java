package io.synthgen.server.catalog;

/** Opens a workspace connection; the server's is Databricks, tests give their own. */
@FunctionalInterface
public interface WorkspaceFactory {

  /**
   * @param profile a profile of {@code ~/.databrickscfg}, or null for the SDK's default resolution (environment
   *     variables, then the DEFAULT profile)
   */
  Workspace open(String profile);
}
