package io.synthgen.series;

import io.synthgen.engine.Engine;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import java.util.List;

/**
 * Batch k of an append table: its rows [k * rows, (k + 1) * rows), every cell drawn at its own row (so no value of
 * another batch repeats), keys continued, advance columns moved by k * interval. A table generated per parent of an
 * append table holds the children of the parent's batch-k rows at rows [k * C, (k + 1) * C), C its rows per batch
 * (see the resolver's batched layout). Nothing of batches 0..k-1 is generated: batch k is a pure function of the
 * plan and k.
 */
public final class AppendSlices {

  private AppendSlices() {
  }

  /** Batch k of an append table, written under the table's name. */
  public static TableSource slice(ResolvedPlan plan, ResolvedTable t, long k) {
    if (!t.appends()) {
      throw new IllegalArgumentException(t.name() + " is not an append table");
    }
    Batches.checkBatch(plan, k);
    List<OutputColumn> columns = Engine.outputColumns(t);
    return new TableSource() {
      @Override
      public String name() {
        return t.name();
      }

      @Override
      public List<OutputColumn> columns() {
        return columns;
      }

      @Override
      public long rows() {
        return t.rows();
      }

      @Override
      public Batch chunk(long first, int n) {
        return TableEvaluator.slice(plan, t, k, first, n).outputBatch();
      }

      @Override
      public ResolvedTable table() {
        return t;
      }
    };
  }
}
