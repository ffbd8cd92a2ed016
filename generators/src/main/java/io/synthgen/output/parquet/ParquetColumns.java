package io.synthgen.output.parquet;

import io.synthgen.output.OutputColumn;
import io.synthgen.plan.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The columns of any flat Parquet file, discovered from its footer, for reading files synthgen did not write (with
 * {@link ParquetTableReader}): the top-level primitive columns whose type is one synthgen has ({@link #readable}),
 * and the others with their Parquet type ({@link #unreadable}: nested groups, FLOAT, INT96, millisecond or
 * nanosecond timestamps, decimals over 18 digits or stored as fixed-length bytes).
 *
 * @param rows the row count the footer records
 */
public record ParquetColumns(List<OutputColumn> readable, List<String> unreadable, long rows) {

  public ParquetColumns {
    readable = List.copyOf(readable);
    unreadable = List.copyOf(unreadable);
  }

  public static ParquetColumns of(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), ReadOptions.withoutHadoop())) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      List<OutputColumn> ok = new ArrayList<>();
      List<String> not = new ArrayList<>();
      for (Type t : schema.getFields()) {
        DataType dt = null;
        if (t.isPrimitive() && t.getRepetition() != Type.Repetition.REPEATED) {
          try {
            dt = ParquetTableReader.dataTypeOf(t.asPrimitiveType());
          } catch (IllegalArgumentException e) {
            dt = null; // a decimal wider than synthgen's 18 digits
          }
          PrimitiveType.PrimitiveTypeName physical = t.asPrimitiveType().getPrimitiveTypeName();
          if (dt != null && dt.kind() == DataType.Kind.DECIMAL && physical != PrimitiveType.PrimitiveTypeName.INT32
              && physical != PrimitiveType.PrimitiveTypeName.INT64) {
            dt = null; // a decimal stored as bytes: synthgen reads unscaled longs only
          }
        }
        if (dt == null) {
          not.add(t.getName() + " (" + t.toString().trim() + ")");
        } else {
          ok.add(new OutputColumn(t.getName(), dt, t.getRepetition() != Type.Repetition.REQUIRED, -1, null));
        }
      }
      long rows = 0;
      for (BlockMetaData b : r.getFooter().getBlocks()) {
        rows += b.getRowCount();
      }
      return new ParquetColumns(ok, not, rows);
    }
  }
}
