package io.synthgen.engine;

import io.synthgen.output.OutputColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import java.util.List;

/**
 * A table the engine writes: a name, the columns a writer sees, a row count and the rows of any chunk. A plan table
 * is one ({@link #of}); a batch of a series (a change feed, an incremental slice, a history table) is another.
 * Implementations are immutable and thread-safe: chunks are made on all cores at once.
 */
public interface TableSource {

  /** The output name: file {@code {name}.parquet} or folder {@code {name}/}. */
  String name();

  /** The columns every chunk carries, in order. */
  List<OutputColumn> columns();

  /** The chunks cover rows [0, rows()). */
  long rows();

  /**
   * Rows [first, first + n) of this source as a batch whose vectors follow {@link #columns()}. A batch may hold
   * more rows than {@code n} when the source adds rows (injected duplicates); the engine counts the rows it gets.
   */
  Batch chunk(long first, int n);

  /**
   * The same rows as {@link #chunk(long, int)}, evaluated in vectors of at most {@code vectorRows} rows where the
   * source can (the batch is the same either way); by default the chunk is evaluated whole.
   */
  default Batch chunk(long first, int n, int vectorRows) {
    return chunk(first, n);
  }

  /** The plan table the rows are generated from (for validation statistics), or null when there is none. */
  ResolvedTable table();

  /** A plan table as it is: rows [0, rows) with its output columns. */
  static TableSource of(ResolvedPlan plan, ResolvedTable t) {
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
        return TableEvaluator.range(plan, t, first, n).outputBatch();
      }

      @Override
      public Batch chunk(long first, int n, int vectorRows) {
        return VectorChunks.evaluate(n, vectorRows, (off, count) -> chunk(first + off, count));
      }

      @Override
      public ResolvedTable table() {
        return t;
      }
    };
  }

  /** Every table of a plan, in plan order. */
  static List<TableSource> all(ResolvedPlan plan) {
    return plan.tables().stream().map(t -> of(plan, t)).toList();
  }
}
