package io.synthgen.server.catalog.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * A statement's rows in the INLINE / JSON_ARRAY form of the Statement Execution API: a manifest with the column schema
 * and counts, and one chunk whose {@code data_array} holds every value as a string (null stays null). Timestamps are
 * ISO-8601 in UTC with milliseconds, as a SQL warehouse renders them.
 */
final class SqlResults {

  /** More rows than a test reads back; beyond it the result is cut and marked truncated, as INLINE results are. */
  static final int ROW_LIMIT = 10_000;

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIMESTAMP_NTZ = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  /** The manifest and the single result chunk. */
  record Result(ObjectNode manifest, ObjectNode result) {
  }

  private SqlResults() {
  }

  static Result of(Dataset<Row> rows) {
    StructField[] fields = rows.schema().fields();
    List<Row> all = rows.limit(ROW_LIMIT + 1).collectAsList();
    boolean truncated = all.size() > ROW_LIMIT;
    List<Row> kept = truncated ? all.subList(0, ROW_LIMIT) : all;

    ObjectNode manifest = StandInExchange.JSON.createObjectNode().put("format", "JSON_ARRAY");
    ObjectNode schema = manifest.putObject("schema").put("column_count", fields.length);
    ArrayNode columns = schema.putArray("columns");
    for (int i = 0; i < fields.length; i++) {
      ObjectNode c = columns.addObject()
          .put("name", fields[i].name())
          .put("type_text", fields[i].dataType().sql())
          .put("type_name", SparkTypes.statementTypeName(fields[i].dataType()))
          .put("position", i);
      if (SparkTypes.precision(fields[i].dataType()) != null) {
        c.put("type_precision", SparkTypes.precision(fields[i].dataType()))
            .put("type_scale", SparkTypes.scale(fields[i].dataType()));
      }
    }
    manifest.put("total_row_count", kept.size()).put("total_chunk_count", 1).put("truncated", truncated);
    manifest.putArray("chunks").addObject().put("chunk_index", 0).put("row_offset", 0).put("row_count", kept.size());

    ObjectNode result = StandInExchange.JSON.createObjectNode()
        .put("chunk_index", 0).put("row_offset", 0).put("row_count", kept.size());
    ArrayNode data = result.putArray("data_array");
    for (Row r : kept) {
      ArrayNode row = data.addArray();
      for (int i = 0; i < fields.length; i++) {
        row.add(text(r.get(i)));
      }
    }
    return new Result(manifest, result);
  }

  /** One value as the JSON_ARRAY format writes it. */
  static String text(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Instant t) {
      return TIMESTAMP.format(t);
    } else if (value instanceof java.sql.Timestamp t) {
      return TIMESTAMP.format(t.toInstant());
    } else if (value instanceof LocalDateTime t) {
      return TIMESTAMP_NTZ.format(t);
    } else if (value instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    return value.toString();
  }
}
