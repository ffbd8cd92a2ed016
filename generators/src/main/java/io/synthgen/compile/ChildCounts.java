package io.synthgen.compile;

import io.synthgen.resolve.ResolvedTable;
import io.synthgen.sql.SqlScope;

/**
 * The child count of a parent row of a table generated per parent, in SQL: {@code max(0, (long) x)} with x the
 * count's shaped draw at the parent's row within its batch, exactly as the local layout's {@code childCount}.
 */
final class ChildCounts {

  private ChildCounts() {
  }

  /** The count (BIGINT, never NULL) of the parent whose row within the batch is the BIGINT SQL {@code rowSql}. */
  static String sql(ResolvedTable child, String rowSql) {
    String x = child.childCount().sql(new RowScope(rowSql));
    // (long) x saturates and maps NaN to 0; try_cast gives NULL there, which GREATEST skips
    return "GREATEST(0L, try_cast(" + x + " AS BIGINT))";
  }

  /** The scope of a draw that needs only its row (a count, drawn at the parent's row). */
  private record RowScope(String row) implements SqlScope {

    @Override
    public String rowHash() {
      return "xxhash64(" + row + ")";
    }

    @Override
    public String column(String name) {
      throw refused();
    }

    @Override
    public String parentRow(String fkColumn) {
      throw refused();
    }

    @Override
    public String parentColumn(String fkColumn, String parentColumn) {
      throw refused();
    }

    @Override
    public String batch() {
      throw refused();
    }

    @Override
    public String perParentParentRow() {
      throw refused();
    }

    @Override
    public String perParentOrdinal() {
      throw refused();
    }

    @Override
    public String childAggregate(String childTable, String function, String column) {
      throw refused();
    }

    @Override
    public String constantArray(String hint, String sqlArray) {
      return sqlArray;
    }

    private static IllegalStateException refused() {
      return new IllegalStateException("a child count is drawn at its parent's row and reads nothing else");
    }
  }
}
