package io.synthgen.server.export;

import java.util.List;
import java.util.Locale;

/**
 * A Python notebook in Databricks source format: {@code # Databricks notebook source} as its first line and cells
 * separated by {@code # COMMAND ----------}. The first cell is markdown (what the notebook makes), the second holds
 * the header with the approved plan as comments and the setup statements, then one cell per table runs its
 * statements with {@code spark.sql}; the last statement of a table's cell fails the cell when the table's row count
 * differs from the plan's.
 */
final class NotebookText {

  static final String FIRST_LINE = "# Databricks notebook source";
  static final String CELL = "# COMMAND ----------";

  private NotebookText() {
  }

  static String render(ExportScript s) {
    StringBuilder b = new StringBuilder(FIRST_LINE).append('\n');
    b.append("# MAGIC %md\n");
    b.append("# MAGIC ").append(ExportHeader.oneLine("# Synthetic data: " + s.title())).append('\n');
    b.append("# MAGIC\n");
    b.append("# MAGIC ").append(ExportHeader.oneLine(s.header().get(0))).append(".\n");
    b.append("# MAGIC\n");
    for (ExportScript.Step t : s.tables()) {
      b.append("# MAGIC - ").append(ExportHeader.oneLine(String.format(Locale.ROOT, "`%s`: %,d rows", t.target(),
          t.rows()))).append('\n');
    }
    cell(b);
    for (String line : s.header()) {
      b.append("# ").append(line).append('\n');
    }
    b.append('\n');
    statements(b, s.setup());
    for (ExportScript.Step t : s.tables()) {
      cell(b);
      b.append("# ").append(ExportHeader.oneLine(String.format(Locale.ROOT, "%s: %,d rows", t.target(), t.rows())))
          .append('\n');
      statements(b, t.statements());
    }
    return b.toString();
  }

  private static void cell(StringBuilder b) {
    b.append("\n").append(CELL).append("\n\n");
  }

  private static void statements(StringBuilder b, List<String> sql) {
    for (String st : sql) {
      b.append(PythonText.sparkSql(st)).append('\n');
    }
  }
}
