package io.synthgen.resolve;

import io.synthgen.column.ColumnGenerator;
import io.synthgen.plan.Column;
import io.synthgen.random.Stream;

/**
 * A column ready to generate: its spec, its generator, and the stream its NULLs are drawn from.
 *
 * @param nullStream a row is NULL when {@code nullStream.uniform(rowHash) < spec.nullRate()}
 */
public record ResolvedColumn(Column spec, int position, ColumnGenerator generator, Stream nullStream) {

  public String name() {
    return spec.name();
  }
}
