package io.synthgen.template;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.validate.ExpectedRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The edits a recipe makes to a plan, by table and column name: every table or column the recipe needs but the plan
 * does not have is a {@link Violation} (all reported at once, naming what the plan has), and nothing is returned
 * half-edited. Edits are upserts, so applying a recipe twice gives the plan it gave once.
 */
final class PlanEdit {

  private final String recipe;
  private final List<Table> tables;
  private final Plan plan;
  private final List<Violation> violations = new ArrayList<>();

  PlanEdit(Plan plan, String recipe) {
    this.plan = plan;
    this.recipe = recipe;
    this.tables = new ArrayList<>(plan.tables());
  }

  /** True when a recipe already made the column depend on the batch (so applying it again leaves it as it is). */
  static boolean switched(Column c) {
    return c.gen() instanceof ColumnGen.Expression e && e.expr().contains("batch()");
  }

  /** The plan's table, or null (and a violation) when it has none of that name. */
  Table table(String name) {
    int i = index(name);
    if (i < 0) {
      violations.add(new Violation("tables", name, "the " + recipe + " recipe of the " + plan.industry()
          + " template needs a table '" + name + "'; the plan's tables are: " + names(),
          "apply the recipe to the " + plan.industry() + " template (or restore table '" + name + "'), or add its "
              + "series, change feeds and defects by hand"));
      return null;
    }
    return tables.get(i);
  }

  /** The column of a table, or null (and a violation). */
  Column column(String table, String name) {
    Table t = table(table);
    if (t == null) {
      return null;
    }
    Column c = t.column(name).orElse(null);
    if (c == null) {
      violations.add(new Violation(path(table) + ".columns", name, "the " + recipe + " recipe of the "
          + plan.industry() + " template needs a column '" + name + "' in " + table + "; its columns are: "
          + String.join(", ", t.columns().stream().map(Column::name).toList()), "restore column '" + name
          + "', or add the " + recipe + " settings of " + table + " by hand"));
    }
    return c;
  }

  /** Applies {@code f} to the table when it exists. */
  void update(String table, UnaryOperator<Table> f) {
    Table t = table(table);
    if (t != null) {
      tables.set(index(table), f.apply(t));
    }
  }

  /** An expression column, replaced where it is or added after {@code after}. */
  void expression(String table, String name, DataType type, boolean omit, String expr, String after, String note) {
    Table t = table(table);
    if (t == null) {
      return;
    }
    Column old = t.column(name).orElse(null);
    double nullRate = old == null ? 0 : old.nullRate();
    put(table, new Column(name, type, new ColumnGen.Expression(expr), nullRate, omit, false, note), after);
  }

  /** Removes a column the recipe no longer needs (nothing when the table has none of that name). */
  void remove(String table, String column) {
    update(table, t -> t.withColumns(t.columns().stream().filter(c -> !c.name().equals(column)).toList()));
  }

  /** Replaces the column of that name, or inserts it after {@code after} (at the end when null or absent). */
  void put(String table, Column c, String after) {
    update(table, t -> {
      List<Column> cols = new ArrayList<>(t.columns());
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).name().equals(c.name())) {
          cols.set(i, c);
          return t.withColumns(cols);
        }
      }
      int at = cols.size();
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).name().equals(after)) {
          at = i + 1;
        }
      }
      cols.add(at, c);
      return t.withColumns(cols);
    });
  }

  /** Adds a table after {@code after}, or replaces the table of that name. */
  void putTable(Table t, String after) {
    int i = index(t.name());
    if (i >= 0) {
      tables.set(i, t);
      return;
    }
    int a = index(after);
    tables.add(a < 0 ? tables.size() : a + 1, t);
  }

  /**
   * The edited plan, with {@code series} and the rows a per_parent table is expected to make after the edits (its
   * count may have changed); or every violation at once.
   */
  Plan result(UnaryOperator<Plan> last) throws PlanException {
    if (!violations.isEmpty()) {
      throw new PlanException(violations);
    }
    Plan edited = last.apply(plan.withTables(tables));
    Map<String, Long> expected = ExpectedRows.of(edited);
    List<Table> out = new ArrayList<>();
    for (Table t : edited.tables()) {
      out.add(t.perParent() != null && expected.containsKey(t.name()) ? t.withRows(expected.get(t.name())) : t);
    }
    return edited.withTables(out);
  }

  private int index(String name) {
    for (int i = 0; i < tables.size(); i++) {
      if (tables.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private String path(String table) {
    return "tables[" + index(table) + "]";
  }

  private String names() {
    return String.join(", ", tables.stream().map(Table::name).toList());
  }
}
