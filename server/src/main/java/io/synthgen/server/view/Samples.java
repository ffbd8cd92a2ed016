package io.synthgen.server.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.vec.Batch;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sample batches as text: an aligned head, per-column summaries, and JSON lines for the sample resources. */
public final class Samples {

  /** Rows per table a sample draws unless asked otherwise (generate_sample and the sample resources). */
  public static final int DEFAULT_PER_TABLE = 100;

  private static final int MAX_CELL = 24;
  private static final int TOP = 3;

  private Samples() {
  }

  /** The first {@code limit} rows as an aligned text table; long cells are cut. */
  public static String head(Batch b, int limit) {
    int n = Math.min(limit, b.size());
    int cols = b.names().size();
    List<String[]> rows = new ArrayList<>();
    rows.add(b.names().toArray(new String[0]));
    for (int i = 0; i < n; i++) {
      String[] r = new String[cols];
      for (int c = 0; c < cols; c++) {
        String s = cell(b.vectors().get(c).get(i));
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
      for (int c = 0; c < cols; c++) {
        String v = rows.get(k)[c];
        sb.append(c == 0 ? "" : " | ").append(v).append(" ".repeat(w[c] - v.length()));
      }
      sb.setLength(sb.length() - trailing(sb));
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

  private static int trailing(StringBuilder sb) {
    int t = 0;
    while (t < sb.length() && sb.charAt(sb.length() - 1 - t) == ' ') {
      t++;
    }
    return t;
  }

  private static String cell(Object v) {
    if (v == null) {
      return "NULL";
    }
    return v instanceof String s ? s : v.toString().replace('T', ' ');
  }

  /** Per column: type, nulls, distinct values, min, max and the most frequent values. */
  public static ArrayNode summaries(Batch b) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int c = 0; c < b.names().size(); c++) {
      Vec v = b.vectors().get(c);
      ObjectNode o = out.addObject();
      o.put("name", b.names().get(c));
      o.put("type", v.type().toString());
      Map<Object, Integer> counts = new HashMap<>();
      int nulls = 0;
      Comparable<Object> min = null;
      Comparable<Object> max = null;
      for (int i = 0; i < b.size(); i++) {
        Object x = v.get(i);
        if (x == null) {
          nulls++;
          continue;
        }
        counts.merge(x, 1, Integer::sum);
        if (x instanceof Comparable<?>) {
          @SuppressWarnings("unchecked")
          Comparable<Object> cx = (Comparable<Object>) x;
          if (min == null || cx.compareTo(min) < 0) {
            min = cx;
          }
          if (max == null || cx.compareTo(max) > 0) {
            max = cx;
          }
        }
      }
      o.put("nulls", nulls);
      o.put("distinct", counts.size());
      if (min != null) {
        put(o, "min", min);
        put(o, "max", max);
      }
      if (counts.size() <= b.size() / 2 || counts.size() <= TOP) {
        ArrayNode top = o.putArray("top");
        counts.entrySet().stream()
            .sorted(Comparator.comparing((Map.Entry<Object, Integer> e) -> -e.getValue())
                .thenComparing(e -> String.valueOf(e.getKey())))
            .limit(TOP)
            .forEach(e -> {
              ObjectNode t = top.addObject();
              put(t, "value", e.getKey());
              t.put("count", e.getValue());
            });
      }
    }
    return out;
  }

  private static void put(ObjectNode o, String key, Object v) {
    if (v instanceof Long l) {
      o.put(key, l);
    } else if (v instanceof Integer i) {
      o.put(key, i);
    } else if (v instanceof Double d) {
      o.put(key, d);
    } else if (v instanceof Boolean bo) {
      o.put(key, bo);
    } else if (v instanceof java.math.BigDecimal bd) {
      o.put(key, bd);
    } else {
      o.put(key, cell(v));
    }
  }

  /** The first {@code limit} rows of a batch as JSON objects (structured content of a sample). */
  public static ArrayNode rows(Batch b, int limit) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < Math.min(limit, b.size()); i++) {
      out.add(row(b, i));
    }
    return out;
  }

  private static ObjectNode row(Batch b, int i) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    for (int c = 0; c < b.names().size(); c++) {
      Object x = b.vectors().get(c).get(i);
      if (x == null) {
        row.putNull(b.names().get(c));
      } else {
        put(row, b.names().get(c), x);
      }
    }
    return row;
  }

  /** The batch as JSON lines, one object per row. */
  public static String jsonl(Batch b) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.size(); i++) {
      sb.append(row(b, i)).append('\n');
    }
    return sb.toString();
  }
}
