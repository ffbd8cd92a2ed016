package io.synthgen.resolve;

import io.synthgen.column.BoolGen;
import io.synthgen.column.ChildAggregateGen;
import io.synthgen.column.ChildIndexGen;
import io.synthgen.column.ChildLayout;
import io.synthgen.column.ColumnGenerator;
import io.synthgen.column.ConstantGen;
import io.synthgen.column.DateRangeGen;
import io.synthgen.column.DictionaryGen;
import io.synthgen.column.DistGen;
import io.synthgen.column.ExpressionGen;
import io.synthgen.column.ForeignKeyGen;
import io.synthgen.column.LookupGen;
import io.synthgen.column.ParentGen;
import io.synthgen.column.ParentKeyValues;
import io.synthgen.column.PatternGen;
import io.synthgen.column.SequenceGen;
import io.synthgen.column.UniformGen;
import io.synthgen.column.UuidGen;
import io.synthgen.column.ValueConversion;
import io.synthgen.column.ValuesGen;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import io.synthgen.expr.CompiledExpr;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.expr.ExprException;
import io.synthgen.expr.ExprLimits;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.random.Stream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds one generator per column, recording violations and the references that cross tables. */
final class GeneratorFactory {

  private final Plan plan;
  private final Map<String, Long> rows;
  private final Map<String, ChildLayout> layouts;
  private final Dictionaries dictionaries;
  private final List<Violation> violations;
  /** "table.column" to the "table.column" nodes of other tables it reads. */
  private final Map<String, List<String>> crossEdges = new LinkedHashMap<>();
  /** "table.column" to its compiled expression, for the reachable-range check. */
  private final Map<String, CompiledExpr> compiled = new LinkedHashMap<>();

  GeneratorFactory(Plan plan, Map<String, Long> rows, Map<String, ChildLayout> layouts,
      Dictionaries dictionaries, List<Violation> violations) {
    this.plan = plan;
    this.rows = rows;
    this.layouts = layouts;
    this.dictionaries = dictionaries;
    this.violations = violations;
  }

  Map<String, List<String>> crossEdges() {
    return crossEdges;
  }

  CompiledExpr compiled(String node) {
    return compiled.get(node);
  }

  /**
   * For each parent table, the first foreign key or parent column of {@code t} that points to it. An expression's
   * {@code parent_table.column} is refused when more than one does ({@link #keysTo}).
   */
  Map<String, String> viasOf(Table t) {
    Map<String, String> vias = new LinkedHashMap<>();
    for (Column c : t.columns()) {
      String parent = parentOf(c);
      if (parent != null) {
        vias.putIfAbsent(parent, c.name());
      }
    }
    return vias;
  }

  /** The foreign key and parent columns of {@code t} that point to {@code parent}, in column order. */
  static List<String> keysTo(Table t, String parent) {
    List<String> keys = new ArrayList<>();
    for (Column c : t.columns()) {
      if (parent.equals(parentOf(c))) {
        keys.add(c.name());
      }
    }
    return keys;
  }

  /** The table a foreign key or parent column points to, or null for other columns. */
  private static String parentOf(Column c) {
    String ref = null;
    if (c.gen() instanceof ColumnGen.ForeignKey fk) {
      ref = fk.references();
    } else if (c.gen() instanceof ColumnGen.Parent p) {
      ref = p.references();
    }
    return ref == null ? null : ref.substring(0, ref.indexOf('.'));
  }

  ColumnGenerator build(int ti, int ci, Table t, Column c, Stream s, Map<String, String> vias) {
    String path = "tables[" + ti + "].columns[" + ci + "]";
    String node = t.name() + "." + c.name();
    try {
      return create(path, node, t, c, s, vias);
    } catch (IllegalArgumentException | IllegalStateException e) {
      violations.add(new Violation(path, null, e.getMessage(), "change the column's parameters"));
      return null;
    }
  }

  private ColumnGenerator create(String path, String node, Table t, Column c, Stream s, Map<String, String> vias) {
    return c.gen().accept(new Create(path, node, t, c, s, vias));
  }

  /** The generator of one column, by strategy; null after recording a violation. */
  private final class Create implements ColumnGen.Visitor<ColumnGenerator> {
    private final String path;
    private final String node;
    private final Table t;
    private final Column c;
    private final Stream s;
    private final Map<String, String> vias;

