package io.synthgen.output.parquet;

import io.synthgen.output.EncodedChunk;
import io.synthgen.output.FileFormat;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.Destination;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.SchemaElement;

/**
 * Parquet written directly from column vectors: each encoded slice of a batch is one complete row group (data
 * page v2, per-chunk dictionaries, compressed pages), so all the work happens in {@link #encode} on the engine's
 * threads and appending is a copy.
 */
public final class ParquetFormat implements FileFormat {

  /** The {@code created_by} string; the form "{app} version {v}" is what readers parse. */
  static final String CREATED_BY = "synthgen version 0.1.0";

  private final List<OutputColumn> columns;
  private final PageCompressor compressor;
  private final List<SchemaElement> schema;
  private final String columnsJson;

  public ParquetFormat(List<OutputColumn> columns, Destination.Compression compression) {
    this.columns = List.copyOf(columns);
    this.compressor = PageCompressor.of(compression);
    List<SchemaElement> s = new ArrayList<>(columns.size() + 1);
    SchemaElement root = new SchemaElement("schema");
    root.setNum_children(columns.size());
    s.add(root);
    for (OutputColumn c : columns) {
      s.add(ParquetTypes.element(c));
    }
    this.schema = List.copyOf(s);
    this.columnsJson = ColumnsMetadata.json(columns);
  }

  @Override
  public String extension() {
    return ".parquet";
  }

  @Override
  public EncodedChunk encode(Batch batch, int from, int to) throws IOException {
    List<EncodedColumn> chunks = new ArrayList<>(columns.size());
    try (PageCompressor.Session session = compressor.session()) {
      for (int c = 0; c < columns.size(); c++) {
        chunks.add(ColumnChunkEncoder.encode(columns.get(c), batch.vectors().get(c), from, to, session));
      }
    }
    return new RowGroupChunk(to - from, chunks);
  }

  @Override
  public FilePart begin(OutputStream out) throws IOException {
    return new ParquetPart(out, schema, columnsJson);
  }
}
