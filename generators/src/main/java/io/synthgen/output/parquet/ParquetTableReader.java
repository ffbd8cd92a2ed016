package io.synthgen.output.parquet;

import io.synthgen.output.BatchBuilder;
import io.synthgen.output.BatchSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.DataType;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Reads a flat Parquet file with parquet-java's column readers (no Hadoop at run time), row group by row group. */
public final class ParquetTableReader extends BatchSource {

  private final Path file;
  private final List<OutputColumn> expected;
  private final ParquetFileReader reader;
  private final MessageType schema;
  private final String createdBy;
  private final ColumnDescriptor[] descriptors;
  private ColumnReader[] columns;
  private long remaining;
  private long nextRow;

  public ParquetTableReader(Path file, List<OutputColumn> expected, long firstRow) throws IOException {
    this.file = file;
    this.expected = List.copyOf(expected);
    this.nextRow = firstRow;
    ParquetReadOptions options = ReadOptions.withoutHadoop();
    this.reader = ParquetFileReader.open(new LocalInputFile(file), options);
    try {
      this.schema = reader.getFooter().getFileMetaData().getSchema();
      this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      this.descriptors = match();
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * The compression codecs of a file's column chunks as its footer names them, lower case ({@code zstd},
   * {@code snappy}, {@code gzip}, {@code uncompressed}); empty for a file without row groups.
   */
  public static Set<String> codecs(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), ReadOptions.withoutHadoop())) {
      Set<String> out = new TreeSet<>();
      for (BlockMetaData b : r.getFooter().getBlocks()) {
        for (ColumnChunkMetaData c : b.getColumns()) {
          out.add(c.getCodec().name().toLowerCase(Locale.ROOT));
        }
      }
      return out;
    }
  }

  private ColumnDescriptor[] match() throws IOException {
    ColumnDescriptor[] out = new ColumnDescriptor[expected.size()];
    List<String> problems = new ArrayList<>();
    for (int c = 0; c < out.length; c++) {
      OutputColumn col = expected.get(c);
      if (!schema.containsField(col.name())) {
        problems.add("missing column " + col.name());
        continue;
      }
      Type t = schema.getType(col.name());
      DataType actual = t.isPrimitive() ? dataTypeOf(t.asPrimitiveType()) : null;
      if (!col.type().equals(actual)) {
        problems.add("column " + col.name() + " is " + (actual == null ? t.toString().trim() : actual) + ", expected "
            + col.type());
        continue;
      }
      out[c] = schema.getColumnDescription(new String[] {col.name()});
    }
    if (!problems.isEmpty()) {
      throw new IOException(file + " does not match the expected columns: " + String.join("; ", problems));
    }
    return out;
  }

  /** The synthgen type a Parquet column holds, or null when it is not one synthgen writes. */
  static DataType dataTypeOf(PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      return DataType.decimal(d.getPrecision(), d.getScale());
    }
    switch (p.getPrimitiveTypeName()) {
      case INT64:
        if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
            && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS) {
          return DataType.TIMESTAMP;
        }
        return a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ? DataType.BIGINT : null;
      case INT32:
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return DataType.DATE;
        }
        return a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ? DataType.INT : null;
      case DOUBLE:
        return DataType.DOUBLE;
      case BOOLEAN:
        return DataType.BOOLEAN;
      case BINARY:
        return a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation ? DataType.STRING : null;
      case INT96:
      case FLOAT:
      case FIXED_LEN_BYTE_ARRAY:
        return null;
    }
    return null;
  }

  @Override
  protected Batch read() throws IOException {
    while (remaining == 0) {
      PageReadStore rg = reader.readNextRowGroup();
      if (rg == null) {
        return null;
      }
      ColumnReadStoreImpl store = new ColumnReadStoreImpl(rg, NoConverter.GROUP, schema, createdBy);
      columns = new ColumnReader[descriptors.length];
      for (int c = 0; c < descriptors.length; c++) {
        columns[c] = store.getColumnReader(descriptors[c]);
      }
      remaining = rg.getRowCount();
    }
    int n = (int) Math.min(BATCH_ROWS, remaining);
    BatchBuilder b = new BatchBuilder(expected, n);
    for (int c = 0; c < descriptors.length; c++) {
      readColumn(c, n, b);
    }
    remaining -= n;
    Batch batch = b.build(nextRow, n);
    nextRow += n;
    return batch;
  }

  private void readColumn(int c, int n, BatchBuilder b) {
    ColumnReader r = columns[c];
    int maxDef = descriptors[c].getMaxDefinitionLevel();
    PrimitiveType.PrimitiveTypeName physical = descriptors[c].getPrimitiveType().getPrimitiveTypeName();
    for (int i = 0; i < n; i++) {
      if (r.getCurrentDefinitionLevel() < maxDef) {
        b.setNull(c, i);
      } else {
        switch (physical) {
          case INT64:
            b.setLong(c, i, r.getLong());
            break;
          case INT32:
            b.setLong(c, i, r.getInteger());
            break;
          case DOUBLE:
            b.setDouble(c, i, r.getDouble());
            break;
          case BOOLEAN:
            b.setBoolean(c, i, r.getBoolean());
            break;
          case BINARY:
            b.setString(c, i, r.getBinary().toStringUsingUTF8());
            break;
          case INT96:
          case FLOAT:
          case FIXED_LEN_BYTE_ARRAY:
            throw new IllegalStateException("unreachable: column types were checked when the file was opened");
        }
      }
      r.consume();
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Column readers want a record converter; values are pulled with getLong() etc., so it does nothing. */
  private static final class NoConverter extends GroupConverter {
    static final NoConverter GROUP = new NoConverter();
    private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {
    };

    @Override
    public Converter getConverter(int fieldIndex) {
      return PRIMITIVE;
    }

    @Override
    public void start() {
    }

    @Override
    public void end() {
    }
  }
}
