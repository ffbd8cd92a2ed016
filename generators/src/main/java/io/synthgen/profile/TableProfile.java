package io.synthgen.profile;

import java.util.List;
import java.util.Optional;

/**
 * The profile of one table.
 *
 * @param name the table name a plan would use (a valid plan identifier, derived from the file or folder name)
 * @param location where it was read: a file or folder path relative to the output root, or a warehouse table name
 * @param format {@code parquet}, {@code csv}, {@code jsonl} or, for a warehouse table, {@code table}
 * @param rows the table's row count
 * @param columns one profile per column, in the source's column order
 * @param keys columns that are unique and never null, best first (the first is the proposed primary key)
 */
public record TableProfile(String name, String location, String format, long rows, List<ColumnProfile> columns,
    List<KeyCandidate> keys) {

  public TableProfile {
    columns = List.copyOf(columns);
    keys = List.copyOf(keys);
  }

  public Optional<ColumnProfile> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
