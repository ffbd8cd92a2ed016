package io.synthgen.quality;

import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import java.util.List;
import java.util.function.Consumer;

/**
 * A table written with its defects: the clean source's name and rows, its columns (date-formats columns as strings,
 * {@code _defects} with column ground truth). {@link #rows()} is the clean row range the engine chunks over, as
 * {@link TableSource} says; a chunk holds its rows plus the copies injected after them, and {@link #outputRows()}
 * is the exact written count. Immutable and thread-safe.
 */
public final class DefectiveSource implements TableSource {

  private final Injection injection;
  private final Consumer<DefectChunk> tap;

  DefectiveSource(Injection injection, Consumer<DefectChunk> tap) {
    this.injection = injection;
    this.tap = tap;
  }

  /** This source, also handing every chunk it makes (clean rows, written rows, ground truth) to {@code tap}. */
  public DefectiveSource tapped(Consumer<DefectChunk> t) {
    return new DefectiveSource(injection, t);
  }

  @Override
  public String name() {
    return injection.clean.name();
  }

  @Override
  public List<OutputColumn> columns() {
    return injection.columns;
  }

  @Override
  public long rows() {
    return injection.clean.rows();
  }

  /** Rows written: the clean rows and every injected copy. */
  public long outputRows() {
    return injection.outputRows();
  }

  @Override
  public Batch chunk(long first, int n) {
    DefectChunk c = injection.chunk(first, n);
    if (tap != null) {
      tap.accept(c);
    }
    return c.defective();
  }

  /** The chunk with its clean rows and ground truth. */
  public DefectChunk defects(long first, int n) {
    return injection.chunk(first, n);
  }

  @Override
  public ResolvedTable table() {
    return injection.clean.table();
  }

  /** The plan table whose defects these are. */
  public io.synthgen.plan.Table spec() {
    return injection.table;
  }
}
