package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * The revision operations on a plan's incremental series and on how its tables take part in it, on the plan tree:
 * {@code set_series} {start?, interval?, batches?} and {@code remove_series}; {@code set_batch} {table, mode,
 * advance?}. A plan with an append table, a change feed or a history table needs a series: when an operation gives
 * it one of those and the plan has no series yet, the {@link #defaultSeries default series} is added with it (the
 * tool says so). Values are checked by the plan's own rules; what is checked here is what only the operation knows.
 * Change feeds and history tables are {@link FeedEdits}.
 */
final class SeriesEdits {

  /** The interval of the series an operation adds when the plan has none. */
  static final String DEFAULT_INTERVAL = "1 day";

  /** The start of that series when the plan has no reference date. */
  static final String DEFAULT_START = "2024-01-01";

  static final List<String> SERIES_FIELDS = List.of("start", "interval", "batches");

  private SeriesEdits() {
  }

  /**
   * The series added when a revision makes a table incremental and the plan has none: {@value #DEFAULT_INTERVAL}
   * batches, {@link Series#DEFAULT_BATCHES} of them, from the plan's reference date ("today") or
   * {@value #DEFAULT_START}.
   */
  static ObjectNode defaultSeries(ObjectNode tree) {
    ObjectNode s = tree.objectNode();
    String advancing = advanceStart(tree);
    s.put("start", advancing != null ? advancing : tree.path("reference_date").asText(DEFAULT_START));
    s.put("interval", DEFAULT_INTERVAL);
    s.put("batches", Series.DEFAULT_BATCHES);
    return s;
  }

  /**
   * The earliest absolute start of the advancing columns of the plan's append tables (their {@code advance} list, or
   * by default their date and timestamp ranges spanning at most {@value #DEFAULT_INTERVAL}), so batch 0's window holds
   * the rows those columns give; null when there is none (the reference date is the start then).
   */
  static String advanceStart(JsonNode tree) {
    java.time.LocalDateTime earliest = null;
    boolean dateOnly = true;
    java.time.Duration interval = io.synthgen.plan.validate.TimeSpec.interval(DEFAULT_INTERVAL);
    for (JsonNode t : tree.path("tables")) {
      if (!"append".equalsIgnoreCase(t.path("batch").path("mode").asText())) {
        continue;
      }
      List<String> advance = strings(t.path("batch").get("advance"));
      for (JsonNode c : t.path("columns")) {
        if (!"date_range".equals(c.path("strategy").asText())) {
          continue;
        }
        io.synthgen.plan.validate.TimeSpec.Instant from = io.synthgen.plan.validate.TimeSpec.instant(
            c.path("start").asText(null));
        io.synthgen.plan.validate.TimeSpec.Instant to = io.synthgen.plan.validate.TimeSpec.instant(
            c.path("end").asText(null));
        if (from == null || from.relative()) {
          continue;
        }
        boolean listed = advance.isEmpty()
            ? to != null && !to.relative() && !to.absolute().isAfter(from.absolute().plus(interval))
            : advance.contains(c.path("name").asText());
        if (listed && (earliest == null || from.absolute().isBefore(earliest))) {
          earliest = from.absolute();
          dateOnly = from.dateOnly();
        }
      }
    }
    if (earliest == null) {
      return null;
    }
    return dateOnly || earliest.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        ? earliest.toLocalDate().toString() : earliest.toString().replace('T', ' ');
  }

  /** Adds the default series when the plan has none; true when it did. */
  static boolean ensureSeries(ObjectNode tree) {
    if (tree.hasNonNull("series")) {
      return false;
    }
    tree.set("series", defaultSeries(tree));
    return true;
  }

  static void setSeries(ObjectNode tree, JsonNode op, String path, Problems problems) {
    boolean any = false;
    for (String f : SERIES_FIELDS) {
      any |= op.has(f);
    }
    if (!any) {
      problems.add(path, null, "set_series changes start, interval or batches",
          "give at least one, e.g. {\"op\": \"set_series\", \"batches\": 10}");
      return;
    }
    ObjectNode s = tree.hasNonNull("series") && tree.get("series").isObject() ? (ObjectNode) tree.get("series")
        : defaultSeries(tree);
    for (String f : SERIES_FIELDS) {
      if (op.has(f)) {
        s.set(f, op.get(f));
      }
    }
    tree.set("series", s);
  }

