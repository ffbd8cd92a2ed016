package io.synthgen.compile;

import io.synthgen.distribution.Sampler;
import io.synthgen.plan.PerParent;
import io.synthgen.plan.Rounding;
import io.synthgen.plan.Shaped;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

/**
 * The child count of a parent row of a table generated per parent, in SQL: {@code max(0, (long) x)} with x the
 * count's shaped draw {@code clamp(round(offset + scale * sample))} at the parent's row within its batch, from the
 * stream {@code <child>#count} the resolver gives the local layout.
 */
final class ChildCounts {

  private ChildCounts() {
  }

  /** The count (BIGINT, never NULL) of the parent whose row within the batch is the BIGINT SQL {@code rowSql}. */
  static String sql(ResolvedPlan plan, ResolvedTable child, String rowSql) {
    PerParent pp = child.spec().perParent();
    Shaped shaped = pp.count();
    Sampler sampler = Sampler.of(shaped.distribution(), plan.root().child(child.name() + "#count"));
    String draw = sampler.sql(new RowScope(rowSql));
    String x = "(" + SqlText.lit(shaped.offset()) + " + " + SqlText.lit(shaped.scale()) + " * " + draw + ")";
    String rounded = round(x, shaped.rounding());
    // NaN compares as the largest double in Spark, as nothing in Java: it passes the clamp unchanged
    String clamped = "__x";
    if (shaped.max() != null) {
      clamped = "CASE WHEN __x > " + SqlText.lit((double) shaped.max()) + " AND NOT isnan(__x) THEN "
          + SqlText.lit((double) shaped.max()) + " ELSE " + clamped + " END";
    }
    if (shaped.min() != null) {
      clamped = "CASE WHEN __x < " + SqlText.lit((double) shaped.min()) + " THEN " + SqlText.lit((double) shaped.min())
          + " ELSE " + clamped + " END";
    }
    // (long) x saturates and maps NaN to 0; try_cast gives NULL there, which GREATEST skips
    return "GREATEST(0L, element_at(transform(array(" + rounded + "), __x -> try_cast(" + clamped
        + " AS BIGINT)), 1))";
  }

  /** {@link Rounding#apply} of a DOUBLE SQL expression, as a DOUBLE. */
  static String round(String x, Rounding r) {
    return switch (r) {
      case NONE -> x;
      case FLOOR -> "CAST(floor(" + x + ") AS DOUBLE)";
      case CEIL -> "CAST(ceil(" + x + ") AS DOUBLE)";
      case ROUND -> "CAST(floor(" + x + " + 0.5D) AS DOUBLE)";
    };
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
