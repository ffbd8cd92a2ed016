package io.synthgen.column;

import io.synthgen.vec.Vec;
import java.util.List;

/** The value of a parent column at the row the foreign key column {@code via} points to. */
public final class LookupGen implements ColumnGenerator {

  private final String via;
  private final String parentTable;
  private final String parentColumn;

  public LookupGen(String via, String parentTable, String parentColumn) {
    this.via = via;
    this.parentTable = parentTable;
    this.parentColumn = parentColumn;
  }

  @Override
  public Vec generate(BatchContext ctx) {
    Vec out = ctx.evaluate(parentTable, parentColumn, ctx.parentRows(via), ctx.size());
    Vecs.orNulls(out, ctx.column(via));
    return out;
  }

  @Override
  public String sql(io.synthgen.sql.SqlScope scope) {
    return scope.parentColumn(via, parentColumn);
  }

  @Override
  public List<String> dependencies() {
    return List.of(via);
  }
}
