package io.synthgen.plan;

import java.util.List;
import java.util.Optional;

/**
 * A table of the plan. A {@link History} table has no columns of its own: they are its source's plus the version
 * columns, and its rows are made from the source's change feed. {@code rows} is the row count for independent tables; for a table generated per parent it
 * is the expected count (the exact count is computed by the resolver), which the validator holds to what the
 * parent's rows and the count make.
 */
public record Table(String name, long rows, String primaryKey, String description, PerParent perParent,
    List<Column> columns, Batching batching, ChangeFeed changeFeed, History history, Quality quality) {

  public Table {
    columns = List.copyOf(columns);
    batching = batching == null ? Batching.STATIC : batching;
  }

  /** A static table without change feed, history or injected defects. */
  public Table(String name, long rows, String primaryKey, String description, PerParent perParent,
      List<Column> columns) {
    this(name, rows, primaryKey, description, perParent, columns, Batching.STATIC, null, null, null);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public Table withRows(long n) {
    return new Table(name, n, primaryKey, description, perParent, columns, batching, changeFeed, history, quality);
  }

  public Table withColumns(List<Column> cols) {
    return new Table(name, rows, primaryKey, description, perParent, cols, batching, changeFeed, history, quality);
  }

  public Table withBatching(Batching b) {
    return new Table(name, rows, primaryKey, description, perParent, columns, b, changeFeed, history, quality);
  }

  public Table withChangeFeed(ChangeFeed f) {
    return new Table(name, rows, primaryKey, description, perParent, columns, batching, f, history, quality);
  }

  public Table withQuality(Quality q) {
    return new Table(name, rows, primaryKey, description, perParent, columns, batching, changeFeed, history, q);
  }

  /** Whether the table is generated (a history table is made from its source's feed instead). */
  public boolean generated() {
    return history == null;
  }
}
