package io.synthgen.draft.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table as the DDL declares it, filled by the statements that mention it (CREATE TABLE, ALTER TABLE, COMMENT ON,
 * CREATE UNIQUE INDEX). Names are looked up without regard to case, as the four dialects do for unquoted names.
 */
final class DdlTable {

  /** A foreign key: the columns, the referenced table and its columns (empty: its primary key). */
  record ForeignKey(List<String> columns, String table, List<String> refColumns, int line) {
  }

  /** A CHECK constraint: its condition as written (parenthesised) and the line it was written on. */
  record Check(String sql, int line) {
  }

  /** A UNIQUE constraint over more than one column. */
  record Composite(List<String> columns, int line) {
  }

  final String name;
  final String declaredName;
  final int line;
  String comment;
  final Map<String, DdlColumn> columns = new LinkedHashMap<>();
  List<String> primaryKey = List.of();
  int primaryKeyLine;
  final List<ForeignKey> foreignKeys = new ArrayList<>();
  final List<Check> checks = new ArrayList<>();
  final List<Composite> compositeUniques = new ArrayList<>();

  DdlTable(String name, String declaredName, int line) {
    this.name = name;
    this.declaredName = declaredName;
    this.line = line;
  }

  DdlColumn column(String n) {
    return columns.get(n.toLowerCase(Locale.ROOT));
  }

  List<String> columnNames() {
    List<String> out = new ArrayList<>();
    columns.values().forEach(c -> out.add(c.name));
    return out;
  }
}
