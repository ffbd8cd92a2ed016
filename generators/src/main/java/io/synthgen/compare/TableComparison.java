package io.synthgen.compare;

import java.util.List;

/**
 * How one synthetic table compares with its source table.
 *
 * @param table the synthetic table's name
 * @param source where its source was read (a file or folder)
 * @param sourceRows rows of the source table
 * @param syntheticRows rows of the synthetic table
 * @param columns one comparison per shared column, in the synthetic table's order
 * @param sourceOnly columns of the source that the synthetic table lacks
 * @param syntheticOnly columns of the synthetic table that the source lacks
 * @param notes what was skipped or bounded, in plain words
 */
public record TableComparison(String table, String source, long sourceRows, long syntheticRows,
    List<ColumnComparison> columns, Correlations correlations, RowCheck rowCheck, List<String> sourceOnly,
    List<String> syntheticOnly, List<String> notes) {

  public TableComparison {
    columns = List.copyOf(columns);
    sourceOnly = List.copyOf(sourceOnly);
    syntheticOnly = List.copyOf(syntheticOnly);
    notes = List.copyOf(notes);
  }

  /** The largest column distance of the table, NaN when none is defined. */
  public double maxDistance() {
    return columns.stream().mapToDouble(ColumnComparison::value).filter(v -> !Double.isNaN(v)).max()
        .orElse(Double.NaN);
  }
}
