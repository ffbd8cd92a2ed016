package io.synthgen.plan.reach;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import io.synthgen.expr.CompiledExpr;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.expr.ExprException;
import io.synthgen.expr.ExprReach;
import io.synthgen.expr.ExprScope;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.random.Stream;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.StrDict;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes column ranges of a plan outside the resolver, with the expressions compiled here. */
final class Ranges {

  record Typed(Interval range, DataType type) {
  }

  record Report(Map<String, Typed> ranges) {
  }

  private Ranges() {
  }

  /** The resolver's verdict: its range violations (empty when the plan resolves). */
  static List<Violation> violations(Plan p) {
    try {
      Resolver.resolve(p);
      return List.of();
    } catch (PlanException e) {
      return e.violations();
    }
  }

  static Report of(Plan p) throws PlanException {
    ResolvedPlan resolved = Resolver.resolve(p);
    Map<String, Long> rows = new HashMap<>();
    for (Table t : p.tables()) {
      rows.put(t.name(), resolved.table(t.name()).rows());
    }
    Dictionaries dicts = Dictionaries.standard();
    Map<String, Interval> ranges = ColumnRanges.ranges(p, rows, (table, column, inputs) -> {
      Table t = p.table(table).orElseThrow();
      Column c = t.column(column).orElseThrow();
      try {
        CompiledExpr e = ExprCompiler.compile(((ColumnGen.Expression) c.gen()).expr(), c.type(), scope(p, t, dicts));
        ExprReach r = e.reach(inputs);
        return new ColumnRanges.Derived(r.value(), r.problems());
      } catch (ExprException ex) {
        throw new AssertionError(ex);
      }
    }, name -> DictionaryLengths.longest(dicts.get(name)));
    Map<String, Typed> typed = new LinkedHashMap<>();
    for (Table t : p.tables()) {
      for (Column c : t.columns()) {
        typed.put(t.name() + "." + c.name(), new Typed(ranges.get(t.name() + "." + c.name()), c.type()));
      }
    }
    return new Report(typed);
  }

  /** What an expression of {@code t} sees: its columns and, through foreign keys, its parents' columns. */
  static ExprScope scope(Plan p, Table t, Dictionaries dicts) {
    Map<String, String> parents = new HashMap<>();
    for (Column c : t.columns()) {
      String ref = c.gen() instanceof ColumnGen.ForeignKey fk ? fk.references()
          : c.gen() instanceof ColumnGen.Parent pa ? pa.references() : null;
      if (ref != null) {
        parents.putIfAbsent(ref.substring(0, ref.indexOf('.')), c.name());
      }
    }
    Stream stream = Stream.root(p.seed()).child(t.name());
    return new ExprScope() {
      @Override
      public DataType columnType(String name) {
        return t.column(name).map(Column::type).orElse(null);
      }

      @Override
      public List<String> columnNames() {
        return t.columns().stream().map(Column::name).toList();
      }

      @Override
      public DataType parentColumnType(String table, String column) {
        return parents.containsKey(table)
            ? p.table(table).flatMap(x -> x.column(column)).map(Column::type).orElse(null) : null;
      }

      @Override
      public Stream stream() {
        return stream;
      }

      @Override
      public LocalDate referenceDate() {
        return p.referenceDate();
      }

      @Override
      public StrDict dictionary(String name) {
        Dictionary d = dicts.get(name);
        return d == null ? null : d.values(stream.child("dict:" + name));
      }

      @Override
      public List<String> dictionaryNames() {
        return List.copyOf(dicts.names());
      }
    };
  }
}
