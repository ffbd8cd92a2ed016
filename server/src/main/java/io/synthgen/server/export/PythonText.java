package io.synthgen.server.export;

/**
 * Python source text for the notebook and the script. A statement becomes a triple-quoted string whose every
 * backslash, double quote and control character (other than newline and tab) is escaped, so its value is exactly
 * the statement; a line of it that would start with {@code #} starts with {@code \x23} instead, so that no line of
 * a statement can read as a notebook cell marker ({@code # COMMAND ----------}) or magic.
 */
final class PythonText {

  private PythonText() {
  }

  /** {@code """…"""} whose value is {@code text}. */
  static String literal(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8).append("\"\"\"");
    boolean lineStart = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#' && lineStart) {
        b.append("\\x23");
      } else if (c == '\\') {
        b.append("\\\\");
      } else if (c == '"') {
        b.append("\\\"");
      } else if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
        b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else {
        b.append(c);
      }
      lineStart = c == '\n';
    }
    return b.append("\"\"\"").toString();
  }

  /**
   * {@code spark.sql("""…""")}; a query gets {@code .collect()}, since {@code spark.sql} runs a query only when
   * its result is read (a row-count check must run).
   */
  static String sparkSql(String statement) {
    return "spark.sql(" + literal(statement) + ")" + (statement.startsWith("SELECT ") ? ".collect()" : "");
  }
}
