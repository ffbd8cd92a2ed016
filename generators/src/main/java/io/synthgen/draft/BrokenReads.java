package io.synthgen.draft;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.expr.CompiledExpr;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.expr.ExprException;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns that read a broken column: after {@code drop_table products}, {@code line_items.product_id} names no
 * table (the plan's checks say so), and so {@code unit_price}, a lookup through it, and {@code line_total}, an
 * expression of {@code unit_price}, are broken too, though each still reads a column that exists. Reported with
 * the rest, so that one revision shows every column to change or drop rather than one more per round.
 */
final class BrokenReads {

  private BrokenReads() {
  }

  static List<Violation> of(Plan plan) {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Table t : plan.tables()) {
      if (t.name() != null) {
        tables.putIfAbsent(t.name(), t);
      }
    }
    Map<String, String> broken = new LinkedHashMap<>(); // "table.column" to why
    for (Table t : tables.values()) {
      for (Column c : t.columns()) {
        String why = direct(tables, t, c);
        if (why != null && c.name() != null) {
          broken.put(t.name() + "." + c.name(), why);
        }
      }
    }
    if (broken.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> reads = reads(plan, tables);
    List<Violation> out = new ArrayList<>();
    boolean more = true;
    while (more) {
      more = false;
      for (int i = 0; i < plan.tables().size(); i++) {
        Table t = plan.tables().get(i);
        for (int j = 0; j < t.columns().size(); j++) {
          Column c = t.columns().get(j);
          String key = t.name() + "." + c.name();
          if (c.name() == null || broken.containsKey(key)) {
            continue;
          }
          for (String r : reads.getOrDefault(key, List.of())) {
            if (broken.containsKey(r)) {
              broken.put(key, "reads " + r);
              out.add(new Violation("tables[" + i + "].columns[" + j + "]." + field(c.gen()), r, key + " reads " + r
                  + ", which is broken (" + broken.get(r) + ")", "drop or change " + key + " too (drop_column, "
                  + "update_column), or keep what " + r + " needs"));
              more = true;
              break;
            }
          }
        }
      }
    }
    return out;
  }

  private static String field(ColumnGen g) {
    return g instanceof ColumnGen.Lookup ? "via" : g instanceof ColumnGen.ChildAggregate ? "column" : "expr";
  }

  /** Why a column is broken on its own (what it names does not exist), or null. */
  private static String direct(Map<String, Table> tables, Table t, Column c) {
    ColumnGen g = c.gen();
    String ref = g instanceof ColumnGen.ForeignKey fk ? fk.references()
        : g instanceof ColumnGen.Parent p ? p.references() : null;
    if (ref != null) {
      int dot = ref.indexOf('.');
      Table parent = dot < 0 ? null : tables.get(ref.substring(0, dot));
      return parent == null || parent.column(ref.substring(dot + 1)).isEmpty() ? "references " + ref : null;
    }
    if (g instanceof ColumnGen.Lookup l) {
      return l.via() == null || t.column(l.via()).isEmpty() ? "no key " + l.via() : null;
    }
    if (g instanceof ColumnGen.ChildAggregate a) {
      Table child = a.table() == null ? null : tables.get(a.table());
      return child == null ? "aggregates " + a.table()
          : a.column() != null && child.column(a.column()).isEmpty() ? "aggregates " + a.table() + "." + a.column()
          : null;
    }
    return null;
  }

  /** What each column reads: "table.column" names of its key, lookup, aggregate or expression inputs. */
  private static Map<String, List<String>> reads(Plan plan, Map<String, Table> tables) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Dictionaries dictionaries = Dictionaries.standard();
    LocalDate today = plan.referenceDate() == null ? LocalDate.of(2000, 1, 1) : plan.referenceDate();
    for (Table t : tables.values()) {
      for (Column c : t.columns()) {
        List<String> r = new ArrayList<>();
        ColumnGen g = c.gen();
        if (g instanceof ColumnGen.Lookup l && l.via() != null) {
          r.add(t.name() + "." + l.via());
          t.column(l.via()).map(Column::gen).ifPresent(v -> {
            String ref = v instanceof ColumnGen.ForeignKey fk ? fk.references()
                : v instanceof ColumnGen.Parent p ? p.references() : null;
            if (ref != null && ref.indexOf('.') > 0 && l.column() != null) {
              r.add(ref.substring(0, ref.indexOf('.')) + "." + l.column());
            }
          });
        } else if (g instanceof ColumnGen.ChildAggregate a && a.column() != null) {
          r.add(a.table() + "." + a.column());
        } else if (g instanceof ColumnGen.Expression e && e.expr() != null && c.name() != null) {
          try {
            CompiledExpr x = ExprCompiler.compile(e.expr(), c.type() == null ? DataType.STRING : c.type(),
                new ExpressionChecks.Scope(plan, t, today, dictionaries));
            for (String name : x.references()) {
              r.add(name.indexOf('.') > 0 ? name : t.name() + "." + name);
            }
          } catch (ExprException ex) {
            // reported by the expression checks at the expression's own path
          }
        }
        out.put(t.name() + "." + c.name(), r);
      }
    }
    return out;
  }
}
