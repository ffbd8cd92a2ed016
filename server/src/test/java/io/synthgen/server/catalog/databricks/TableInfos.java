package io.synthgen.server.catalog.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Unity Catalog {@code TableInfo} read from the Delta table behind it: the columns with types, comments and
 * nullability from the table schema, the table comment and location from {@code DESCRIBE DETAIL}, and the properties
 * from {@code SHOW TBLPROPERTIES} (the Delta protocol versions included, as Databricks lists them).
 */
final class TableInfos {

  private TableInfos() {
  }

  static boolean exists(UnityCatalog.Schema schema, String table) {
    return SharedSpark.get().catalog().tableExists(UnityCatalog.sparkName(schema, table));
  }

  static ObjectNode tableInfo(UnityCatalog.Schema schema, String table) {
    String fullName = schema.fullName() + "." + UnityCatalog.lower(table);
    if (!exists(schema, table)) {
      throw ApiError.notFound("TABLE_DOES_NOT_EXIST", "Table '" + fullName + "' does not exist.");
    }
    SparkSession spark = SharedSpark.get();
    String name = UnityCatalog.sparkName(schema, table);
    Row detail = spark.sql("DESCRIBE DETAIL " + name).first();
    ObjectNode info = StandInExchange.JSON.createObjectNode()
        .put("name", UnityCatalog.lower(table))
        .put("catalog_name", schema.catalog())
        .put("schema_name", schema.name())
        .put("full_name", fullName)
        .put("table_type", "MANAGED")
        .put("data_source_format", "DELTA")
        .put("table_id", detail.<String>getAs("id"))
        .put("storage_location", detail.<String>getAs("location"))
        .put("created_at", millis(detail.getAs("createdAt")))
        .put("updated_at", millis(detail.getAs("lastModified")))
        .put("owner", "standin@example.com");
    String comment = detail.getAs("description");
    if (comment != null) {
      info.put("comment", comment);
    }
    ObjectNode properties = info.putObject("properties");
    for (Row r : spark.sql("SHOW TBLPROPERTIES " + name).collectAsList()) {
      properties.put(r.getString(0), r.getString(1));
    }
    info.set("columns", columns(spark.table(name).schema()));
    return info;
  }

  private static ArrayNode columns(StructType schema) {
    ArrayNode columns = StandInExchange.JSON.createArrayNode();
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      StructField f = fields[i];
      ObjectNode c = columns.addObject()
          .put("name", f.name())
          .put("type_text", SparkTypes.typeText(f.dataType()))
          .put("type_name", SparkTypes.catalogTypeName(f.dataType()))
          .put("type_json", typeJson(f))
          .put("position", i)
          .put("nullable", f.nullable());
      if (SparkTypes.precision(f.dataType()) != null) {
        c.put("type_precision", SparkTypes.precision(f.dataType())).put("type_scale", SparkTypes.scale(f.dataType()));
      }
      if (f.getComment().isDefined()) {
        c.put("comment", f.getComment().get());
      }
    }
    return columns;
  }

  /** The field as Spark writes it inside a schema's JSON, which is what Unity Catalog stores as type_json. */
  private static String typeJson(StructField f) {
    try {
      return StandInExchange.JSON.readTree(new StructType(new StructField[] {f}).json()).get("fields").get(0)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long millis(Object time) {
    if (time instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (time instanceof java.sql.Timestamp t) {
      return t.getTime();
    }
    return 0L;
  }
}
