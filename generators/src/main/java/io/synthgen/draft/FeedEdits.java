package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.ChangeFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The revision operations on change feeds and history tables, on the plan tree: {@code set_change_feed} {table,
 * name?, rows_per_batch?, weights?, changes?, format?, append_as?, operation_column?, sequence_column?} adds a feed
 * with the defaults or changes the given fields, {@code remove_change_feed} {table}, and {@code add_history}
 * {table: the new history table's name, of: the table with the feed} (a history table is removed with
 * {@code drop_table}). Field values are checked by the plan's own rules.
 */
final class FeedEdits {

  /** The fields of a feed set_change_feed takes, as in the plan. */
  static final List<String> FEED_FIELDS = List.of("name", "rows_per_batch", "weights", "changes", "format",
      "append_as", "operation_column", "sequence_column");

  /**
   * A feed added without {@code rows_per_batch} has this fraction of its table's rows (at least 1) in every batch
   * after the first: a tenth, as the reference's generic and retail feeds ({@code n/10}).
   */
  static final long DEFAULT_ROWS_PER_BATCH_DIVISOR = 10;

  private FeedEdits() {
  }

  /** set_change_feed on {@code table}; true when the default series was added with it. */
  static boolean setChangeFeed(ObjectNode tree, ObjectNode table, JsonNode op, String path, Problems problems) {
    String name = table.path("name").asText();
    if (table.hasNonNull("history")) {
      problems.add(path + ".table", name, name + " is a history table, made from "
          + table.path("history").path("of").asText() + "'s feed", "set the change feed on a generated table");
      return false;
    }
    if ("append".equalsIgnoreCase(table.path("batch").path("mode").asText())) {
      problems.add(path + ".table", name, name + " is an append table: every batch adds new rows",
          "make it static first ({\"op\": \"set_batch\", \"table\": \"" + name + "\", \"mode\": \"static\"}) "
              + "in this revision, then add the feed");
      return false;
    }
    if (!table.hasNonNull("primary_key")) {
      problems.add(path + ".table", name, "a change feed needs " + name + " to have a primary key: updates and "
          + "deletes name the key they hit", "give " + name + " a primary key first (or choose a table with one)");
      return false;
    }
    if (op.has("changes") && op.get("changes").isArray()) {
      List<String> columns = Revisions.columnNames(table);
      JsonNode changes = op.get("changes");
      for (int i = 0; i < changes.size(); i++) {
        String c = changes.get(i).asText();
        if (!columns.contains(c)) {
          problems.add(path + ".changes[" + i + "]", c, "unknown column '" + c + "' in " + name,
              "columns are: " + String.join(", ", columns));
          return false;
        }
      }
    }
    String newName = op.path("name").asText(null);
    if (newName != null) {
      String clash = outputNameTaken(tree, table, newName);
      if (clash != null) {
        problems.add(path + ".name", newName, "the plan already writes " + clash, "choose another feed name, e.g. "
            + ChangeFeed.defaultName(name));
        return false;
      }
    }
    boolean added = !table.hasNonNull("change_feed");
    ObjectNode feed = added ? table.objectNode() : (ObjectNode) table.get("change_feed");
    if (added && !op.has("rows_per_batch")) {
      feed.put("rows_per_batch", Math.max(1, table.path("rows").asLong() / DEFAULT_ROWS_PER_BATCH_DIVISOR));
    }
    for (String f : FEED_FIELDS) {
      if (op.has(f)) {
        feed.set(f, op.get(f).deepCopy());
      }
    }
    table.set("change_feed", feed);
    return SeriesEdits.ensureSeries(tree);
  }

  static void removeChangeFeed(ObjectNode tree, ObjectNode table, String path, Problems problems) {
    String name = table.path("name").asText();
    if (!table.hasNonNull("change_feed")) {
      problems.add(path + ".table", name, name + " has no change feed", "tables with a change feed: "
          + String.join(", ", withFeed(tree)));
      return;
    }
    for (JsonNode t : tree.withArray("tables")) {
      if (name.equals(t.path("history").path("of").asText(null))) {
        String h = t.path("name").asText();
        problems.add(path + ".table", name, "the history table " + h + " is made from " + name + "'s feed",
            "drop it first, in this revision before remove_change_feed: {\"op\": \"drop_table\", \"table\": \""
                + h + "\"}");
        return;
      }
    }
    table.remove("change_feed");
  }

