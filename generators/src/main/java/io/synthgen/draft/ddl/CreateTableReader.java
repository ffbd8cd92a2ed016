package io.synthgen.draft.ddl;

import io.synthgen.draft.ddl.SqlLexer.Kind;
import io.synthgen.draft.ddl.SqlLexer.Statement;
import io.synthgen.draft.ddl.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Reads one CREATE TABLE. The tokens are split into the name, the column and constraint definitions and the table
 * options after the closing parenthesis (USING DELTA, PARTITIONED BY, CLUSTER BY, LOCATION, TBLPROPERTIES, ENGINE=,
 * DEFAULT CHARSET=, DATA_RETENTION_TIME_IN_DAYS = ..., of which COMMENT is kept, as the table's description, and
 * Delta's {@code 'delta.constraints.name' = 'condition'} properties, as CHECKs).
 * Each column's type and dialect clauses are read by {@link ColumnClauses}; what is left, a statement every dialect
 * shares, is parsed by JSqlParser, which gives the table constraints (PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK).
 * When JSqlParser refuses it, each definition is parsed alone so the problem is reported at its own line.
 */
final class CreateTableReader {

  /** Words between CREATE and TABLE that change nothing about the columns. */
  private static final Set<String> MODIFIERS = Set.of("OR", "REPLACE", "TEMPORARY", "TEMP", "TRANSIENT", "VOLATILE",
      "LOCAL", "GLOBAL", "EXTERNAL", "UNLOGGED", "STREAMING", "LIVE", "HYBRID", "ICEBERG", "DYNAMIC");

  /** Words after a table constraint that state how it is enforced, not what it is. */
  private static final Set<String> CONSTRAINT_STATES = Set.of("RELY", "NORELY", "ENFORCED", "DEFERRABLE",
      "INITIALLY", "DEFERRED", "IMMEDIATE", "ENABLE", "DISABLE", "VALIDATE", "NOVALIDATE", "TIMESERIES");

  private CreateTableReader() {
  }

  /** The table, or null when the statement is not a CREATE TABLE this reader takes (the problem is reported). */
  static DdlTable read(String src, Statement st, SqlParsing parsing, DdlIssues issues, int barePrecision) {
    List<Token> ts = st.tokens();
    int i = 1;
    while (i < ts.size() && ts.get(i).kind() == Kind.WORD && MODIFIERS.contains(ts.get(i).text().toUpperCase(
        java.util.Locale.ROOT))) {
      i++;
    }
    if (i >= ts.size() || !ts.get(i).is("TABLE")) {
      return null;
    }
    i++;
    if (i + 2 < ts.size() && ts.get(i).is("IF") && ts.get(i + 1).is("NOT") && ts.get(i + 2).is("EXISTS")) {
      i += 3;
    }
    int nameStart = i;
    while (i < ts.size() && (ts.get(i).isName() || ts.get(i).isPunct("."))) {
      i++;
    }
    if (i == nameStart) {
      issues.add(st.line(), Tokens.text(src, ts, 0, Math.min(ts.size(), 4)), "CREATE TABLE without a table name",
          "write CREATE TABLE name (column TYPE, ...)");
      return null;
    }
    String qualified = Tokens.join(ts.subList(nameStart, i)).replace(" ", "");
    String declared = Tokens.lastPart(qualified);
    if (i >= ts.size() || !ts.get(i).isPunct("(")) {
      issues.add(st.line(), declared, "CREATE TABLE " + declared + " has no column list (CREATE TABLE ... AS SELECT, "
          + "LIKE and CLONE copy another table's columns, which this DDL does not show)",
          "write the columns out: CREATE TABLE " + declared + " (id BIGINT, ...)");
      return null;
    }
    int close = Tokens.close(ts, i);
    if (close < 0) {
      issues.add(st.line(), declared, "the column list of " + declared + " is never closed",
          "add the closing parenthesis");
      return null;
    }
    DdlTable table = new DdlTable(Tokens.planName(declared), declared, st.line());
    table.comment = tableComment(ts, close + 1);
    deltaConstraints(table, ts, close + 1);
    for (int j = close + 1; j < ts.size(); j++) {
      if (ts.get(j).is("AS") && j + 1 < ts.size() && (ts.get(j + 1).is("SELECT") || ts.get(j + 1).isPunct("("))) {
        issues.add(ts.get(j).line(), declared, "CREATE TABLE ... AS SELECT fills the table from a query",
            "give the table's DDL without AS SELECT");
      }
    }
    List<ColumnClauses> columns = new ArrayList<>();
    List<List<Token>> constraints = new ArrayList<>();
    List<Piece> pieces = new ArrayList<>();
    for (List<Token> e : Tokens.split(ts, i + 1, close)) {
      if (e.isEmpty()) {
        continue;
      }
      Token first = e.get(0);
      if (first.kind() == Kind.WORD && (first.is("CONSTRAINT") || first.is("PRIMARY") || first.is("FOREIGN")
          || first.is("UNIQUE") || first.is("CHECK"))) {
        List<Token> kept = withoutStates(e);
        if (isCheck(kept)) {
          addChecks(src, table, kept); // parsed on its own by Checks
          continue;
        }
        constraints.add(kept);
        pieces.add(new Piece(Tokens.join(kept), first.line(), false));
      } else if (first.is("KEY") || first.is("INDEX") || first.is("FULLTEXT") || first.is("SPATIAL")) {
        continue; // a MySQL index: how rows are found, not what they hold
      } else if (first.is("LIKE") || first.is("EXCLUDE") || first.is("PERIOD")) {
        issues.add(first.line(), first.text(), first.text() + " in a column list is not supported",
            "list the columns and constraints out");
      } else if (!first.isName()) {
        issues.add(first.line(), first.text(), "a column definition starts with the column's name",
            "write name TYPE, e.g. customer_id BIGINT");
      } else {
        ColumnClauses c = ColumnClauses.read(src, e, issues);
        columns.add(c);
        // the name quoted, so that a name JSqlParser reserves (order, limit, offset) still parses
        String name = c.name.kind() == Kind.WORD ? "\"" + c.name.text() + "\"" : c.name.text();
        pieces.add(new Piece(name + " INT" + (c.forward.isEmpty() ? "" : " " + Tokens.join(c.forward)),
            first.line(), true));
      }
    }
    if (columns.isEmpty()) {
      issues.add(st.line(), declared, "table " + declared + " has no columns", "list its columns");
      return null;
    }
    String header = "CREATE TABLE t (";
    List<String> sqls = new ArrayList<>();
    pieces.forEach(p -> sqls.add(p.sql()));
    CreateTable parsed = parse(parsing, header + String.join(", ", sqls) + ")", header, pieces, st, declared,
        issues);
    for (ColumnClauses c : columns) {
      addColumn(table, c, issues, barePrecision);
    }
    if (parsed != null) {
      constraints(table, parsed, constraints, issues);
    }
    return table;
  }

  /**
   * The CHECK constraints Databricks' SHOW CREATE TABLE writes as table properties:
   * {@code TBLPROPERTIES ('delta.constraints.name' = 'condition', ...)}.
   */
  private static void deltaConstraints(DdlTable table, List<Token> ts, int from) {
    for (int j = from; j + 1 < ts.size(); j++) {
      if (!ts.get(j).is("TBLPROPERTIES") || !ts.get(j + 1).isPunct("(")) {
        continue;
      }
      int end = Tokens.close(ts, j + 1);
      for (List<Token> p : Tokens.split(ts, j + 2, end < 0 ? ts.size() : end)) {
        if (p.size() == 3 && p.get(0).kind() == Kind.STRING && p.get(1).isPunct("=") && p.get(2).kind() == Kind.STRING
            && p.get(0).value().toLowerCase(java.util.Locale.ROOT).startsWith("delta.constraints.")) {
          table.checks.add(new DdlTable.Check("(" + p.get(2).value() + ")", p.get(0).line()));
        }
      }
    }
  }

  private static String tableComment(List<Token> ts, int from) {
    for (int j = from; j < ts.size(); j++) {
      if (ts.get(j).is("COMMENT")) {
        int k = j + 1 < ts.size() && ts.get(j + 1).isPunct("=") ? j + 2 : j + 1;
        if (k < ts.size() && ts.get(k).kind() == Kind.STRING) {
          return ts.get(k).value();
        }
      }
    }
    return null;
  }

  /** True for {@code [CONSTRAINT name] CHECK (...)}. */
  private static boolean isCheck(List<Token> e) {
    int k = e.get(0).is("CONSTRAINT") ? 2 : 0;
    return k < e.size() && e.get(k).is("CHECK");
  }

  private static List<Token> withoutStates(List<Token> e) {
    List<Token> out = new ArrayList<>();
    int depth = 0;
    for (int j = 0; j < e.size(); j++) {
      Token t = e.get(j);
      depth += t.isPunct("(") ? 1 : t.isPunct(")") ? -1 : 0;
      if (depth == 0 && t.kind() == Kind.WORD && (CONSTRAINT_STATES.contains(t.text().toUpperCase(
          java.util.Locale.ROOT)) || t.is("NOT") && j + 1 < e.size() && (e.get(j + 1).is("ENFORCED")
          || e.get(j + 1).is("DEFERRABLE")))) {
        continue;
      }
      out.add(t);
    }
    return out;
  }

  /** One definition as given to JSqlParser: a column (its type replaced) or a table constraint. */
  private record Piece(String sql, int line, boolean column) {
  }

  private static CreateTable parse(SqlParsing parsing, String sql, String header, List<Piece> pieces, Statement st,
      String declared, DdlIssues issues) {
    try {
      if (parsing.statement(sql) instanceof CreateTable ct) {
        return ct;
      }
      issues.add(st.line(), declared, "the statement did not parse as a CREATE TABLE", "check its syntax");
      return null;
    } catch (SqlParsing.ParseFailure f) {
      if (f.timedOut) {
        issues.add(st.line(), declared, "CREATE TABLE " + declared + " " + f.getMessage(), "check its parentheses "
            + "and CHECK expressions, or split the script; each statement has " + DdlLimits.PARSE_BUDGET_MILLIS
            + " ms");
        return null;
      }
      // find the definition the parser refuses, so the problem is reported where it is
      boolean found = false;
      for (Piece p : pieces) {
        String alone = p.column() ? header + p.sql() + ")" : header + "x INT, " + p.sql() + ")";
        try {
          parsing.statement(alone);
        } catch (SqlParsing.ParseFailure g) {
          found = true;
          issues.add(p.line(), p.sql(), "cannot parse this definition in " + declared + ": " + g.getMessage(),
              "correct it, or remove it if this dialect clause does not matter for the data");
        }
      }
      if (!found) {
        issues.add(st.line(), declared, "cannot parse CREATE TABLE " + declared + ": " + f.getMessage(),
            "correct the statement");
      }
      return null;
    }
  }

  private static void addColumn(DdlTable table, ColumnClauses c, DdlIssues issues, int barePrecision) {
    String declared = Tokens.declared(c.name);
    String name = Tokens.planName(declared);
    SqlType type = c.type.isEmpty() ? SqlType.of("", io.synthgen.plan.DataType.STRING) : SqlTypes.map(c.type, barePrecision);
    if (type.problem() != null) {
      issues.add(c.name.line(), type.sql(), "column " + table.declaredName + "." + declared + " has type "
          + type.sql() + ": " + type.problem(), type.fix());
    }
    if (table.column(name) != null) {
      issues.add(c.name.line(), declared, "table " + table.declaredName + " has two columns named " + name,
          "rename one of them");
      return;
    }
    DdlColumn col = new DdlColumn(name, declared, c.name.line(), type);
    col.notNull = c.notNull || c.primaryKey;
    col.unique = c.unique;
    col.identity = c.identity || type.sql().contains("SERIAL");
    col.identityStart = c.identityStart;
    col.generatedExpr = c.generated;
    col.defaultSql = c.defaultSql;
    col.comment = c.comment;
    col.refTable = c.refTable;
    col.refColumn = c.refColumn;
    if (c.refTable != null) {
      table.foreignKeys.add(new DdlTable.ForeignKey(List.of(name), Tokens.planName(c.refTable),
          c.refColumn == null ? List.of() : List.of(Tokens.planName(c.refColumn)), c.refLine));
    }
    for (int k = 0; k < c.checks.size(); k++) {
      table.checks.add(new DdlTable.Check(c.checks.get(k), c.checkLines.get(k)));
    }
    table.columns.put(Tokens.key(name), col);
    if (c.primaryKey) {
      if (!table.primaryKey.isEmpty()) {
        issues.add(c.name.line(), declared, "table " + table.declaredName + " declares two primary keys",
            "keep one PRIMARY KEY");
      }
      table.primaryKey = List.of(name);
      table.primaryKeyLine = c.name.line();
    }
  }

  /** Every CHECK (condition) in {@code ts}, recorded on the table (read by {@link Checks}). */
  static void addChecks(String src, DdlTable table, List<Token> ts) {
    for (int j = 0; j + 1 < ts.size(); j++) {
      if (ts.get(j).is("CHECK") && ts.get(j + 1).isPunct("(")) {
        int end = Tokens.close(ts, j + 1);
        if (end > 0) {
          table.checks.add(new DdlTable.Check(Tokens.text(src, ts, j + 1, end + 1), ts.get(j).line()));
          j = end;
        }
      }
    }
  }

  private static void constraints(DdlTable table, CreateTable ct, List<List<Token>> elements, DdlIssues issues) {
    List<Index> indexes = ct.getIndexes() == null ? List.of() : ct.getIndexes();
    for (int k = 0; k < indexes.size(); k++) {
      Index ix = indexes.get(k);
      int line = k < elements.size() ? elements.get(k).get(0).line() : table.line;
      Constraints.apply(table, ix, line, issues);
    }
  }

  /** Table constraints of CREATE TABLE and ALTER TABLE ... ADD, applied to a table. */
  static final class Constraints {
    private Constraints() {
    }

    static void apply(DdlTable table, Index ix, int line, DdlIssues issues) {
      if (ix instanceof CheckConstraint) {
        return; // read from the tokens by addChecks: JSqlParser regroups "a IN (...) AND b > 0" wrongly
      }
      List<String> cols = new ArrayList<>();
      for (String n : ix.getColumnsNames()) {
        cols.add(Tokens.planName(Tokens.lastPart(n)));
      }
      for (String n : cols) {
        if (table.column(n) == null) {
          issues.add(line, n, "the constraint names column " + n + ", which " + table.declaredName + " does not have",
              "columns are: " + String.join(", ", table.columnNames()));
          return;
        }
      }
      if (ix instanceof ForeignKeyIndex fk) {
        List<String> refs = new ArrayList<>();
        for (String n : fk.getReferencedColumnNames() == null ? List.<String>of() : fk.getReferencedColumnNames()) {
          refs.add(Tokens.planName(Tokens.lastPart(n)));
        }
        table.foreignKeys.add(new DdlTable.ForeignKey(cols, Tokens.planName(Tokens.lastPart(
            fk.getTable().getFullyQualifiedName())), refs, line));
        return;
      }
      String type = ix.getType() == null ? "" : ix.getType().toUpperCase(java.util.Locale.ROOT);
      if (type.contains("PRIMARY")) {
        if (!table.primaryKey.isEmpty() && !table.primaryKey.equals(cols)) {
          issues.add(line, String.join(", ", cols), "table " + table.declaredName + " declares two primary keys",
              "keep one PRIMARY KEY");
          return;
        }
        table.primaryKey = List.copyOf(cols);
        table.primaryKeyLine = line;
        for (String n : cols) {
          table.column(n).notNull = true;
        }
      } else if (type.contains("UNIQUE")) {
        if (cols.size() == 1) {
          table.column(cols.get(0)).unique = true;
        } else {
          table.compositeUniques.add(new DdlTable.Composite(List.copyOf(cols), line));
        }
      }
    }
  }
}
