package io.synthgen.server.catalog;

import io.synthgen.server.catalog.CatalogException.Kind;
import io.synthgen.server.catalog.FakeWorkspace.FakeTable;
import io.synthgen.server.catalog.SqlTokens.Reader;
import io.synthgen.testing.Duck;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statements {@link FakeWorkspace} understands, applied to its tables with Databricks' semantics: CTAS
 * (replacing only with OR REPLACE), INSERT (by position, or by name with a column list), column comments and
 * counts. Anything else is a syntax error.
 */
final class FakeSql {

  private record Select(List<RemoteTable.Column> columns, String dir) {
  }

  private FakeSql() {
  }

  static List<List<String>> run(FakeWorkspace ws, Reader r) {
    Map<String, FakeTable> tables = ws.tablesForSql();
    if (r.acceptWords("CREATE")) {
      boolean replace = r.acceptWords("OR", "REPLACE");
      r.words("TABLE");
      String name = name(r);
      r.words("USING", "DELTA", "COMMENT");
      String comment = r.next(SqlTokens.Kind.STRING);
      r.words("TBLPROPERTIES");
      r.symbol("(");
      Map<String, String> props = new LinkedHashMap<>();
      do {
        String k = r.next(SqlTokens.Kind.STRING);
        r.symbol("=");
        props.put(k, r.next(SqlTokens.Kind.STRING));
      } while (r.acceptSymbol(","));
      r.symbol(")");
      r.words("AS");
      Select s = select(r);
      r.end();
      String[] parts = name.split("\\.");
      if (!ws.schemaForSql(parts[0], parts[1])) {
        throw FakeWorkspace.error(Kind.STATEMENT_FAILED, "[SCHEMA_NOT_FOUND] " + parts[0] + "." + parts[1]);
      }
      if (tables.containsKey(name) && !replace) {
        throw FakeWorkspace.error(Kind.STATEMENT_FAILED, "[TABLE_OR_VIEW_ALREADY_EXISTS] " + name);
      }
      long rows = countParquet(ws.volumeFiles, s.dir(), s.columns());
      tables.put(name, new FakeTable(name, s.columns(), props, comment, Map.of(), rows));
      return List.of();
    }
    if (r.acceptWords("INSERT", "INTO")) {
      FakeTable t = existing(tables, name(r));
      List<String> targets = new ArrayList<>();
      if (r.acceptSymbol("(")) {
        do {
          targets.add(r.next(SqlTokens.Kind.IDENT));
        } while (r.acceptSymbol(","));
        r.symbol(")");
      } else {
        t.columns().forEach(c -> targets.add(c.name()));
      }
      Select s = select(r);
      r.end();
      if (targets.size() != s.columns().size()) {
        throw FakeWorkspace.error(Kind.STATEMENT_FAILED, "[INSERT_COLUMN_ARITY_MISMATCH] " + t.fullName());
      }
      for (int i = 0; i < targets.size(); i++) {
        String target = targets.get(i);
        RemoteTable.Column col = t.columns().stream().filter(c -> c.name().equalsIgnoreCase(target)).findFirst()
            .orElseThrow(() -> FakeWorkspace.error(Kind.STATEMENT_FAILED, "[UNRESOLVED_COLUMN] " + target));
        if (!col.type().equalsIgnoreCase(s.columns().get(i).type())) {
          // stricter than Spark's store assignment: any difference means the data would land in the wrong column
          throw FakeWorkspace.error(Kind.STATEMENT_FAILED, "[INCOMPATIBLE_DATA_FOR_TABLE] " + s.columns().get(i)
              + " into " + col);
        }
      }
      long rows = countParquet(ws.volumeFiles, s.dir(), s.columns());
      tables.put(t.fullName(), new FakeTable(t.fullName(), t.columns(), t.properties(), t.comment(),
          t.columnComments(), t.rows() + rows));
      return List.of();
    }
    if (r.acceptWords("ALTER", "TABLE")) {
      FakeTable t = existing(tables, name(r));
      r.words("ALTER", "COLUMN");
      String col = r.next(SqlTokens.Kind.IDENT);
      r.words("COMMENT");
      String text = r.next(SqlTokens.Kind.STRING);
      r.end();
      if (t.columns().stream().noneMatch(c -> c.name().equals(col))) {
        throw FakeWorkspace.error(Kind.STATEMENT_FAILED, "[UNRESOLVED_COLUMN] " + col + " in " + t.fullName());
      }
      Map<String, String> comments = new LinkedHashMap<>(t.columnComments());
      comments.put(col, text);
      tables.put(t.fullName(), new FakeTable(t.fullName(), t.columns(), t.properties(), t.comment(), comments,
          t.rows()));
      return List.of();
    }
    r.words("SELECT", "count");
    r.symbol("(");
    r.symbol("*");
    r.symbol(")");
    r.words("AS");
    r.next(SqlTokens.Kind.IDENT);
    r.words("FROM");
    FakeTable t = existing(tables, name(r));
    r.end();
    return List.of(List.of(Long.toString(t.rows())));
  }