    Create(String path, String node, Table t, Column c, Stream s, Map<String, String> vias) {
      this.path = path;
      this.node = node;
      this.t = t;
      this.c = c;
      this.s = s;
      this.vias = vias;
    }

    @Override
    public ColumnGenerator sequence(ColumnGen.Sequence q) {
      if (!sequenceFits(q, c.type(), rows.get(t.name()))) {
        // the validator checks the plan's rows; a table generated per parent can get more than it expects
        violations.add(new Violation(path + ".start", Long.toString(q.start()), "a sequence of " + rows.get(t.name())
            + " rows with step " + q.step() + " leaves the range of " + c.type(), c.type().kind()
            == DataType.Kind.INT ? "use type bigint" : "lower start or step"));
        return null;
      }
      return new SequenceGen(c.type(), q.start(), q.step());
    }

    @Override
    public ColumnGenerator uniform(ColumnGen.Uniform u) {
      return new UniformGen(c.type(), s, u.min(), u.max(), u.step());
    }

    @Override
    public ColumnGenerator values(ColumnGen.Values v) {
      List<Object> converted = new ArrayList<>();
      for (int i = 0; i < v.values().size(); i++) {
        try {
          converted.add(ValueConversion.convert(v.values().get(i), c.type()));
        } catch (IllegalArgumentException e) {
          violations.add(new Violation(path + ".values[" + i + "]", String.valueOf(v.values().get(i)),
              e.getMessage(), "write values of the column's type " + c.type()));
        }
      }
      return converted.size() == v.values().size() ? new ValuesGen(c.type(), s, converted, v.weights()) : null;
    }

    @Override
    public ColumnGenerator dist(ColumnGen.Dist d) {
      return new DistGen(c.type(), s, d.shaped());
    }

    @Override
    public ColumnGenerator dateRange(ColumnGen.DateRange d) {
      return new DateRangeGen(c.type(), s, d.start(), d.end(), d.interval(), d.profile(), plan.referenceDate());
    }

    @Override
    public ColumnGenerator dictionary(ColumnGen.Dictionary d) {
      Dictionary dict = dictionaries.get(d.dictionary());
      if (dict == null) {
        violations.add(new Violation(path + ".dictionary", d.dictionary(), "unknown dictionary",
            "use one of: " + String.join(", ", dictionaries.names()) + "; "
                + io.synthgen.plan.VocabularyHint.see("dictionaries")));
        return null;
      }
      return new DictionaryGen(dict, s);
    }

    @Override
    public ColumnGenerator pattern(ColumnGen.Pattern p) {
      return new PatternGen(p.pattern(), s);
    }

    @Override
    public ColumnGenerator uuid(ColumnGen.Uuid u) {
      return new UuidGen(s);
    }

    @Override
    public ColumnGenerator bool(ColumnGen.Bool b) {
      return new BoolGen(s, b.probability());
    }

    @Override
    public ColumnGenerator constant(ColumnGen.Constant k) {
      return new ConstantGen(c.type(), k.value() == null ? null : ValueConversion.convert(k.value(), c.type()));
    }

    @Override
    public ColumnGenerator foreignKey(ColumnGen.ForeignKey fk) {
      ParentKeyValues keys = keys(node, fk.references());
      String parent = keys.parentTable();
      long parentRows = rows.get(parent);
      if (parentRows == 0 && rows.get(t.name()) > 0 && c.nullRate() < 1) {
        String why = plan.table(parent).map(Table::perParent).isPresent()
            ? " (it is generated per parent and no parent row gets a child)" : "";
        violations.add(new Violation(path + ".references", fk.references(), parent + " has 0 rows" + why
            + ", so every key would be an orphan", "give " + parent + " rows, or drop the foreign key (a column of "
            + "only NULLs is null_rate 1)"));
        return null;
      }
      if (fk.distribution() instanceof FkDistribution.Weighted w) {
        if (parentRows > PlanLimits.MAX_WEIGHTED_PARENTS) {
          violations.add(new Violation(path + ".distribution", "weighted", String.format(Locale.ROOT, "a weighted "
              + "foreign key weighs every row of its parent; %s has %,d rows, at most %,d can be weighted", parent,
              parentRows, PlanLimits.MAX_WEIGHTED_PARENTS), "use {\"type\": \"zipf\"} for a skew over more "
              + "parents, or lower the rows of " + parent));
          return null;
        }
        edge(node, parent + "." + w.by());
      }
      return new ForeignKeyGen(c.name(), keys, parentRows, fk.distribution(), s);
    }

