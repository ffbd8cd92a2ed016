package io.synthgen.draft.ddl;

import io.synthgen.draft.ddl.SqlLexer.Statement;
import io.synthgen.draft.ddl.SqlLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Reads a whole script into tables: CREATE TABLE, ALTER TABLE ... ADD (PRIMARY KEY, FOREIGN KEY, UNIQUE, CHECK),
 * ALTER TABLE ... ALTER COLUMN ... SET NOT NULL, COMMENT ON TABLE / COLUMN and CREATE UNIQUE INDEX on one column
 * change the tables; statements that say nothing about the data (SET, USE, CREATE SCHEMA, CREATE SEQUENCE, CREATE
 * INDEX, GRANT, DROP, ALTER TABLE ... OWNER TO, ...) are skipped and listed; every other statement is refused with
 * its line.
 */
final class ScriptReader {

  /** First words of statements that say nothing about the tables' data. */
  private static final Set<String> SKIPPED = Set.of("SET", "USE", "GRANT", "REVOKE", "DROP", "BEGIN", "COMMIT",
      "START", "ROLLBACK", "ANALYZE", "VACUUM", "OPTIMIZE", "LOCK", "UNLOCK", "SHOW", "DESCRIBE", "COPY", "MSCK");

  /** Objects whose CREATE or ALTER says nothing about the tables' data. */
  private static final Set<String> SKIPPED_OBJECTS = Set.of("SCHEMA", "DATABASE", "CATALOG", "SEQUENCE",
      "EXTENSION", "ROLE", "USER", "WAREHOUSE", "STAGE", "FILE", "TYPE", "DOMAIN", "VOLUME", "INDEX");

  final Map<String, DdlTable> tables = new LinkedHashMap<>();
  final List<String> skipped = new ArrayList<>();
  private final String src;
  /** The parser and its budget, shared by every statement and CHECK of the script. */
  final SqlParsing parsing = new SqlParsing();
  private final DdlIssues issues;

  /** What a DECIMAL without precision means in the script's dialect (see {@link #barePrecision(String)}). */
  private final int barePrecision;

  private ScriptReader(String src, DdlIssues issues) {
    this.src = src;
    this.issues = issues;
    this.barePrecision = barePrecision(src);
  }