  private static String name(Reader r) {
    return String.join(".", r.qualifiedName());
  }

  private static FakeTable existing(Map<String, FakeTable> tables, String name) {
    FakeTable t = tables.get(name);
    if (t == null) {
      throw FakeWorkspace.error(Kind.STATEMENT_FAILED, "[TABLE_OR_VIEW_NOT_FOUND] " + name);
    }
    return t;
  }

  /** {@code SELECT CAST(`c` AS type) AS `c`, ... FROM parquet.`dir`}. */
  private static Select select(Reader r) {
    r.words("SELECT");
    List<RemoteTable.Column> cols = new ArrayList<>();
    do {
      r.words("CAST");
      r.symbol("(");
      String col = r.next(SqlTokens.Kind.IDENT);
      r.words("AS");
      StringBuilder type = new StringBuilder(r.next(SqlTokens.Kind.WORD).toLowerCase(Locale.ROOT));
      if (r.acceptSymbol("(")) {
        type.append('(').append(r.next(SqlTokens.Kind.WORD)).append(',');
        r.symbol(",");
        type.append(r.next(SqlTokens.Kind.WORD)).append(')');
        r.symbol(")");
      }
      r.symbol(")");
      r.words("AS");
      String alias = r.next(SqlTokens.Kind.IDENT);
      if (!alias.equals(col)) {
        throw new IllegalArgumentException("column " + col + " is renamed to " + alias);
      }
      cols.add(new RemoteTable.Column(col, type.toString()));
    } while (r.acceptSymbol(","));
    r.words("FROM", "parquet");
    r.symbol(".");
    return new Select(cols, r.next(SqlTokens.Kind.IDENT));
  }

  /** The rows of the Parquet files directly in {@code dir}, read with DuckDB through the given column casts. */
  private static long countParquet(FakeFiles files, String dir, List<RemoteTable.Column> cols) {
    Map<String, Path> in = files.copiesIn(dir);
    if (in.isEmpty() || in.keySet().stream().anyMatch(p -> !p.endsWith(".parquet"))) {
      throw FakeWorkspace.error(Kind.STATEMENT_FAILED, "[UNABLE_TO_INFER_SCHEMA] no Parquet files only in " + dir);
    }
    String casts = cols.stream().map(c -> "CAST(\"" + c.name().replace("\"", "\"\"") + "\" AS " + c.type() + ")")
        .collect(Collectors.joining(", "));
    String paths = in.values().stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
    try (Duck duck = new Duck()) {
      return duck.count("SELECT count(*) FROM (SELECT " + casts + " FROM read_parquet([" + paths + "]))");
    } catch (SQLException e) {
      throw FakeWorkspace.error(Kind.STATEMENT_FAILED, "reading " + dir + ": " + e.getMessage());
    }
  }
}
