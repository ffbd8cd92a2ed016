package io.synthgen.column;

import io.synthgen.vec.Vec;

/** In a table generated per parent: the key of the parent row this row belongs to. */
public final class ParentGen implements ColumnGenerator, ParentKeys {

  private final String columnName;
  private final ParentKeyValues keys;
  private final ChildLayout layout;

  public ParentGen(String columnName, ParentKeyValues keys, ChildLayout layout) {
    this.columnName = columnName;
    this.keys = keys;
    this.layout = layout;
  }

  @Override
  public String parentTable() {
    return layout.parentTable();
  }

  @Override
  public long[] parentRows(BatchContext ctx) {
    int n = ctx.size();
    long[] parents = new long[n];
    layout.locate(ctx.rows(), n, parents, new long[n]);
    return parents;
  }

  @Override
  public Vec generate(BatchContext ctx) {
    return keys.keys(ctx, ctx.parentRows(columnName), ctx.size());
  }

  @Override
  public String sql(io.synthgen.sql.SqlScope scope) {
    return keys.sql(scope, columnName, scope.parentRow(columnName));
  }

  @Override
  public String parentRowSql(io.synthgen.sql.SqlScope scope) {
    return scope.perParentParentRow();
  }

  @Override
  public ParentKeys parentKeys() {
    return this;
  }

  @Override
  public long distinctEstimate(long rows) {
    return Math.min(rows, layout.parentCount());
  }
}
