package io.synthgen.server.export;

import java.util.Locale;

/**
 * A PySpark script: the header as comments, a SparkSession (the running one on Databricks, a new one elsewhere;
 * Delta Lake must be configured there), then every statement through {@code spark.sql}, table by table.
 */
final class PySparkText {

  private PySparkText() {
  }

  static String render(ExportScript s) {
    StringBuilder b = new StringBuilder("#!/usr/bin/env python3\n");
    for (String line : s.header()) {
      b.append("# ").append(line).append('\n');
    }
    b.append("\nfrom pyspark.sql import SparkSession\n\n");
    b.append("spark = SparkSession.builder.appName(").append(PythonText.literal("synthgen " + s.title()))
        .append(").getOrCreate()\n\n");
    for (String st : s.setup()) {
      b.append(PythonText.sparkSql(st)).append('\n');
    }
    for (ExportScript.Step t : s.tables()) {
      b.append("\n# ").append(ExportHeader.oneLine(String.format(Locale.ROOT, "%s: %,d rows", t.target(), t.rows())))
          .append('\n');
      for (String st : t.statements()) {
        b.append(PythonText.sparkSql(st)).append('\n');
      }
    }
    b.append("\nprint(").append(PythonText.literal("synthgen: " + s.tables().size() + " tables of " + s.title()
        + " recreated")).append(")\n");
    return b.toString();
  }
}
