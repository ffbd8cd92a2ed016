package io.synthgen.draft;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.expr.ExprException;
import io.synthgen.expr.ExprLimits;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.random.Stream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a plan's expressions, found on a plan that has other problems too. Expressions are compiled
 * when a valid plan is resolved; a plan with a validation problem never gets there, so without this check a
 * mistake in an expression would be reported only after every other one was fixed. Each expression column with a
 * name and a type is compiled against its table's columns and, through its foreign keys, its parents' columns, as
 * the resolver compiles it; its problems carry the resolver's path and wording.
 */
final class ExpressionChecks {

  private ExpressionChecks() {
  }

  static List<Violation> of(Plan plan) {
    List<Violation> out = new ArrayList<>();
    Dictionaries dictionaries = Dictionaries.standard();
    LocalDate today = plan.referenceDate() == null ? LocalDate.of(2000, 1, 1) : plan.referenceDate();
    for (int i = 0; i < plan.tables().size(); i++) {
      Table t = plan.tables().get(i);
      for (int j = 0; j < t.columns().size(); j++) {
        Column c = t.columns().get(j);
        if (!(c.gen() instanceof ColumnGen.Expression e) || e.expr() == null || c.type() == null
            || c.name() == null || t.name() == null) {
          continue;
        }
        Scope scope = new Scope(plan, t, today, dictionaries);
        try {
          ExprCompiler.compile(e.expr(), c.type(), scope);
        } catch (ExprException ex) {
          for (String problem : ex.problems()) {
            out.add(new Violation("tables[" + i + "].columns[" + j + "].expr", ExprLimits.excerpt(e.expr()),
                problem, "fix the expression; see docs/expressions.md"));
          }
        }
      }
    }
    return out;
  }

  /** A table's columns and its parents' columns through its foreign keys, as the resolver's scope shows them. */
  static final class Scope extends DraftScope {
    private final Plan plan;
    private final Table table;
    private final Map<String, String> vias = new LinkedHashMap<>();

    Scope(Plan plan, Table table, LocalDate today, Dictionaries dictionaries) {
      super(today, dictionaries);
      this.plan = plan;
      this.table = table;
      for (Column c : table.columns()) {
        String ref = c.gen() instanceof ColumnGen.ForeignKey fk ? fk.references()
            : c.gen() instanceof ColumnGen.Parent p ? p.references() : null;
        if (ref != null && ref.indexOf('.') > 0) {
          vias.putIfAbsent(ref.substring(0, ref.indexOf('.')), c.name());
        }
      }
    }

    @Override
    public DataType columnType(String name) {
      for (Column c : table.columns()) {
        if (name.equals(c.name())) {
          return c.type();
        }
      }
      return null;
    }

    @Override
    public List<String> columnNames() {
      List<String> names = new ArrayList<>();
      table.columns().forEach(c -> names.add(c.name()));
      return names;
    }

    @Override
    public DataType parentColumnType(String parent, String column) {
      if (!vias.containsKey(parent)) {
        return null;
      }
      for (Table t : plan.tables()) {
        if (parent.equals(t.name())) {
          for (Column c : t.columns()) {
            if (column.equals(c.name())) {
              return c.type();
            }
          }
        }
      }
      return null;
    }

    @Override
    public List<String> parentTables() {
      return List.copyOf(vias.keySet());
    }

    @Override
    public List<String> parentColumnNames(String parent) {
      List<String> names = new ArrayList<>();
      for (Table t : plan.tables()) {
        if (parent.equals(t.name())) {
          t.columns().forEach(c -> names.add(c.name()));
        }
      }
      return names;
    }

    @Override
    public Stream stream() {
      return Stream.root(plan.seed()).child(table.name());
    }

  }
}