  private static final java.util.regex.Pattern MYSQL_OR_SPARK = java.util.regex.Pattern.compile(
      "`|\\bENGINE\\s*=|\\bAUTO_INCREMENT\\b|\\bUSING\\s+(DELTA|PARQUET|ICEBERG|ORC|CSV)\\b|\\bTBLPROPERTIES\\b",
      java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final java.util.regex.Pattern SNOWFLAKE = java.util.regex.Pattern.compile(
      "\\bAUTOINCREMENT\\b|\\bVARIANT\\b|\\bTIMESTAMP_NTZ\\b|\\bNUMBER\\s*\\(\\s*38\\b",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * The precision of a DECIMAL or NUMERIC written without one, by the dialect the script shows: 10 (scale 0) in
   * MySQL (backticks, ENGINE=, AUTO_INCREMENT) and Spark (USING DELTA, TBLPROPERTIES), 38 in Snowflake
   * (AUTOINCREMENT, VARIANT, TIMESTAMP_NTZ, NUMBER(38,...)), else 0: PostgreSQL's unconstrained NUMERIC.
   */
  static int barePrecision(String src) {
    if (MYSQL_OR_SPARK.matcher(src).find()) {
      return 10;
    }
    return SNOWFLAKE.matcher(src).find() ? 38 : 0;
  }

  static ScriptReader read(String src, List<Statement> statements, DdlIssues issues) {
    ScriptReader r = new ScriptReader(src, issues);
    for (Statement st : statements) {
      if (r.parsing.exhausted()) {
        issues.add(st.line(), null, "the script took more than " + DdlLimits.TOTAL_PARSE_BUDGET_MILLIS
            + " ms to parse; this statement and the ones after it were not read", "give fewer or simpler statements");
        break;
      }
      r.statement(st);
    }
    return r;
  }

  private void statement(Statement st) {
    List<Token> ts = st.tokens();
    Token first = ts.get(0);
    String w0 = first.text().toUpperCase(Locale.ROOT);
    String w1 = ts.size() > 1 ? ts.get(1).text().toUpperCase(Locale.ROOT) : "";
    String head = head(ts);
    if (first.is("CREATE")) {
      if (isCreateTable(ts)) {
        DdlTable t = CreateTableReader.read(src, st, parsing, issues, barePrecision);
        if (t != null) {
          if (tables.containsKey(Tokens.key(t.name))) {
            issues.add(st.line(), t.declaredName, "table " + t.declaredName + " is created twice (first on line "
                + tables.get(Tokens.key(t.name)).line + ")", "keep one CREATE TABLE " + t.declaredName);
          } else {
            tables.put(Tokens.key(t.name), t);
          }
        }
        return;
      }
      if (w1.equals("UNIQUE") || ts.stream().anyMatch(t -> t.is("INDEX")) && !ts.stream().anyMatch(
          t -> t.is("TABLE") || t.is("VIEW"))) {
        createIndex(st);
        return;
      }
      for (int k = 1; k < Math.min(ts.size(), 5); k++) {
        if (SKIPPED_OBJECTS.contains(ts.get(k).text().toUpperCase(Locale.ROOT))) {
          skipped.add(head);
          return;
        }
      }
      unsupported(st, head);
      return;
    }
    if (first.is("ALTER") && ts.size() > 1 && ts.get(1).is("TABLE")) {
      alter(st, head);
      return;
    }
    if (first.is("ALTER") && ts.size() > 1 && SKIPPED_OBJECTS.contains(w1)) {
      skipped.add(head);
      return;
    }
    if (first.is("COMMENT") && w1.equals("ON")) {
      comment(st);
      return;
    }
    if (SKIPPED.contains(w0) || first.is("SELECT") && ts.stream().anyMatch(t -> t.text().toLowerCase(Locale.ROOT)
        .contains("set_config"))) {
      skipped.add(head);
      return;
    }
    unsupported(st, head);
  }

  /** The first words of a statement, for messages and the list of skipped statements. */
  private static String head(List<Token> ts) {
    int n = Math.min(ts.size(), 4);
    String h = Tokens.join(ts.subList(0, n)).replace(" . ", ".").replace(" .", ".").replace(". ", ".");
    return ts.size() > n ? h + " ..." : h;
  }

  private static boolean isCreateTable(List<Token> ts) {
    for (int k = 1; k < Math.min(ts.size(), 8); k++) {
      if (ts.get(k).is("TABLE")) {
        return true;
      }
      if (ts.get(k).isPunct("(") || ts.get(k).is("INDEX") || ts.get(k).is("VIEW")) {
        return false;
      }
    }
    return false;
  }

  private void unsupported(Statement st, String head) {
    issues.add(st.line(), head, "this statement is not a table definition (only CREATE TABLE, ALTER TABLE ... ADD "
        + "constraints, COMMENT ON and CREATE UNIQUE INDEX describe tables)", "remove it from the DDL");
  }

  private DdlTable table(String qualified, int line) {
    String name = Tokens.planName(Tokens.lastPart(qualified));
    DdlTable t = tables.get(Tokens.key(name));
    if (t == null) {
      issues.add(line, name, "no CREATE TABLE " + name + " before this statement",
          "create the table first; tables are: " + String.join(", ", declaredNames()));
    }
    return t;
  }

  private List<String> declaredNames() {
    List<String> out = new ArrayList<>();
    tables.values().forEach(t -> out.add(t.declaredName));
    return out;
  }

  private void alter(Statement st, String head) {
    List<Token> ts = st.tokens();
    if (identityAlter(st)) {
      return;
    }
    boolean changes = ts.stream().anyMatch(t -> t.is("ADD") || t.is("NOT") || t.is("CHECK"));
    String schemaChange = schemaChange(ts);
    if (schemaChange != null) {
      issues.add(st.line(), head, "this change of the table (" + schemaChange + ") is not supported: it changes "
          + "the columns or their data, and the plan follows the CREATE TABLE (ALTER TABLE takes ADD PRIMARY KEY, "
          + "FOREIGN KEY, UNIQUE or CHECK constraints and ALTER COLUMN ... SET NOT NULL)",
          "write the columns as they end up into the CREATE TABLE and remove this ALTER TABLE");
      return;
    }
    if (!changes) {
      skipped.add(head); // OWNER TO, SET (...), SET TBLPROPERTIES, CLUSTER BY, ENABLE ROW LEVEL SECURITY ...
      return;
    }
    List<Token> kept = new ArrayList<>();
    for (int k = 0; k < ts.size(); k++) {
      Token t = ts.get(k);
      if (t.is("ONLY") || t.is("RELY") || t.is("NORELY") || t.is("ENFORCED") && k > 0 && ts.get(k - 1).is("NOT")
          || t.is("NOT") && k + 1 < ts.size() && ts.get(k + 1).is("ENFORCED") || t.is("NOVALIDATE")
          || t.is("VALIDATE")) {
        continue;
      }
      kept.add(t);
    }
    net.sf.jsqlparser.statement.Statement parsed;
    try {
      parsed = parsing.statement(Tokens.join(kept));
    } catch (SqlParsing.ParseFailure f) {
      issues.add(st.line(), head, "cannot parse this ALTER TABLE: " + f.getMessage(), "correct it, or put the "
          + "constraint into its CREATE TABLE");
      return;
    }
    if (!(parsed instanceof Alter alter)) {
      unsupported(st, head);
      return;
    }
    DdlTable table = table(alter.getTable().getFullyQualifiedName(), st.line());
    if (table == null) {
      return;
    }
    CreateTableReader.addChecks(src, table, ts);
    for (AlterExpression e : alter.getAlterExpressions()) {
      AlterOperation op = e.getOperation();
      Index ix = e.getIndex();
      if (op == AlterOperation.ADD && ix instanceof net.sf.jsqlparser.statement.create.table.CheckConstraint) {
        continue; // read by addChecks
      } else if (op == AlterOperation.ADD && ix != null) {
        CreateTableReader.Constraints.apply(table, ix, st.line(), issues);
      } else if (op == AlterOperation.ADD && e.getFkColumns() != null) {
        List<String> cols = new ArrayList<>();
        e.getFkColumns().forEach(c -> cols.add(Tokens.planName(Tokens.lastPart(c))));
        List<String> refs = new ArrayList<>();
        if (e.getFkSourceColumns() != null) {
          e.getFkSourceColumns().forEach(c -> refs.add(Tokens.planName(Tokens.lastPart(c))));
        }
        for (String c : cols) {
          if (table.column(c) == null) {
            issues.add(st.line(), c, "no column " + c + " in " + table.declaredName, "columns are: "
                + String.join(", ", table.columnNames()));
            return;
          }
        }
        table.foreignKeys.add(new DdlTable.ForeignKey(cols, Tokens.planName(Tokens.lastPart(e.getFkSourceTable())),
            refs, st.line()));
      } else if (op == AlterOperation.ADD && e.getPkColumns() != null) {
        applyPrimaryKey(table, e.getPkColumns(), st.line());
      } else if (op == AlterOperation.ADD && e.getUkColumns() != null && e.getUkColumns().size() == 1) {
        DdlColumn c = column(table, e.getUkColumns().get(0), st.line());
        if (c != null) {
          c.unique = true;
        }
      } else if ((op == AlterOperation.ALTER || op == AlterOperation.MODIFY) && setNotNull(ts)) {
        String col = e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()
            ? e.getColDataTypeList().get(0).getColumnName() : e.getColumnName();
        DdlColumn c = col == null ? null : column(table, col, st.line());
        if (c != null) {
          c.notNull = true;
        }
      } else {
        issues.add(st.line(), DdlIssues.shorten(String.valueOf(e)), "this change of " + table.declaredName
            + " is not supported (ALTER TABLE takes ADD PRIMARY KEY, FOREIGN KEY, UNIQUE or CHECK constraints and "
            + "ALTER COLUMN ... SET NOT NULL)", "write the column or change into the CREATE TABLE");
      }
    }
  }

  /**
   * pg_dump's identity columns: {@code ALTER TABLE t ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME
   * s START WITH n ...)}, which JSqlParser does not take, read with the tokens. False when the statement is not one.
   */
  private boolean identityAlter(Statement st) {
    List<Token> ts = st.tokens();
    int at = -1;
    for (int k = 0; k + 3 < ts.size(); k++) {
      if (ts.get(k).is("ALTER") && ts.get(k + 1).is("COLUMN") && ts.get(k + 3).is("ADD") && k + 4 < ts.size()
          && ts.get(k + 4).is("GENERATED")) {
        at = k;
        break;
      }
    }
    if (at < 0) {
      return false;
    }
    int name = 2;
    if (ts.get(name).is("ONLY") || ts.get(name).is("IF")) {
      name = ts.get(name).is("IF") ? name + 2 : name + 1;
    }
    StringBuilder q = new StringBuilder();
    for (int k = name; k < at; k++) {
      q.append(ts.get(k).text());
    }
    DdlTable t = table(q.toString(), st.line());
    DdlColumn c = t == null ? null : column(t, Tokens.declared(ts.get(at + 2)), st.line());
    if (c == null) {
      return true;
    }
    c.identity = true;
    for (int k = at + 4; k + 2 < ts.size(); k++) {
      if (ts.get(k).is("START") && ts.get(k + 1).is("WITH") && ts.get(k + 2).kind() == SqlLexer.Kind.NUMBER) {
        try {
          c.identityStart = Long.parseLong(ts.get(k + 2).text());
        } catch (NumberFormatException e) {
          issues.add(st.line(), ts.get(k + 2).text(), "the identity's start is not a whole number",
              "write START WITH 1");
        }
      }
    }
    return true;
  }

  /**
   * What an ALTER TABLE changes in the columns or their data (a type, a dropped or renamed
   * column, a renamed table, a default other than pg_dump's {@code nextval(...)}, a dropped constraint ...), or null
   * when it says nothing about the data (OWNER TO, SET (storage), SET TBLPROPERTIES, CLUSTER BY ...).
   */
  static String schemaChange(List<Token> ts) {
    for (int k = 2; k < ts.size(); k++) {
      Token t = ts.get(k);
      if (t.is("DROP") || t.is("RENAME") || t.is("MODIFY") || t.is("CHANGE") || t.is("REPLACE")
          || t.is("SWAP") || t.is("EXCHANGE") || t.is("CONVERT")) {
        return t.text().toUpperCase(Locale.ROOT);
      }
      if (t.is("TYPE") && (ts.get(k - 1).is("DATA") || ts.get(k - 2).is("COLUMN") || ts.get(k - 2).is("ALTER"))) {
        return "ALTER COLUMN ... TYPE";
      }
      if (t.is("SET") && k + 1 < ts.size() && ts.get(k + 1).is("DEFAULT") && !ts.get(k - 1).is("DELETE")
          && !ts.get(k - 1).is("UPDATE") && !(k + 2 < ts.size() && ts.get(k + 2).is("nextval"))) {
        return "SET DEFAULT";
      }
    }
    return null;
  }

  private static boolean setNotNull(List<Token> ts) {
    for (int k = 0; k + 2 < ts.size(); k++) {
      if (ts.get(k).is("SET") && ts.get(k + 1).is("NOT") && ts.get(k + 2).is("NULL")) {
        return true;
      }
    }
    return false;
  }

  private void applyPrimaryKey(DdlTable table, List<String> cols, int line) {
    List<String> names = new ArrayList<>();
    for (String c : cols) {
      DdlColumn col = column(table, c, line);
      if (col == null) {
        return;
      }
      names.add(col.name);
    }
    if (!table.primaryKey.isEmpty() && !table.primaryKey.equals(names)) {
      issues.add(line, String.join(", ", names), "table " + table.declaredName + " already has a primary key ("
          + String.join(", ", table.primaryKey) + ")", "keep one PRIMARY KEY");
      return;
    }
    table.primaryKey = List.copyOf(names);
    table.primaryKeyLine = line;
    for (String n : names) {
      table.column(n).notNull = true;
    }
  }

  private DdlColumn column(DdlTable table, String declared, int line) {
    String n = Tokens.planName(Tokens.lastPart(declared));
    DdlColumn c = table.column(n);
    if (c == null) {
      issues.add(line, n, "no column " + n + " in " + table.declaredName, "columns are: "
          + String.join(", ", table.columnNames()));
    }
    return c;
  }

  private void comment(Statement st) {
    net.sf.jsqlparser.statement.Statement parsed;
    try {
      parsed = parsing.statement(Tokens.join(st.tokens()));
    } catch (SqlParsing.ParseFailure f) {
      issues.add(st.line(), head(st.tokens()),
          "cannot parse this COMMENT ON: " + f.getMessage(), "write COMMENT ON COLUMN table.column IS 'text'");
      return;
    }
    if (!(parsed instanceof Comment c) || c.getComment() == null) {
      skipped.add(head(st.tokens()));
      return;
    }
    String text = c.getComment().getValue().replace("''", "'");
    if (c.getColumn() != null) {
      net.sf.jsqlparser.schema.Column col = c.getColumn();
      if (col.getTable() == null) {
        issues.add(st.line(), col.getColumnName(), "COMMENT ON COLUMN needs the table", "write table.column");
        return;
      }
      DdlTable t = table(col.getTable().getFullyQualifiedName(), st.line());
      DdlColumn dc = t == null ? null : column(t, col.getColumnName(), st.line());
      if (dc != null) {
        dc.comment = text;
      }
    } else if (c.getTable() != null) {
      DdlTable t = table(c.getTable().getFullyQualifiedName(), st.line());
      if (t != null) {
        t.comment = text;
      }
    } else {
      skipped.add(head(st.tokens()));
    }
  }

  private void createIndex(Statement st) {
    List<Token> ts = st.tokens();
    String head = head(ts);
    boolean unique = ts.size() > 1 && ts.get(1).is("UNIQUE");
    if (!unique) {
      skipped.add(head);
      return;
    }
    net.sf.jsqlparser.statement.Statement parsed;
    try {
      parsed = parsing.statement(Tokens.join(ts));
    } catch (SqlParsing.ParseFailure f) {
      issues.add(st.line(), head, "cannot parse this CREATE UNIQUE INDEX: " + f.getMessage(),
          "write CREATE UNIQUE INDEX name ON table (column), or declare the column UNIQUE in its CREATE TABLE");
      return;
    }
    if (!(parsed instanceof CreateIndex ci)) {
      unsupported(st, head);
      return;
    }
    DdlTable t = table(ci.getTable().getFullyQualifiedName(), st.line());
    if (t == null) {
      return;
    }
    List<String> cols = ci.getIndex().getColumnsNames();
    if (cols.size() == 1) {
      DdlColumn c = column(t, cols.get(0), st.line());
      if (c != null) {
        c.unique = true;
      }
    } else {
      List<String> names = new ArrayList<>();
      for (String n : cols) {
        DdlColumn c = column(t, n, st.line());
        if (c == null) {
          return;
        }
        names.add(c.name);
      }
      t.compositeUniques.add(new DdlTable.Composite(names, st.line()));
    }
  }
}
