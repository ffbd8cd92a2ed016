package io.synthgen.server.export;

/**
 * A Databricks SQL file: the header as {@code --} comment lines, then every statement ended by {@code ;} on its
 * own line, with a comment line naming each table. Runs in the SQL editor, as a job's SQL file task, or statement
 * by statement anywhere Spark SQL runs (Delta Lake needed for the tables).
 */
final class SqlFileText {

  private SqlFileText() {
  }

  static String render(ExportScript s) {
    StringBuilder b = new StringBuilder();
    for (String line : s.header()) {
      b.append("-- ").append(line).append('\n');
    }
    b.append('\n');
    for (String st : s.setup()) {
      b.append(st).append(";\n\n");
    }
    for (ExportScript.Step t : s.tables()) {
      b.append("-- ").append(ExportHeader.oneLine(String.format(java.util.Locale.ROOT, "%s: %,d rows", t.target(),
          t.rows()))).append('\n');
      for (String st : t.statements()) {
        b.append(st).append(";\n");
      }
      b.append('\n');
    }
    return b.toString();
  }
}
