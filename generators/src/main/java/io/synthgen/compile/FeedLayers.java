package io.synthgen.compile;

import io.synthgen.sql.SqlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key lifecycle of a change feed written as nested SELECTs: each value {@link #let} gets an alias ({@code __q<n>})
 * one layer above the deepest alias its SQL reads, so a value used several times (a Feistel half, a permutation's
 * result) is computed once per row rather than repeated in the text. Not thread-safe: one per compiled SELECT.
 */
final class FeedLayers {

  private static final Pattern IDENT = Pattern.compile("`(__[A-Za-z0-9_]+)`");

  private final String base;
  private final Map<String, Integer> layerOf = new HashMap<>();
  private final List<List<String[]>> layers = new ArrayList<>();
  private int next;

  /** Layers over {@code base}, a SELECT whose columns {@code baseAliases} the values may read. */
  FeedLayers(String base, String... baseAliases) {
    this.base = base;
    for (String a : baseAliases) {
      layerOf.put(a, 0);
    }
  }

  /** The alias (quoted) of a new value computed by {@code sql}, which may read earlier aliases. */
  String let(String sql) {
    return let("__q" + next++, sql);
  }

  /** {@link #let(String)} under a chosen name. */
  String let(String alias, String sql) {
    if (layerOf.containsKey(alias)) {
      throw new IllegalStateException("alias " + alias + " is defined twice");
    }
    int layer = 0;
    for (String a : aliases(sql)) {
      Integer l = layerOf.get(a);
      if (l != null && l > layer) {
        layer = l;
      }
    }
    layer++;
    while (layers.size() < layer) {
      layers.add(new ArrayList<>());
    }
    layers.get(layer - 1).add(new String[] {alias, sql});
    layerOf.put(alias, layer);
    return SqlText.ident(alias);
  }

  /**
   * The SELECT, layer over layer, of the aliases the SQL texts {@code uses} read (what the statement around it
   * needs). Each layer carries only the aliases a later layer or {@code uses} still reads, so the plan Spark
   * analyses stays narrow however many values the layers compute.
   */
  String select(String... uses) {
    int end = layers.size() + 1;
    Map<String, Integer> lastUse = new HashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      for (String[] def : layers.get(i)) {
        for (String a : aliases(def[1])) {
          if (layerOf.containsKey(a)) {
            lastUse.merge(a, i + 1, Math::max);
          }
        }
      }
    }
    List<String> exported = new ArrayList<>();
    for (String u : uses) {
      for (String a : aliases(u)) {
        if (layerOf.containsKey(a) && !exported.contains(a)) {
          lastUse.put(a, end);
          exported.add(a);
        }
      }
    }
    StringBuilder q = new StringBuilder(base);
    for (int i = 1; i <= layers.size(); i++) {
      List<String> cols = new ArrayList<>();
      for (Map.Entry<String, Integer> e : layerOf.entrySet()) {
        if (e.getValue() < i && lastUse.getOrDefault(e.getKey(), 0) > i) {
          cols.add(SqlText.ident(e.getKey()));
        }
      }
      java.util.Collections.sort(cols);
      for (String[] def : layers.get(i - 1)) {
        if (lastUse.getOrDefault(def[0], 0) > i) {
          cols.add(def[1] + " AS " + SqlText.ident(def[0]));
        }
      }
      String inner = q.toString();
      q.setLength(0);
      q.append("SELECT ").append(cols.isEmpty() ? "1 AS `__none`" : String.join(",\n  ", cols));
      q.append("\nFROM (").append(inner).append(") `__ql").append(i).append('`');
    }
    List<String> out = new ArrayList<>();
    for (String a : exported) {
      out.add(SqlText.ident(a));
    }
    return "SELECT " + String.join(", ", out) + " FROM (" + q + ") `__qout`";
  }

  private static List<String> aliases(String sql) {
    List<String> out = new ArrayList<>();
    Matcher m = IDENT.matcher(sql);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
