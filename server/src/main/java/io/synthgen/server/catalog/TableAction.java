package io.synthgen.server.catalog;

import java.util.List;

/**
 * What publishing does to one table: the target (a table's full name or a volume folder), whether something is
 * there already, and the statements that load it (none for files).
 */
public record TableAction(String table, String target, Action action, long rows, List<String> statements) {

  /** The effect on the target. */
  public enum Action {
    CREATE, REPLACE, APPEND, LAND_FILES, REPLACE_FILES;

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public TableAction {
    statements = List.copyOf(statements);
  }
}
