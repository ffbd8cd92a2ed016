package io.synthgen.column;

import io.synthgen.expr.CompiledExpr;
import io.synthgen.expr.ExprInput;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;

/** A compiled SQL expression over the row's other columns and parent lookups. */
public final class ExpressionGen implements ColumnGenerator {

  private final CompiledExpr expr;
  private final List<String> dependencies;

  /** {@code lookupVias} are the foreign key columns its {@code table.column} references go through. */
  public ExpressionGen(CompiledExpr expr, List<String> lookupVias) {
    this.expr = expr;
    List<String> deps = new ArrayList<>();
    for (String r : expr.references()) {
      if (r.indexOf('.') < 0) {
        deps.add(r);
      }
    }
    for (String v : lookupVias) {
      if (!deps.contains(v)) {
        deps.add(v);
      }
    }
    this.dependencies = List.copyOf(deps);
  }

  @Override
  public Vec generate(BatchContext ctx) {
    return expr.evaluate(new ExprInput() {
      @Override
      public int size() {
        return ctx.size();
      }

      @Override
      public long[] rows() {
        return ctx.rows();
      }

      @Override
      public long[] rowHashes() {
        return ctx.rowHashes();
      }

      @Override
      public Vec column(String name) {
        return ctx.column(name);
      }

      @Override
      public long batch() {
        return ctx.batch();
      }
    });
  }

  @Override
  public String sql(io.synthgen.sql.SqlScope scope) {
    return expr.sql(scope);
  }

  @Override
  public List<String> dependencies() {
    return dependencies;
  }
}
