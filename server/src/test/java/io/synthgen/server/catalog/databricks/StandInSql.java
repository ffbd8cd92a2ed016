package io.synthgen.server.catalog.databricks;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites Databricks SQL so local Spark can run it: a three-part name {@code `catalog`.`schema`.`table`} becomes the
 * Spark table that backs it, and a quoted {@code `/Volumes/...`} path (as in {@code parquet.`/Volumes/...`}) becomes
 * the local folder of that volume. Everything else, string literals and comments included, is copied unchanged; the
 * scanner knows just enough SQL lexing (quotes, backslash escapes, doubled backticks, comments) not to rewrite inside
 * them.
 */
final class StandInSql {

  /** Where names lead; {@link UnityCatalog} answers for a stand-in. */
  interface Names {
    /** The Spark name (already quoted) of a Unity Catalog table; throws {@link Unresolved} for a missing schema. */
    String table(String catalog, String schema, String table);

    /** The local path of a {@code /Volumes/...} path. */
    String path(String volumePath);
  }

  /** A name the statement uses that does not exist; its message reads like Spark's. */
  static final class Unresolved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolved(String message) {
      super(message);
    }
  }

  private record Part(String text, boolean quoted, int end) {
  }

  private StandInSql() {
  }

  static String translate(String sql, Names names) {
    StringBuilder out = new StringBuilder(sql.length() + 64);
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int end;
      if (c == '\'' || c == '"') {
        end = endOfString(sql, i);
      } else if (sql.startsWith("--", i)) {
        int nl = sql.indexOf('\n', i);
        end = nl < 0 ? n : nl;
      } else if (sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
      } else if (Character.isDigit(c)) {
        end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
      } else if (c == '`' || isIdentifierStart(c)) {
        end = chain(sql, i, names, out);
        i = end;
        continue;
      } else {
        end = i + 1;
      }
      out.append(sql, i, end);
      i = end;
    }
    return out.toString();
  }

  /** Backtick-quotes an identifier, doubling any backtick inside. */
  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** A single-quoted SQL string literal with {@code \} and {@code '} escaped by a backslash. */
  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Reads a dotted chain of identifiers starting at {@code start}, appends its rewrite, returns where it ends. */
  private static int chain(String sql, int start, Names names, StringBuilder out) {
    List<Part> parts = new ArrayList<>();
    int j = start;
    while (true) {
      Part p = part(sql, j);
      if (p == null) {
        break;
      }
      parts.add(p);
      j = p.end();
      if (j + 1 < sql.length() && sql.charAt(j) == '.'
          && (sql.charAt(j + 1) == '`' || isIdentifierStart(sql.charAt(j + 1)))) {
        j++;
        continue;
      }
      break;
    }
    if (parts.isEmpty()) {
      // an unterminated quote: leave it for Spark's parser to report
      out.append(sql, start, sql.length());
      return sql.length();
    }
    boolean hasPath = parts.stream().anyMatch(p -> p.quoted() && p.text().startsWith("/Volumes/"));
    if (hasPath) {
      int from = start;
      for (Part p : parts) {
        boolean path = p.quoted() && p.text().startsWith("/Volumes/");
        int partStart = p.end() - length(p);
        out.append(sql, from, partStart).append(path ? quote(names.path(p.text())) : sql.substring(partStart, p.end()));
        from = p.end();
      }
    } else if (parts.size() == 3) {
      out.append(names.table(parts.get(0).text(), parts.get(1).text(), parts.get(2).text()));
    } else {
      out.append(sql, start, j);
    }
    return j;
  }

  private static int length(Part p) {
    return p.quoted() ? p.text().replace("`", "``").length() + 2 : p.text().length();
  }

  private static Part part(String sql, int i) {
    if (i >= sql.length()) {
      return null;
    }
    if (sql.charAt(i) == '`') {
      StringBuilder text = new StringBuilder();
      int j = i + 1;
      while (j < sql.length()) {
        char c = sql.charAt(j);
        if (c == '`') {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == '`') {
            text.append('`');
            j += 2;
            continue;
          }
          return new Part(text.toString(), true, j + 1);
        }
        text.append(c);
        j++;
      }
      return null;
    }
    if (!isIdentifierStart(sql.charAt(i))) {
      return null;
    }
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    return new Part(sql.substring(i, j), false, j);
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /** The index after a quoted string starting at {@code i}; a backslash escapes the next character, as in Spark. */
  private static int endOfString(String sql, int i) {
    char q = sql.charAt(i);
    int j = i + 1;
    while (j < sql.length()) {
      char c = sql.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == q) {
        return j + 1;
      }
      j++;
    }
    return sql.length();
  }
}
