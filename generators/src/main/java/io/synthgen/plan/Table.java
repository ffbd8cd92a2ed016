package io.synthgen.plan;

import java.util.List;
import java.util.Optional;

/**
 * A table of the plan. {@code rows} is the row count for independent tables; for a table generated per parent it
 * is the expected count (the exact count is computed by the resolver), which the validator holds to what the
 * parent's rows and the count make.
 */
public record Table(String name, long rows, String primaryKey, String description, PerParent perParent,
    List<Column> columns) {

  public Table {
    columns = List.copyOf(columns);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public Table withRows(long n) {
    return new Table(name, n, primaryKey, description, perParent, columns);
  }

  public Table withColumns(List<Column> cols) {
    return new Table(name, rows, primaryKey, description, perParent, cols);
  }
}
