package io.synthgen.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.expr.ExprException;
import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type of a described expression column given without one: the type its expression gives ({@code quantity > 5}
 * a boolean, {@code date_add(reference_date(), 3)} a date, {@code order_id * 2} a bigint), compiled against the
 * drafted plan's columns and, through its keys, its parents'. An expression that reads another such column is
 * typed once that one is; one that does not compile keeps {@code fallback} (the plan's expression check then
 * reports its problem at its own path).
 */
final class ExpressionTypes {

  private ExpressionTypes() {
  }

  /** An expression column of the plan tree (table and column index) and the type it keeps if it cannot compile. */
  record Pending(int table, int column, String fallback) {
  }

  /** Types the pending columns of the plan tree from their expressions. */
  static void complete(ObjectNode plan, List<Pending> pending) {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> left = new ArrayList<>(pending);
    for (Pending at : left) {
      column(plan, at).remove("type"); // unknown to the expressions that read it until it is typed
    }
    LocalDate today;
    try {
      today = LocalDate.parse(plan.path("reference_date").asText("2000-01-01"));
    } catch (java.time.format.DateTimeParseException e) {
      today = LocalDate.of(2000, 1, 1); // the plan's own check reports the date
    }
    Dictionaries dictionaries = Dictionaries.standard();
    boolean progress = true;
    while (!left.isEmpty() && progress) {
      progress = false;
      for (int k = 0; k < left.size(); k++) {
        Pending at = left.get(k);
        ObjectNode col = column(plan, at);
        try {
          DataType t = ExprCompiler.resultType(col.path("expr").asText(""),
              new TreeScope(plan, (ObjectNode) plan.withArray("tables").get(at.table()), today, dictionaries));
          if (t != null) {
            col.put("type", t.toString());
            left.remove(k--);
            progress = true;
          }
        } catch (ExprException e) {
          // reads a column not typed yet, or is wrong: tried again, else reported by the plan's checks
        }
      }
    }
    for (Pending at : left) {
      column(plan, at).put("type", at.fallback());
    }
  }

  private static ObjectNode column(ObjectNode plan, Pending at) {
    return (ObjectNode) plan.withArray("tables").get(at.table()).withArray("columns").get(at.column());
  }

  /** A drafted table's typed columns, and its parents' through its keys. */
  private static final class TreeScope extends DraftScope {
    private final ObjectNode plan;
    private final ObjectNode table;
    private final Map<String, String> parents = new LinkedHashMap<>();

    TreeScope(ObjectNode plan, ObjectNode table, LocalDate today, Dictionaries dictionaries) {
      super(today, dictionaries);
      this.plan = plan;
      this.table = table;
      for (JsonNode c : table.withArray("columns")) {
        String s = c.path("strategy").asText();
        String ref = c.path("references").asText("");
        if ((s.equals("foreign_key") || s.equals("parent")) && ref.indexOf('.') > 0) {
          parents.putIfAbsent(ref.substring(0, ref.indexOf('.')), c.path("name").asText());
        }
      }
    }

    private static DataType typeIn(ObjectNode table, String name) {
      for (JsonNode c : table.withArray("columns")) {
        if (name.equals(c.path("name").asText())) {
          return c.hasNonNull("type") ? DataType.parse(c.get("type").asText()) : null;
        }
      }
      return null;
    }

    @Override
    public DataType columnType(String name) {
      return typeIn(table, name);
    }

    @Override
    public List<String> columnNames() {
      List<String> names = new ArrayList<>();
      table.withArray("columns").forEach(c -> names.add(c.path("name").asText()));
      return names;
    }

    @Override
    public DataType parentColumnType(String parent, String column) {
      ObjectNode t = parents.containsKey(parent) ? Skews.table(plan, parent) : null;
      return t == null ? null : typeIn(t, column);
    }

    @Override
    public List<String> parentTables() {
      return List.copyOf(parents.keySet());
    }

    @Override
    public List<String> parentColumnNames(String parent) {
      ObjectNode t = Skews.table(plan, parent);
      List<String> names = new ArrayList<>();
      if (t != null) {
        t.withArray("columns").forEach(c -> names.add(c.path("name").asText()));
      }
      return names;
    }

    @Override
    public Stream stream() {
      return Stream.root(plan.path("seed").asLong()).child(table.path("name").asText());
    }

  }
}
