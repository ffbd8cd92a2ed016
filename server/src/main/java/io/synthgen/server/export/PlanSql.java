package io.synthgen.server.export;

import java.util.List;

/**
 * What an export needs of a compiled plan: the statements to run once, then per table (in plan order) its name,
 * exact row count, the one SELECT that produces its rows, and its output columns' comments.
 */
public record PlanSql(List<String> setup, List<Table> tables) {

  /** A table's compiled SELECT; {@code columns} are its output columns, each with its comment (blank: none). */
  public record Table(String name, long rows, String select, List<Column> columns) {
    public Table {
      columns = List.copyOf(columns);
    }
  }

  /** An output column and its comment. */
  public record Column(String name, String comment) {
  }

  public PlanSql {
    setup = List.copyOf(setup);
    tables = List.copyOf(tables);
  }
}
