package io.synthgen.server.cli;

import io.synthgen.vec.Batch;
import java.util.ArrayList;
import java.util.List;

/** Renders the first rows of a batch as an aligned text table, truncating long cells. */
final class TextTable {

  private static final int MAX_CELL = 28;

  private TextTable() {
  }

  static String head(Batch b, int limit) {
    int n = Math.min(limit, b.size());
    int cols = b.names().size();
    List<String[]> rows = new ArrayList<>();
    rows.add(b.names().toArray(new String[0]));
    for (int i = 0; i < n; i++) {
      String[] r = new String[cols];
      for (int c = 0; c < cols; c++) {
        Object v = b.vectors().get(c).get(i);
        String s = v == null ? "NULL" : v.toString().replace('T', ' ');
        if (v instanceof String str) {
          s = str;
        }
        r[c] = s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
      }
      rows.add(r);
    }
    int[] w = new int[cols];
    for (String[] r : rows) {
      for (int c = 0; c < cols; c++) {
        w[c] = Math.max(w[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      for (int c = 0; c < cols; c++) {
        sb.append(c == 0 ? "" : " | ").append(pad(r[c], w[c]));
      }
      sb.append('\n');
      if (k == 0) {
        for (int c = 0; c < cols; c++) {
          sb.append(c == 0 ? "" : "-+-").append("-".repeat(w[c]));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }
}
