package io.synthgen.output.parquet;

import io.synthgen.output.ByteBuf;
import io.synthgen.output.EncodedChunk;
import io.synthgen.output.FileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TypeDefinedOrder;

/** One Parquet file: magic, row groups copied from encoded chunks, then the footer (FileMetaData, length, magic). */
final class ParquetPart implements FileFormat.FilePart {

  /** The key-value metadata entry that carries column types and comments, which Parquet has no field for. */
  static final String COLUMNS_KEY = "synthgen.columns";
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final List<SchemaElement> schema;
  private final String columnsJson;
  private final List<RowGroup> rowGroups = new ArrayList<>();
  private long position;
  private long rows;

  ParquetPart(OutputStream out, List<SchemaElement> schema, String columnsJson) throws IOException {
    this.out = out;
    this.schema = schema;
    this.columnsJson = columnsJson;
    out.write(MAGIC);
    position = MAGIC.length;
  }

  @Override
  public void write(EncodedChunk chunk) throws IOException {
    RowGroupChunk rg = (RowGroupChunk) chunk;
    long start = position;
    long uncompressed = 0;
    List<ColumnChunk> columns = new ArrayList<>(rg.columns().size());
    for (EncodedColumn c : rg.columns()) {
      columns.add(c.place(position));
      out.write(c.data(), 0, c.length());
      position += c.length();
      uncompressed += c.uncompressedSize();
    }
    RowGroup g = new RowGroup(columns, uncompressed, rg.rows());
    g.setFile_offset(start);
    g.setTotal_compressed_size(position - start);
    if (rowGroups.size() <= Short.MAX_VALUE) {
      g.setOrdinal((short) rowGroups.size());
    }
    rowGroups.add(g);
    rows += rg.rows();
  }

  @Override
  public void finish() throws IOException {
    FileMetaData md = new FileMetaData(1, schema, rows, rowGroups);
    md.setCreated_by(ParquetFormat.CREATED_BY);
    KeyValue kv = new KeyValue(COLUMNS_KEY);
    kv.setValue(columnsJson);
    md.setKey_value_metadata(List.of(kv));
    List<ColumnOrder> orders = new ArrayList<>(schema.size() - 1);
    for (int i = 1; i < schema.size(); i++) {
      orders.add(ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
    }
    md.setColumn_orders(orders);
    ByteBuf footer = new ByteBuf(1 << 12);
    ThriftOut.write(md, footer);
    int len = footer.length();
    footer.putIntLE(len);
    footer.put(MAGIC);
    out.write(footer.array(), 0, footer.length());
  }
}
