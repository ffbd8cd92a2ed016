package io.synthgen.server.catalog.databricks;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Python notebook in Databricks source format as the stand-in runs it: the first line must be
 * {@code # Databricks notebook source}, cells are separated by {@code # COMMAND ----------} lines, and a cell's
 * statements are its {@code spark.sql("""…""")} calls, whose triple-quoted strings are decoded with Python's escapes
 * ({@code \\ \" \' \n \r \t \xHH}). Anything else in a cell (comments, markdown, {@code .collect()}) is not run.
 */
public final class NotebookCells {

  public static final String FIRST_LINE = "# Databricks notebook source";
  public static final String SEPARATOR = "\n# COMMAND ----------\n";
  private static final String CALL = "spark.sql(\"\"\"";

  /** A notebook that is not in the source format, or a statement string that does not end. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private NotebookCells() {
  }

  /** Each cell's statements, in order (a cell without any gives an empty list). */
  public static List<List<String>> parse(String notebook) {
    if (!notebook.startsWith(FIRST_LINE + "\n")) {
      throw new Malformed("a notebook in source format starts with the line '" + FIRST_LINE + "'");
    }
    List<List<String>> cells = new ArrayList<>();
    for (String cell : notebook.substring(FIRST_LINE.length() + 1).split(SEPARATOR, -1)) {
      cells.add(statements(cell));
    }
    return cells;
  }

  /** The {@code spark.sql("""…""")} statements of a piece of Python, decoded. */
  public static List<String> statements(String python) {
    List<String> out = new ArrayList<>();
    int i = python.indexOf(CALL);
    while (i >= 0) {
      StringBuilder b = new StringBuilder();
      int j = i + CALL.length();
      while (true) {
        if (j >= python.length()) {
          throw new Malformed("a spark.sql(\"\"\" string does not end");
        }
        char c = python.charAt(j);
        if (c == '\\') {
          char e = python.charAt(j + 1);
          switch (e) {
            case '\\': b.append('\\'); j += 2; break;
            case '"': b.append('"'); j += 2; break;
            case '\'': b.append('\''); j += 2; break;
            case 'n': b.append('\n'); j += 2; break;
            case 'r': b.append('\r'); j += 2; break;
            case 't': b.append('\t'); j += 2; break;
            case 'x': b.append((char) Integer.parseInt(python.substring(j + 2, j + 4), 16)); j += 4; break;
            default: throw new Malformed("unexpected escape \\" + e + " in a statement");
          }
          continue;
        }
        if (python.startsWith("\"\"\"", j)) {
          break;
        }
        b.append(c);
        j++;
      }
      out.add(b.toString());
      i = python.indexOf(CALL, j + 3);
    }
    return out;
  }
}
