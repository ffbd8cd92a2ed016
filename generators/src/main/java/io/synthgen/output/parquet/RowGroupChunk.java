package io.synthgen.output.parquet;

import io.synthgen.output.EncodedChunk;
import java.util.List;

/** One encoded row group: a column chunk per column, in schema order. */
record RowGroupChunk(long rows, List<EncodedColumn> columns) implements EncodedChunk {

  RowGroupChunk {
    columns = List.copyOf(columns);
  }

  @Override
  public long bytes() {
    long n = 0;
    for (EncodedColumn c : columns) {
      n += c.length();
    }
    return n;
  }
}
