package io.synthgen.server.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL file into statements as a SQL editor does: at a {@code ;} outside string literals (backslash
 * escapes), quoted identifiers and comments; comment-only pieces are dropped.
 */
final class SqlScript {

  private SqlScript() {
  }

  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean code = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '-' && text.startsWith("--", i)) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length() : nl + 1;
        cur.append('\n');
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != c) {
          j += c != '`' && text.charAt(j) == '\\' ? 2 : 1;
        }
        cur.append(text, i, Math.min(j + 1, text.length()));
        code = true;
        i = j + 1;
        continue;
      }
      if (c == ';') {
        if (code) {
          out.add(cur.toString().strip());
        }
        cur.setLength(0);
        code = false;
        i++;
        continue;
      }
      if (!Character.isWhitespace(c)) {
        code = true;
      }
      cur.append(c);
      i++;
    }
    if (code) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}
