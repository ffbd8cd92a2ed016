package io.synthgen.server.export;

import java.util.Locale;

/** What {@code synthgen export} and export_plan write: the same statements as SQL, a notebook or a script. */
public enum ExportFormat {
  /** A Databricks SQL file: statements ended by semicolons, run top to bottom (SQL editor, {@code sql} task). */
  SQL(".sql"),
  /** A Python notebook in Databricks source format: a markdown cell, a setup cell, one cell per table. */
  NOTEBOOK(".py"),
  /** A PySpark script that creates (or gets) a SparkSession and runs each statement. */
  PYSPARK(".py");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  /** The file name ending the format is usually given, with its dot. */
  public String extension() {
    return extension;
  }

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the formats
   */
  public static ExportFormat parse(String s) {
    for (ExportFormat f : values()) {
      if (f.name().equalsIgnoreCase(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown export format '" + s + "'; use sql, notebook or pyspark");
  }
}
