package io.synthgen.output.parquet;

import io.synthgen.output.OutputColumn;
import io.synthgen.plan.DataType;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;

/** How each synthgen type is stored: physical type plus logical annotation. */
final class ParquetTypes {

  /** Decimals up to this precision are stored as INT32, wider ones as INT64 (the spec's recommendation). */
  static final int INT32_DECIMAL_PRECISION = 9;

  private ParquetTypes() {
  }

  static Type physical(DataType t) {
    switch (t.kind()) {
      case BIGINT:
      case TIMESTAMP:
        return Type.INT64;
      case INT:
      case DATE:
        return Type.INT32;
      case DECIMAL:
        return t.precision() <= INT32_DECIMAL_PRECISION ? Type.INT32 : Type.INT64;
      case DOUBLE:
        return Type.DOUBLE;
      case STRING:
        return Type.BYTE_ARRAY;
      case BOOLEAN:
        return Type.BOOLEAN;
    }
    throw new IllegalArgumentException("no Parquet type for " + t);
  }

  static SchemaElement element(OutputColumn c) {
    DataType t = c.type();
    SchemaElement e = new SchemaElement(c.name());
    e.setType(physical(t));
    e.setRepetition_type(c.nullable() ? FieldRepetitionType.OPTIONAL : FieldRepetitionType.REQUIRED);
    switch (t.kind()) {
      case DECIMAL:
        e.setConverted_type(ConvertedType.DECIMAL);
        e.setScale(t.scale());
        e.setPrecision(t.precision());
        e.setLogicalType(LogicalType.DECIMAL(new DecimalType(t.scale(), t.precision())));
        break;
      case STRING:
        e.setConverted_type(ConvertedType.UTF8);
        e.setLogicalType(LogicalType.STRING(new StringType()));
        break;
      case DATE:
        e.setConverted_type(ConvertedType.DATE);
        e.setLogicalType(LogicalType.DATE(new DateType()));
        break;
      case TIMESTAMP:
        // no converted type: TIMESTAMP_MICROS would claim isAdjustedToUTC=true
        e.setLogicalType(LogicalType.TIMESTAMP(new TimestampType(false, TimeUnit.MICROS(new MicroSeconds()))));
        break;
      case BIGINT:
      case INT:
      case DOUBLE:
      case BOOLEAN:
        break;
    }
    return e;
  }
}
