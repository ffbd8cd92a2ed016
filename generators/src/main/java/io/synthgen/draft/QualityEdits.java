package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The revision operations on a table's injected defects, on the plan tree: {@code add_defect} {table, defect: a
 * defect as in the plan} (a defect of the same kind on the same columns is replaced), {@code remove_defect} {table,
 * defect: its kind, column?: only the one on that column}, {@code set_ground_truth} {table, ground_truth}. A table
 * left without defects loses its quality block. Rates and other values are checked by the plan's own rules.
 */
final class QualityEdits {

  /** Defect kinds that name a list of columns. */
  static final List<String> COLUMNS_KINDS = List.of("nulls", "near_duplicates", "case_noise", "whitespace");

  /** Defect kinds that name one column. */
  static final List<String> COLUMN_KINDS = List.of("jitter", "very_late", "date_formats", "out_of_range", "orphans");

  /** Defect kinds of whole rows. */
  static final List<String> ROW_KINDS = List.of("duplicates", "out_of_order");

  private QualityEdits() {
  }

  static List<String> kinds() {
    List<String> all = new ArrayList<>(COLUMNS_KINDS);
    all.addAll(COLUMN_KINDS);
    all.addAll(ROW_KINDS);
    return all;
  }

  static void addDefect(ObjectNode table, JsonNode op, String path, Problems problems) {
    String tname = table.path("name").asText();
    JsonNode d = op.get("defect");
    if (d == null || !d.isObject()) {
      problems.add(path + ".defect", d, "add_defect needs a defect object as in the plan",
          "e.g. {\"defect\": \"nulls\", \"columns\": [\"email\"], \"rate\": 0.02}");
      return;
    }
    String kind = d.path("defect").asText("");
    if (!kinds().contains(kind)) {
      problems.add(path + ".defect.defect", kind.isEmpty() ? null : kind, kind.isEmpty() ? "missing defect kind"
          : "unknown defect kind", "kinds are: " + String.join(", ", kinds()));
      return;
    }
    if (table.hasNonNull("history")) {
      problems.add(path + ".table", tname, tname + " is a history table, made from "
          + table.path("history").path("of").asText() + "'s feed", "inject defects into "
          + table.path("history").path("of").asText() + " (its feed carries them) or another generated table");
      return;
    }
    List<String> columns = Revisions.columnNames(table);
    List<String> named = new ArrayList<>(SeriesEdits.strings(d.get("columns")));
    if (d.path("column").isTextual()) {
      named.add(d.get("column").asText());
    }
    for (String c : named) {
      if (!columns.contains(c)) {
        problems.add(path + ".defect", c, "unknown column '" + c + "' in " + tname,
            "columns are: " + String.join(", ", columns));
        return;
      }
    }
    if (kind.equals("nulls")) {
      // the column's own nulls move into the defect, as the quality recipes do: the rate the person asked for is
      // the column's whole NULL share, and every NULL is in the ground truth
      for (JsonNode c : table.withArray("columns")) {
        if (named.contains(c.path("name").asText()) && c.path("null_rate").asDouble(0) > 0) {
          ((ObjectNode) c).remove("null_rate");
        }
      }
    }
    ObjectNode quality = table.hasNonNull("quality") ? (ObjectNode) table.get("quality") : table.objectNode();
    ArrayNode defects = quality.withArray("defects");
    for (int i = 0; i < defects.size(); i++) {
      JsonNode old = defects.get(i);
      if (kind.equals(old.path("defect").asText()) && target(old).equals(target(d))) {
        defects.set(i, d.deepCopy());
        table.set("quality", quality);
        return;
      }
    }
    defects.add(d.deepCopy());
    table.set("quality", quality);
  }

  static void removeDefect(ObjectNode table, JsonNode op, String path, Problems problems) {
    String tname = table.path("name").asText();
    String kind = op.path("defect").asText("");
    ArrayNode defects = table.path("quality").path("defects") instanceof ArrayNode a ? a : null;
    if (defects == null || defects.isEmpty()) {
      problems.add(path + ".table", tname, tname + " has no injected defects", "nothing to remove");
      return;
    }
    String column = op.hasNonNull("column") ? op.get("column").asText() : null;
    boolean found = false;
    for (int i = defects.size() - 1; i >= 0; i--) {
      ObjectNode d = (ObjectNode) defects.get(i);
      if (!kind.equals(d.path("defect").asText())) {
        continue;
      }
      if (column == null) {
        defects.remove(i);
        found = true;
      } else if (column.equals(d.path("column").asText(null))) {
        defects.remove(i);
        found = true;
      } else if (SeriesEdits.strings(d.get("columns")).contains(column)) {
        ArrayNode cols = (ArrayNode) d.get("columns");
        for (int k = cols.size() - 1; k >= 0; k--) {
          if (column.equals(cols.get(k).asText())) {
            cols.remove(k);
          }
        }
        if (cols.isEmpty()) {
          defects.remove(i);
        }
        found = true;
      }
    }
    if (!found) {
      List<String> present = new ArrayList<>();
      defects.forEach(d -> present.add(describe(d)));
      problems.add(path + (column == null ? ".defect" : ".column"), column == null ? kind : kind + " on " + column,
          tname + " has no such defect", "its defects are: " + String.join(", ", present));
      return;
    }
    if (defects.isEmpty()) {
      table.remove("quality");
    }
  }

  static void setGroundTruth(ObjectNode table, JsonNode op, String path, Problems problems) {
    String tname = table.path("name").asText();
    JsonNode g = op.get("ground_truth");
    if (g == null || g.isNull()) {
      problems.add(path + ".ground_truth", null, "set_ground_truth needs ground_truth",
          "give \"sidecar\" (a " + tname + "_defects table) or \"columns\" (a _defects column on " + tname + ")");
      return;
    }
    if (!table.hasNonNull("quality")) {
      problems.add(path + ".table", tname, tname + " has no injected defects to record",
          "add_defect first, in this revision before set_ground_truth");
      return;
    }
    ((ObjectNode) table.get("quality")).set("ground_truth", g);
  }

  /** The columns a defect names, for matching: its column, its columns, or none. */
  private static List<String> target(JsonNode d) {
    List<String> out = new ArrayList<>(SeriesEdits.strings(d.get("columns")));
    if (d.path("column").isTextual()) {
      out.add(d.get("column").asText());
    }
    return out;
  }

  private static String describe(JsonNode d) {
    List<String> cols = target(d);
    return d.path("defect").asText() + (cols.isEmpty() ? "" : " on " + String.join(", ", cols));
  }

  /** Column renames follow into the table's defects. */
  static void renameColumn(ObjectNode table, String from, String to) {
    for (JsonNode d : table.path("quality").path("defects")) {
      if (from.equals(d.path("column").asText(null))) {
        ((ObjectNode) d).put("column", to);
      }
      SeriesEdits.rename(d.get("columns"), from, to);
    }
  }
}