  /** add_history: a new table {@code table} holding the versions of {@code of}'s rows. */
  static void addHistory(ObjectNode tree, JsonNode op, String path, Problems problems) {
    JsonNode nameNode = op.get("table");
    JsonNode ofNode = op.get("of");
    if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isEmpty()) {
      problems.add(path + ".table", nameNode, "add_history needs table, the new history table's name",
          "e.g. \"table\": \"" + (ofNode != null && ofNode.isTextual() ? ofNode.asText() : "devices")
              + "_history\"");
      return;
    }
    String name = nameNode.asText();
    if (ofNode == null || !ofNode.isTextual()) {
      problems.add(path + ".of", ofNode, "add_history needs of, the table whose versions it holds",
          "tables with a change feed: " + String.join(", ", withFeed(tree)));
      return;
    }
    String of = ofNode.asText();
    ObjectNode source = Skews.table(tree, of);
    if (source == null) {
      List<String> names = new ArrayList<>();
      tree.withArray("tables").forEach(t -> names.add(t.path("name").asText()));
      problems.add(path + ".of", of, "unknown table", "tables are: " + String.join(", ", names));
      return;
    }
    if (!source.hasNonNull("change_feed")) {
      // an append table takes no feed: the fix makes it static first, so it applies as written
      String staticFirst = "append".equalsIgnoreCase(source.path("batch").path("mode").asText())
          ? "{\"op\": \"set_batch\", \"table\": \"" + of + "\", \"mode\": \"static\"}, " : "";
      problems.add(path + ".of", of, "a history table is made from a change feed, and " + of + " has none",
          "add one first, in this revision before add_history: " + staticFirst + "{\"op\": \"set_change_feed\", "
              + "\"table\": \"" + of + "\"}");
      return;
    }
    String clash = outputNameTaken(tree, null, name);
    if (clash != null) {
      problems.add(path + ".table", name, "the plan already writes " + clash, "choose another name, e.g. \"" + of
          + "_history\"");
      return;
    }
    if (!io.synthgen.plan.validate.PlanValidator.IDENTIFIER.matcher(name).matches()) {
      problems.add(path + ".table", name, "a table name starts with a letter or '_', then letters, digits or '_'",
          "use e.g. \"" + of + "_history\"");
      return;
    }
    ObjectNode history = tree.objectNode();
    history.put("name", name);
    history.putObject("history").put("of", of);
    ArrayNode tables = tree.withArray("tables");
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i) == source) {
        tables.insert(i + 1, history);
        return;
      }
    }
    throw new IllegalStateException("source table not in the plan");
  }

  /**
   * What the plan already writes under {@code name}, ignoring case as the plan does (a table, a feed, a ground
   * truth sidecar), or null; {@code except}'s own feed does not count.
   */
  static String outputNameTaken(ObjectNode tree, ObjectNode except, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (JsonNode t : tree.withArray("tables")) {
      String tn = t.path("name").asText();
      if (tn.toLowerCase(Locale.ROOT).equals(n)) {
        return "a table " + tn;
      }
      if (t != except && t.hasNonNull("change_feed")) {
        String feed = t.get("change_feed").path("name").asText(ChangeFeed.defaultName(tn));
        if (feed.toLowerCase(Locale.ROOT).equals(n)) {
          return tn + "'s change feed " + feed;
        }
      }
      String output = t.hasNonNull("change_feed")
          ? t.get("change_feed").path("name").asText(ChangeFeed.defaultName(tn)) : tn;
      if (t != except && t.hasNonNull("quality") && (output + "_defects").toLowerCase(Locale.ROOT).equals(n)) {
        return tn + "'s ground truth " + output + "_defects";
      }
    }
    return null;
  }

  /**
   * A table rename follows into histories ({@code of}) and the table's own feed name when it was the default one
   * ({@code <table>_cdc}).
   */
  static void renamedTable(ObjectNode tree, ObjectNode table, String from, String to) {
    for (JsonNode t : tree.withArray("tables")) {
      if (from.equals(t.path("history").path("of").asText(null))) {
        ((ObjectNode) t.get("history")).put("of", to);
      }
    }
    JsonNode feed = table.get("change_feed");
    if (feed instanceof ObjectNode f && ChangeFeed.defaultName(from).equals(f.path("name").asText(null))) {
      f.put("name", ChangeFeed.defaultName(to));
    }
  }

  /** A column rename follows into the table's feed ({@code changes}), its {@code advance} and its defects. */
  static void renamedColumn(ObjectNode table, String from, String to) {
    SeriesEdits.rename(table.path("change_feed").get("changes"), from, to);
    SeriesEdits.rename(table.path("batch").get("advance"), from, to);
    QualityEdits.renameColumn(table, from, to);
  }

  static List<String> withFeed(ObjectNode tree) {
    List<String> out = new ArrayList<>();
    tree.withArray("tables").forEach(t -> {
      if (t.hasNonNull("change_feed")) {
        out.add(t.path("name").asText());
      }
    });
    if (out.isEmpty()) {
      out.add("none yet (set_change_feed adds one)");
    }
    return out;
  }
}
