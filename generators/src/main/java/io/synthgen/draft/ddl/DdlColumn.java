package io.synthgen.draft.ddl;

import java.math.BigDecimal;
import java.util.List;

/** A column as the DDL declares it: its type and every constraint, default and comment that applies to it. */
final class DdlColumn {

  final String name;
  final String declaredName;
  final int line;
  final SqlType type;
  boolean notNull;
  boolean unique;
  boolean identity;
  Long identityStart;
  String generatedExpr;
  /** The DEFAULT clause as written, or null. */
  String defaultSql;
  String comment;
  /** An inline REFERENCES: table and column (column null: the table's primary key). */
  String refTable;
  String refColumn;
  /** Values a CHECK allows (numbers as BigDecimal, the rest as String), or null. */
  List<Object> checkValues;
  /** Bounds from CHECKs, or null. */
  Bound checkLo;
  Bound checkHi;
  Integer checkMaxLength;

  /** A bound from a CHECK: a number (BigDecimal) or a date or timestamp (String), strict or not. */
  record Bound(Object value, boolean strict) {

    int compare(Bound o) {
      if (value instanceof BigDecimal a && o.value instanceof BigDecimal b) {
        return a.compareTo(b);
      }
      return String.valueOf(value).compareTo(String.valueOf(o.value));
    }

    boolean tighterLower(Bound o) {
      int c = compare(o);
      return c > 0 || c == 0 && strict;
    }

    boolean tighterUpper(Bound o) {
      int c = compare(o);
      return c < 0 || c == 0 && strict;
    }
  }

  DdlColumn(String name, String declaredName, int line, SqlType type) {
    this.name = name;
    this.declaredName = declaredName;
    this.line = line;
    this.type = type;
  }
}
