package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.expr.ColumnRenames;
import io.synthgen.expr.ExprException;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.plan.validate.PlanValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revision operations {@code rename_table {table, to}} and {@code rename_column {table, column, to}} on a plan
 * tree. Every reference follows the new name: foreign keys and parent keys ({@code references}), {@code
 * per_parent.table}, {@code child_aggregate} table and column, lookups ({@code via} and the looked-up
 * {@code column}), the weight column of a weighted foreign key, the primary key, {@code main_table}, the
 * references inside expressions (rewritten where the expression parser finds them, so a string literal or a longer
 * name that contains the old one stays as written) and qualified names in notes. A name that is not an identifier,
 * or that another table (or column of the table) already has, ignoring case as the plan does, is refused.
 */
final class Renames {

  private Renames() {
  }

  static void renameTable(ObjectNode tree, ObjectNode table, JsonNode op, String path, Problems problems) {
    String from = table.path("name").asText();
    String to = newName(op, path, "table", problems);
    if (to == null) {
      return;
    }
    for (JsonNode t : tree.withArray("tables")) {
      if (t != table && t.path("name").asText().equalsIgnoreCase(to)) {
        problems.add(path + ".to", to, "the plan already has a table " + t.path("name").asText(),
            "choose a name no other table has, or drop " + t.path("name").asText() + " first");
        return;
      }
    }
    if (to.equals(from)) {
      problems.add(path + ".to", to, "the table is already called " + to, "give the new name in to");
      return;
    }
    if (!expressionsRename(tree, path, problems, from, (owner, ref) -> ref.table() != null
        && ref.table().equalsIgnoreCase(from) ? new ColumnRenames.Ref(to, ref.column()) : ref)) {
      return;
    }
    table.put("name", to);
    if (from.equals(tree.path("main_table").asText())) {
      tree.put("main_table", to);
    }
    for (JsonNode t : tree.withArray("tables")) {
      JsonNode pp = t.path("per_parent");
      if (pp.isObject() && from.equals(pp.path("table").asText())) {
        ((ObjectNode) pp).put("table", to);
      }
      for (JsonNode c : t.withArray("columns")) {
        ObjectNode col = (ObjectNode) c;
        String ref = col.path("references").asText(null);
        if (ref != null && ref.startsWith(from + ".")) {
          col.put("references", to + ref.substring(from.length()));
        }
        if ("child_aggregate".equals(col.path("strategy").asText()) && from.equals(col.path("table").asText())) {
          col.put("table", to);
        }
      }
    }
    notes(tree, Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(from) + "\\.(?=[A-Za-z_])"), to + ".");
  }

  /**
   * Qualified names in notes ("assumed to reference customers.customer_id") follow too, as whole words; a bare name
   * in a note is prose ("orders placed online") and stays, except in the notes synthgen writes for a weighted key
   * and its hidden weight column ({@link #weightHelpers}).
   */
  private static void notes(ObjectNode tree, Pattern old, String replacement) {
    for (JsonNode t : tree.withArray("tables")) {
      for (JsonNode c : t.withArray("columns")) {
        if (c.path("note").isTextual()) {
          ((ObjectNode) c).put("note", old.matcher(c.get("note").asText()).replaceAll(Matcher.quoteReplacement(
              replacement)));
        }
      }
    }
  }

  static void renameColumn(ObjectNode tree, ObjectNode table, ObjectNode column, JsonNode op, String path,
      Problems problems) {
    String tname = table.path("name").asText();
    String from = column.path("name").asText();
    String to = newName(op, path, "column", problems);
    if (to == null) {
      return;
    }
    for (JsonNode c : table.withArray("columns")) {
      if (c != column && c.path("name").asText().equalsIgnoreCase(to)) {
        problems.add(path + ".to", to, tname + " already has a column " + c.path("name").asText(),
            "choose a name no other column of " + tname + " has, or drop " + c.path("name").asText() + " first");
        return;
      }
    }
    if (to.equals(from)) {
      problems.add(path + ".to", to, "the column is already called " + to, "give the new name in to");
      return;
    }
    if (!carry(tree, table, column, tname, from, to, path, problems)) {
      return;
    }
    weightHelpers(tree, table, tname, from, to, path, problems);
  }

  /**
   * Renames {@code column} of {@code table} and every reference to it; false, with nothing changed, when an
   * expression cannot be rewritten.
   */
  private static boolean carry(ObjectNode tree, ObjectNode table, ObjectNode column, String tname, String from,
      String to, String path, Problems problems) {
    boolean ok = expressionsRename(tree, path, problems, from, (owner, ref) -> {
      boolean own = ref.table() == null ? owner == table : ref.table().equalsIgnoreCase(tname);
      return own && ref.column().equalsIgnoreCase(from) ? new ColumnRenames.Ref(ref.table(), to) : ref;
    });
    if (!ok) {
      return false;
    }
    column.put("name", to);
    if (from.equals(table.path("primary_key").asText())) {
      table.put("primary_key", to);
    }
    String oldRef = tname + "." + from;
    for (JsonNode t : tree.withArray("tables")) {
      for (JsonNode c : t.withArray("columns")) {
        ObjectNode col = (ObjectNode) c;
        String strategy = col.path("strategy").asText();
        if (oldRef.equals(col.path("references").asText())) {
          col.put("references", tname + "." + to);
        }
        if ("foreign_key".equals(strategy) && col.path("references").asText().startsWith(tname + ".")
            && from.equals(col.path("distribution").path("by").asText())) {
          ((ObjectNode) col.get("distribution")).put("by", to);
        }
        if ("child_aggregate".equals(strategy) && tname.equals(col.path("table").asText())
            && from.equals(col.path("column").asText())) {
          col.put("column", to);
        }
        if ("lookup".equals(strategy)) {
          if (t == table && from.equals(col.path("via").asText())) {
            col.put("via", to);
          }
          if (from.equals(col.path("column").asText()) && lookupReads(t, col, tname)) {
            col.put("column", to);
          }
        }
      }
    }
    notes(tree, qualified(tname + "." + from), tname + "." + to);
    return true;
  }

  /**
   * The hidden weight columns {@link Skews} made from the renamed column ({@code from_weight}, {@code
   * from_weight_2}, …) are renamed with it ({@code to_weight}, …) with every reference to them, and the notes
   * synthgen wrote for them and for the keys they weigh name the new column. A helper whose new name another column
   * already has keeps its name (its expression and notes still follow).
   */
  private static void weightHelpers(ObjectNode tree, ObjectNode table, String tname, String from, String to,
      String path, Problems problems) {
    Pattern helperName = Pattern.compile(Pattern.quote(from) + "_weight(_[0-9]+)?");
    for (JsonNode c : toList(table.withArray("columns"))) {
      ObjectNode h = (ObjectNode) c;
      String old = h.path("name").asText();
      Matcher m = helperName.matcher(old);
      if (!m.matches() || !Skews.isHelper(h)) {
        continue;
      }
      String target = to + "_weight" + (m.group(1) == null ? "" : m.group(1));
      boolean taken = false;
      for (JsonNode other : table.withArray("columns")) {
        taken |= other != h && other.path("name").asText().equalsIgnoreCase(target);
      }
      String name = taken || target.length() > PlanLimits.MAX_NAME_LENGTH
          || !carry(tree, table, h, tname, old, target, path, problems) ? old : target;
      h.put("note", Skews.helperNote(h.path("note").asText(), from, to));
      for (JsonNode t : tree.withArray("tables")) {
        for (JsonNode k : t.withArray("columns")) {
          if (k.path("references").asText().startsWith(tname + ".")
              && name.equals(k.path("distribution").path("by").asText()) && k.path("note").isTextual()) {
            ((ObjectNode) k).put("note", Skews.keyNote(k.get("note").asText(), from, to));
          }
        }
      }
    }
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** {@code name} as a whole word: not inside a longer name nor after a dot (a longer qualified name). */
  private static Pattern qualified(String name) {
    return Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
  }

  /** True when the lookup {@code col} of {@code owner} reads a row of {@code table} (its via key references it). */
  private static boolean lookupReads(JsonNode owner, ObjectNode col, String table) {
    String via = col.path("via").asText();
    for (JsonNode c : owner.withArray("columns")) {
      if (via.equals(c.path("name").asText())) {
        return c.path("references").asText().startsWith(table + ".");
      }
    }
    return false;
  }

  /** A rename of the references in an expression of the table {@code owner}. */
  private interface RefRename {
    ColumnRenames.Ref apply(JsonNode owner, ColumnRenames.Ref ref);
  }

  /**
   * Rewrites every expression of the plan, or none: an expression that cannot be rewritten (it does not parse) is
   * a problem of the operation, and the plan is left as it was. Only expressions whose text holds {@code from}
   * (in any case) can name it, so only those are parsed: a rename costs the expressions that mention the name,
   * not every expression of the plan.
   */
  private static boolean expressionsRename(ObjectNode tree, String path, Problems problems, String from,
      RefRename rename) {
    String needle = from.toLowerCase(Locale.ROOT);
    List<ObjectNode> cols = new ArrayList<>();
    List<String> rewritten = new ArrayList<>();
    boolean ok = true;
    for (JsonNode t : tree.withArray("tables")) {
      for (JsonNode c : t.withArray("columns")) {
        if (!"expression".equals(c.path("strategy").asText()) || !c.path("expr").isTextual()
            || !c.get("expr").asText().toLowerCase(Locale.ROOT).contains(needle)) {
          continue;
        }
        UnaryOperator<ColumnRenames.Ref> f = ref -> rename.apply(t, ref);
        try {
          cols.add((ObjectNode) c);
          rewritten.add(ColumnRenames.rename(c.get("expr").asText(), f));
        } catch (ExprException e) {
          ok = false;
          problems.add(path, t.path("name").asText() + "." + c.path("name").asText(),
              "cannot rename inside the expression of " + t.path("name").asText() + "." + c.path("name").asText()
                  + ": " + String.join("; ", e.problems()),
              "fix that expression first (update_column), then rename");
        }
      }
    }
    if (ok) {
      for (int i = 0; i < cols.size(); i++) {
        cols.get(i).put("expr", rewritten.get(i));
      }
    }
    return ok;
  }

  private static String newName(JsonNode op, String path, String what, Problems problems) {
    JsonNode to = op.get("to");
    if (to == null || to.isNull()) {
      problems.add(path + ".to", null, op.path("op").asText() + " needs to, the new name",
          "add \"to\": \"" + (what.equals("table") ? "orders" : "order_total") + "\"");
      return null;
    }
    String name = to.isTextual() ? to.asText() : to.toString();
    if (!to.isTextual() || !PlanValidator.IDENTIFIER.matcher(name).matches()
        || name.length() > PlanLimits.MAX_NAME_LENGTH) {
      String fixed = name.replaceAll("[^A-Za-z0-9_]+", "_").toLowerCase(Locale.ROOT);
      if (fixed.isEmpty() || Character.isDigit(fixed.charAt(0))) {
        fixed = "_" + fixed;
      }
      problems.add(path + ".to", name, "a " + what + " name starts with a letter or '_', then letters, digits or "
          + "'_' (at most " + PlanLimits.MAX_NAME_LENGTH + " characters)", "use e.g. \"" + fixed + "\"");
      return null;
    }
    return name;
  }
}
