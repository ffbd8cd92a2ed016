package io.synthgen.sql;

import io.synthgen.plan.DataType;

/** The Spark SQL type of each plan type (docs/spark-sql.md): the types every column's SQL is written in. */
public final class SqlTypes {

  private SqlTypes() {
  }

  /** BIGINT, INT, DOUBLE, DECIMAL(p,s), STRING, BOOLEAN, DATE or TIMESTAMP (an instant, microseconds). */
  public static String of(DataType type) {
    return switch (type.kind()) {
      case BIGINT -> "BIGINT";
      case INT -> "INT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case STRING -> "STRING";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }
}
