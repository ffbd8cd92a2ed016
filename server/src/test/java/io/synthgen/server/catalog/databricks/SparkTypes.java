package io.synthgen.server.catalog.databricks;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VariantType;

/**
 * Spark types named the way Databricks APIs name them: {@code type_text} is Spark's catalog string ({@code bigint},
 * {@code decimal(10,2)}), {@code type_name} an upper-case kind ({@code LONG}, {@code DECIMAL}) from the SDK's
 * {@code ColumnTypeName} (Unity Catalog) or {@code ColumnInfoTypeName} (statement results) enums.
 */
final class SparkTypes {

  private SparkTypes() {
  }

  static String typeText(DataType type) {
    return type.catalogString();
  }

  /** The Unity Catalog {@code type_name}. */
  static String catalogTypeName(DataType type) {
    if (type instanceof TimestampNTZType) {
      return "TIMESTAMP_NTZ";
    }
    if (type instanceof VariantType) {
      return "VARIANT";
    }
    return statementTypeName(type);
  }

  /** The statement-result {@code type_name}; that enum has no TIMESTAMP_NTZ or VARIANT, so those degrade. */
  static String statementTypeName(DataType type) {
    if (type instanceof LongType) {
      return "LONG";
    } else if (type instanceof IntegerType) {
      return "INT";
    } else if (type instanceof ShortType) {
      return "SHORT";
    } else if (type instanceof ByteType) {
      return "BYTE";
    } else if (type instanceof DoubleType) {
      return "DOUBLE";
    } else if (type instanceof FloatType) {
      return "FLOAT";
    } else if (type instanceof DecimalType) {
      return "DECIMAL";
    } else if (type instanceof BooleanType) {
      return "BOOLEAN";
    } else if (type instanceof DateType) {
      return "DATE";
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return "TIMESTAMP";
    } else if (type instanceof BinaryType) {
      return "BINARY";
    } else if (type instanceof CharType) {
      return "CHAR";
    } else if (type instanceof ArrayType) {
      return "ARRAY";
    } else if (type instanceof MapType) {
      return "MAP";
    } else if (type instanceof StructType) {
      return "STRUCT";
    } else if (type instanceof NullType) {
      return "NULL";
    }
    // strings, and kinds the publisher never produces (intervals, variants), which the enum cannot name
    return "STRING";
  }

  /** Precision for a decimal, else null. */
  static Integer precision(DataType type) {
    return type instanceof DecimalType d ? d.precision() : null;
  }

  /** Scale for a decimal, else null. */
  static Integer scale(DataType type) {
    return type instanceof DecimalType d ? d.scale() : null;
  }
}