    @Override
    public ColumnGenerator parent(ColumnGen.Parent p) {
      return new ParentGen(c.name(), keys(node, p.references()), layouts.get(t.name()));
    }

    @Override
    public ColumnGenerator childIndex(ColumnGen.ChildIndex ci) {
      return new ChildIndexGen(c.type(), layouts.get(t.name()), ci.start());
    }

    @Override
    public ColumnGenerator lookup(ColumnGen.Lookup l) {
      String parent = parentOf(t, l.via());
      edge(node, parent + "." + l.column());
      return new LookupGen(l.via(), parent, l.column());
    }

    @Override
    public ColumnGenerator childAggregate(ColumnGen.ChildAggregate a) {
      if (a.column() != null) {
        edge(node, a.table() + "." + a.column());
      }
      return new ChildAggregateGen(c.type(), layouts.get(a.table()), a.table(), a.function(), a.column());
    }

    @Override
    public ColumnGenerator expression(ColumnGen.Expression e) {
      TableScope scope = new TableScope(plan, t, vias, s, dictionaries);
      try {
        CompiledExpr compiled = ExprCompiler.compile(e.expr(), c.type(), scope);
        GeneratorFactory.this.compiled.put(node, compiled);
        List<String> lookupVias = new ArrayList<>();
        boolean ambiguous = false;
        for (String r : compiled.references()) {
          int dot = r.indexOf('.');
          List<String> keys = dot > 0 ? keysTo(t, r.substring(0, dot)) : List.of();
          if (keys.size() > 1) {
            ambiguous = true;
            String k = keys.get(0);
            String col = r.substring(dot + 1);
            violations.add(new Violation(path + ".expr", ExprLimits.excerpt(e.expr()), "'" + r + "' is ambiguous: "
                + t.name() + " has " + keys.size() + " foreign keys to " + r.substring(0, dot) + " ("
                + String.join(", ", keys) + "), and an expression cannot say which parent row to read",
                "read the column through one key with a lookup column, e.g. {\"name\": \"" + k + "_" + col
                    + "\", \"type\": ..., \"strategy\": \"lookup\", \"via\": \"" + k + "\", \"column\": \""
                    + col + "\", \"omit\": true}, and use " + k + "_" + col + " in the expression"));
          } else if (dot > 0) {
            edge(node, r);
            String via = vias.get(r.substring(0, dot));
            if (!lookupVias.contains(via)) {
              lookupVias.add(via);
            }
          }
        }
        return ambiguous ? null : new ExpressionGen(compiled, lookupVias);
      } catch (ExprException ex) {
        for (String problem : ex.problems()) {
          violations.add(new Violation(path + ".expr", ExprLimits.excerpt(e.expr()), problem,
              "fix the expression; see docs/expressions.md"));
        }
        return null;
      }
    }
  }

  private static boolean sequenceFits(ColumnGen.Sequence q, DataType type, long n) {
    if (n <= 0) {
      return true;
    }
    boolean isInt = type.kind() == DataType.Kind.INT;
    long low = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long high = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
    try {
      long last = Math.addExact(q.start(), Math.multiplyExact(q.step(), n - 1));
      return last >= low && last <= high && q.start() >= low && q.start() <= high;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private ParentKeyValues keys(String node, String references) {
    int dot = references.indexOf('.');
    String parent = references.substring(0, dot);
    String key = references.substring(dot + 1);
    Table pt = plan.table(parent).orElseThrow();
    Column kc = pt.column(key).orElseThrow();
    SequenceGen seq = null;
    if (kc.gen() instanceof ColumnGen.Sequence q && kc.nullRate() == 0) {
      seq = new SequenceGen(kc.type(), q.start(), q.step());
    } else {
      edge(node, references);
    }
    return new ParentKeyValues(parent, key, kc.type(), seq);
  }

  private String parentOf(Table t, String via) {
    Column v = t.column(via).orElseThrow();
    String ref = v.gen() instanceof ColumnGen.ForeignKey fk ? fk.references()
        : ((ColumnGen.Parent) v.gen()).references();
    return ref.substring(0, ref.indexOf('.'));
  }

  private void edge(String from, String to) {
    crossEdges.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
  }
}
