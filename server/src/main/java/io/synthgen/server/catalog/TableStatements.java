package io.synthgen.server.catalog;

import io.synthgen.plan.Column;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The SQL that loads one table from its Parquet files in a volume, or makes it with the plan compiled to a query.
 * Built only from plan names (identifiers the plan validator has already restricted), types, texts passed as string
 * literals and the compiler's query (whose plan values are literals too): no plan expression or other plan text
 * reaches a statement as SQL of its own. Every column is cast to its plan type, so the table's schema is the plan's
 * whatever physical type the files or the query carry.
 */
final class TableStatements {

  private final String catalog;
  private final String schema;
  private final Table table;

  TableStatements(String catalog, String schema, Table table) {
    this.catalog = catalog;
    this.schema = schema;
    this.table = table;
  }

  String fullName() {
    return UcNames.qualified(catalog, schema, table.name());
  }

  /** {@code CREATE [OR REPLACE] TABLE … USING DELTA COMMENT … TBLPROPERTIES (…) AS SELECT … FROM parquet.`dir`}. */
  String create(boolean replace, String comment, Map<String, String> properties, String dir) {
    return createAs(fullName(), replace, comment, properties, select(dir));
  }

  /**
   * {@code CREATE [OR REPLACE] TABLE … USING DELTA COMMENT … TBLPROPERTIES (…) AS SELECT … FROM (query)}: a table
   * made by a query (the plan compiled to SQL) instead of files, its columns cast to the plan types in plan order.
   */
  String createFrom(boolean replace, String comment, Map<String, String> properties, String query) {
    return createAs(fullName(), replace, comment, properties, selectFrom(query));
  }

  /** {@code INSERT INTO … (columns) SELECT … FROM (query)}, matching by name as {@link #insert} does. */
  String insertFrom(String query) {
    StringJoiner cols = new StringJoiner(", ", " (", ") ");
    outputColumns().forEach(c -> cols.add(UcNames.quote(c.name())));
    return "INSERT INTO " + fullName() + cols + selectFrom(query);
  }

  /** {@code CREATE [OR REPLACE] TABLE name USING DELTA COMMENT … TBLPROPERTIES (…) AS select}. */
  static String createAs(String name, boolean replace, String comment, Map<String, String> properties,
      String select) {
    StringJoiner props = new StringJoiner(", ", "(", ")");
    properties.forEach((k, v) -> props.add(UcNames.literal(k) + " = " + UcNames.literal(v)));
    return (replace ? "CREATE OR REPLACE TABLE " : "CREATE TABLE ") + name + " USING DELTA COMMENT "
        + UcNames.literal(comment) + " TBLPROPERTIES " + props + " AS " + select;
  }

  /**
   * {@code INSERT INTO … (columns) SELECT … FROM parquet.`dir`}. The column list makes the insert match by name:
   * without it Delta inserts by position, and an existing table with the plan's columns in another order (which
   * {@link #mismatches} accepts) would get values in the wrong columns.
   */
  String insert(String dir) {
    StringJoiner cols = new StringJoiner(", ", " (", ") ");
    outputColumns().forEach(c -> cols.add(UcNames.quote(c.name())));
    return "INSERT INTO " + fullName() + cols + select(dir);
  }

  /** One {@code ALTER TABLE … ALTER COLUMN … COMMENT …} per column that has a note in the plan. */
  List<String> columnComments() {
    List<String> out = new ArrayList<>();
    for (Column c : outputColumns()) {
      if (c.note() != null && !c.note().isBlank()) {
        out.add("ALTER TABLE " + fullName() + " ALTER COLUMN " + UcNames.quote(c.name()) + " COMMENT "
            + UcNames.literal(c.note()));
      }
    }
    return out;
  }

  String count() {
    return "SELECT count(*) AS `n` FROM " + fullName();
  }

  private String select(String dir) {
    return "SELECT " + castColumns() + " FROM parquet." + UcNames.quote(dir);
  }

  /** The query's rows, whatever its own column order: a query is a generated SELECT, never text from a person. */
  private String selectFrom(String query) {
    return "SELECT " + castColumns() + " FROM (" + query + ") AS " + UcNames.quote("__synthgen");
  }

  private String castColumns() {
    StringJoiner cols = new StringJoiner(", ");
    for (Column c : outputColumns()) {
      String q = UcNames.quote(c.name());
      cols.add("CAST(" + q + " AS " + sqlType(c.type()) + ") AS " + q);
    }
    return cols.toString();
  }

  List<Column> outputColumns() {
    return table.columns().stream().filter(c -> !c.omit()).toList();
  }

  /** The Databricks SQL type of a plan type. */
  static String sqlType(DataType t) {
    switch (t.kind()) {
      case BIGINT: return "BIGINT";
      case INT: return "INT";
      case DOUBLE: return "DOUBLE";
      case DECIMAL: return String.format(Locale.ROOT, "DECIMAL(%d,%d)", t.precision(), t.scale());
      case STRING: return "STRING";
      case BOOLEAN: return "BOOLEAN";
      case DATE: return "DATE";
      case TIMESTAMP: return "TIMESTAMP";
    }
    throw new IllegalStateException("no SQL type for " + t);
  }

  /** Differences between an existing table's columns and the plan's, empty when an append fits. */
  List<String> mismatches(RemoteTable existing) {
    List<String> out = new ArrayList<>();
    List<Column> planned = outputColumns();
    List<RemoteTable.Column> actual = existing.columns();
    for (Column c : planned) {
      String want = sqlType(c.type()).toLowerCase(Locale.ROOT);
      RemoteTable.Column found = actual.stream().filter(a -> a.name().equalsIgnoreCase(c.name())).findFirst()
          .orElse(null);
      if (found == null) {
        out.add("column " + c.name() + " (" + want + ") is missing from " + existing.fullName());
      } else if (!normalize(found.type()).equals(want)) {
        out.add("column " + c.name() + " is " + found.type() + " in " + existing.fullName() + ", the plan has "
            + want);
      }
    }
    for (RemoteTable.Column a : actual) {
      if (planned.stream().noneMatch(c -> c.name().equalsIgnoreCase(a.name()))) {
        out.add("column " + a.name() + " of " + existing.fullName() + " is not in the plan");
      }
    }
    return out;
  }

  private static String normalize(String type) {
    String t = type.toLowerCase(Locale.ROOT).replace(" ", "");
    switch (t) {
      case "long": return "bigint";
      case "integer": return "int";
      default: return t;
    }
  }
}