  static void removeSeries(ObjectNode tree, String path, Problems problems) {
    if (!tree.hasNonNull("series")) {
      problems.add(path + ".op", "remove_series", "the plan has no series", "nothing to remove");
      return;
    }
    List<String> incremental = new ArrayList<>();
    List<String> drops = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    for (JsonNode t : tree.withArray("tables")) {
      String name = t.path("name").asText();
      if ("append".equalsIgnoreCase(t.path("batch").path("mode").asText())) {
        incremental.add(name + " (append)");
        fixes.add("{\"op\": \"set_batch\", \"table\": \"" + name + "\", \"mode\": \"static\"}");
      }
      if (t.hasNonNull("change_feed")) {
        incremental.add(name + " (change feed)");
        fixes.add("{\"op\": \"remove_change_feed\", \"table\": \"" + name + "\"}");
      }
      if (t.hasNonNull("history")) {
        incremental.add(name + " (history)");
        drops.add("{\"op\": \"drop_table\", \"table\": \"" + name + "\"}");
      }
    }
    fixes.addAll(0, drops); // a history table goes before its source's feed, which it is made from
    if (!incremental.isEmpty()) {
      problems.add(path + ".op", "remove_series", "tables take part in the series: " + String.join(", ",
          incremental), "make them static first, in this revision before remove_series: " + String.join(", ",
          fixes));
      return;
    }
    tree.remove("series");
  }

  /** set_batch on {@code table}; true when the default series was added with it. */
  static boolean setBatch(ObjectNode tree, ObjectNode table, JsonNode op, String path, Problems problems) {
    JsonNode mode = op.get("mode");
    String name = table.path("name").asText();
    if (mode == null || !mode.isTextual()) {
      problems.add(path + ".mode", mode, "set_batch needs mode: static or append",
          "give \"mode\": \"append\" (new rows in every batch) or \"static\" (written with batch 0 only)");
      return false;
    }
    String m = mode.asText();
    if (m.equalsIgnoreCase("static")) {
      if (op.has("advance")) {
        problems.add(path + ".advance", op.get("advance"), "a static table's columns do not advance",
            "leave advance out, or use mode append");
        return false;
      }
      table.remove("batch");
      return false;
    }
    if (!m.equalsIgnoreCase("append")) {
      problems.add(path + ".mode", m, "mode is static or append", "use \"append\" or \"static\"");
      return false;
    }
    if (table.hasNonNull("change_feed")) {
      problems.add(path + ".mode", m, name + " has a change feed: its batches are the feed's operations",
          "remove_change_feed " + name + " first to make it an append table, or keep the feed");
      return false;
    }
    if (table.hasNonNull("history")) {
      problems.add(path + ".table", name, name + " is a history table: its rows are made from "
          + table.path("history").path("of").asText() + "'s change feed", "set_batch on another table");
      return false;
    }
    JsonNode advance = op.get("advance");
    if (advance != null && !advance.isNull()) {
      if (!advance.isArray()) {
        problems.add(path + ".advance", advance, "advance is a list of column names",
            "e.g. \"advance\": [\"reading_ts\"], or leave it out for the table's event-time columns");
        return false;
      }
      List<String> columns = Revisions.columnNames(table);
      for (int i = 0; i < advance.size(); i++) {
        String c = advance.get(i).asText();
        if (!columns.contains(c)) {
          problems.add(path + ".advance[" + i + "]", c, "unknown column '" + c + "' in " + name,
              "columns are: " + String.join(", ", columns));
          return false;
        }
      }
    }
    ObjectNode batch = table.putObject("batch");
    batch.put("mode", "append");
    if (advance != null && !advance.isNull()) {
      batch.set("advance", advance.deepCopy());
    }
    return ensureSeries(tree);
  }

  /** The string values of an array node (empty when it is not one). */
  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(x -> out.add(x.asText()));
    }
    return out;
  }

  /** Replaces every {@code from} in a string array by {@code to}. */
  static void rename(JsonNode array, String from, String to) {
    if (array instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (from.equals(a.get(i).asText())) {
          a.set(i, a.textNode(to));
        }
      }
    }
  }
}
