package io.synthgen.plan.validate;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.PerParent;
import io.synthgen.plan.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules of one column's strategy: parameters, fit with the column type, and references to other columns. */
final class StrategyRules {

  private final PlanValidator v;
  private final Issues out;
  private final Table table;
  private final Column column;
  private final DataType type;
  private final String path;

  StrategyRules(PlanValidator v, Table table, Column column, String path) {
    this.v = v;
    this.out = v.out;
    this.table = table;
    this.column = column;
    this.type = column.type();
    this.path = path;
  }

  void check() {
    column.gen().accept(new Rules());
  }

  /** The rules of each strategy; the longer ones are methods of {@link StrategyRules}. */
  private final class Rules implements ColumnGen.Visitor<Void> {
    @Override
    public Void sequence(ColumnGen.Sequence s) {
      StrategyRules.this.sequence(s);
      return null;
    }

    @Override
    public Void uniform(ColumnGen.Uniform u) {
      StrategyRules.this.uniform(u);
      return null;
    }

    @Override
    public Void values(ColumnGen.Values x) {
      StrategyRules.this.values(x);
      return null;
    }

    @Override
    public Void dist(ColumnGen.Dist d) {
      needType(type != null && type.isNumeric(), "a numeric type (bigint, int, double, decimal)");
      DistributionRules.shaped(out, d.shaped(), path);
      return null;
    }

    @Override
    public Void dateRange(ColumnGen.DateRange r) {
      new DateRangeRules(v.plan.referenceDate(), out, type, path).check(r);
      return null;
    }

    @Override
    public Void dictionary(ColumnGen.Dictionary d) {
      needType(isString(), "type string");
      StrategyRules.this.dictionary(d.dictionary());
      return null;
    }

    @Override
    public Void pattern(ColumnGen.Pattern p) {
      needType(isString(), "type string");
      if (p.pattern() == null || p.pattern().isEmpty()) {
        out.add(path + ".pattern", p.pattern() == null ? "" : p.pattern(), "pattern must not be empty",
            "write a template such as \"SKU-#####\" (# digit, ! digit 1-9, ? letter, * letter or digit)");
      }
      return null;
    }

    @Override
    public Void uuid(ColumnGen.Uuid u) {
      needType(isString(), "type string");
      return null;
    }

    @Override
    public Void bool(ColumnGen.Bool b) {
      needType(type != null && type.kind() == DataType.Kind.BOOLEAN, "type boolean");
      if (!(b.probability() >= 0 && b.probability() <= 1)) {
        out.add(path + ".probability", b.probability(), "probability must be between 0 and 1",
            "write the fraction of true values, e.g. 0.85");
      }
      return null;
    }

    @Override
    public Void constant(ColumnGen.Constant k) {
      if (k.value() == null) {
        out.missing(path + ".value", "missing value", "write the value; for an all-NULL column use null_rate 1");
      } else {
        fits(k.value(), path + ".value");
      }
      return null;
    }

    @Override
    public Void foreignKey(ColumnGen.ForeignKey f) {
      StrategyRules.this.foreignKey(f);
      return null;
    }

    @Override
    public Void parent(ColumnGen.Parent p) {
      StrategyRules.this.parent(p);
      return null;
    }

    @Override
    public Void childIndex(ColumnGen.ChildIndex ci) {
      needPerParent("child_index");
      needType(type != null && type.isIntegral(), "type bigint or int");
      return null;
    }

    @Override
    public Void lookup(ColumnGen.Lookup l) {
      StrategyRules.this.lookup(l);
      return null;
    }

    @Override
    public Void childAggregate(ColumnGen.ChildAggregate a) {
      StrategyRules.this.childAggregate(a);
      return null;
    }

    @Override
    public Void expression(ColumnGen.Expression e) {
      if (e.expr() == null || e.expr().isBlank()) {
        out.add(path + ".expr", e.expr() == null ? "" : e.expr(), "expr must not be empty",
            "write a SQL expression over other columns, e.g. \"quantity * unit_price\"");
      }
      return null;
    }
  }

  private boolean isString() {
    return type != null && type.kind() == DataType.Kind.STRING;
  }

  /** Reports at the column's type when the strategy cannot produce it. Unknown types were reported already. */
  private void needType(boolean ok, String needs) {
    if (!ok && type != null) {
      out.add(path + ".type", type.toString(), "strategy " + column.gen().strategy() + " needs " + needs,
          "change the type, or pick a strategy that makes " + type + " values");
    }
  }

  private void sequence(ColumnGen.Sequence s) {
    needType(type != null && type.isIntegral(), "type bigint or int");
    if (s.step() == 0) {
      out.add(path + ".step", 0L, "step must not be 0", "use 1, or strategy constant for one value");
      return;
    }
    if (type == null || !type.isIntegral() || table.rows() <= 0) {
      return;
    }
    long low = type.kind() == DataType.Kind.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long high = type.kind() == DataType.Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
    boolean fits = s.start() >= low && s.start() <= high;
    try {
      long last = Math.addExact(s.start(), Math.multiplyExact(s.step(), table.rows() - 1));
      fits &= last >= low && last <= high;
    } catch (ArithmeticException e) {
      fits = false;
    }
    if (!fits) {
      out.add(path + ".start", s.start(), "a sequence of " + table.rows() + " rows with step " + s.step()
          + " leaves the range of " + type, type.kind() == DataType.Kind.INT ? "use type bigint" : "lower start or step");
    }
  }

  private void uniform(ColumnGen.Uniform u) {
    needType(type != null && type.isNumeric(), "a numeric type (use date_range for dates and timestamps)");
    boolean ok = DistributionRules.finite(out, u.min(), path + ".min")
        & DistributionRules.finite(out, u.max(), path + ".max");
    if (ok && u.min() > u.max()) {
      out.add(path + ".min", u.min(), "min must be <= max (" + Issues.render(u.max()) + ")", "swap min and max");
    }
    if (u.step() != null && !(u.step() > 0 && Double.isFinite(u.step()))) {
      out.add(path + ".step", u.step(), "step must be > 0", "use a positive step such as 1, or leave it out");
    }
    if (type != null && type.isIntegral()) {
      for (String f : new String[] {"min", "max", "step"}) {
        Double x = f.equals("min") ? Double.valueOf(u.min()) : f.equals("max") ? Double.valueOf(u.max()) : u.step();
        if (x != null && Double.isFinite(x) && x != Math.rint(x)) {
          out.add(path + "." + f, x, f + " must be a whole number for a " + type + " column",
              "write " + Math.round(x) + ", or use type double or decimal");
        }
      }
    }
    if (ok && type != null) {
      inRange(u.min(), path + ".min");
      inRange(u.max(), path + ".max");
    }
  }

  /** Reports a number outside what the column type holds (int range, decimal precision). */
  private void inRange(double x, String at) {
    if (type.kind() == DataType.Kind.INT && (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE)) {
      out.add(at, x, "out of range for int", "use type bigint");
    } else if (type.kind() == DataType.Kind.BIGINT && !fitsLong(x)) {
      out.add(at, x, "out of range for bigint (-2^63 to 2^63 - 1)", "use a value between " + Long.MIN_VALUE
          + " and " + Long.MAX_VALUE + ", or type double");
    } else if (type.kind() == DataType.Kind.DECIMAL
        && Math.abs(x) >= Math.pow(10, type.precision() - type.scale())) {
      out.add(at, x, "does not fit " + type + " (at most " + (type.precision() - type.scale())
          + " digits before the point)", "use a larger precision");
    }
  }

  /** True when a whole number held in a double is a long ({@code 2^63} itself is not). */
  private static boolean fitsLong(double x) {
    return x >= -0x1p63 && x < 0x1p63;
  }

  private void values(ColumnGen.Values x) {
    List<Object> vs = x.values();
    if (vs.isEmpty()) {
      out.add(path + ".values", vs, "values must not be empty", "list the values to pick from");
    } else if (vs.size() > PlanLimits.MAX_VALUES) {
      out.add(path + ".values", vs.size() + " values", "a values column lists at most " + PlanLimits.MAX_VALUES
          + " values", "keep the " + PlanLimits.MAX_VALUES + " most frequent, or use a dictionary or pattern");
      return;
    }
    Map<Object, Integer> seen = new HashMap<>();
    for (int i = 0; i < vs.size(); i++) {
      Object val = vs.get(i);
      String at = path + ".values[" + i + "]";
      if (val == null) {
        out.missing(at, "a value must not be null", "remove it; use null_rate for NULL values");
        continue;
      }
      fits(val, at);
      Integer first = seen.putIfAbsent(val, i);
      if (first != null) {
        out.add(at, val, "duplicate value (also values[" + first + "])",
            "list each value once and add their weights together");
      }
    }
    List<Double> ws = x.weights();
    if (ws.isEmpty()) {
      return;
    }
    if (ws.size() != vs.size()) {
      out.add(path + ".weights", ws, ws.size() + (ws.size() == 1 ? " weight" : " weights") + " for " + vs.size()
          + (vs.size() == 1 ? " value" : " values"),
          "give one weight per value (" + vs.size() + "), or leave weights out for equal weights");
      if (ws.size() > PlanLimits.MAX_VALUES) {
        return;
      }
    }
    boolean positive = false;
    for (int i = 0; i < ws.size(); i++) {
      Double w = ws.get(i);
      if (w == null || !(w >= 0) || w.isInfinite()) {
        out.add(path + ".weights[" + i + "]", w, "a weight must be a finite number >= 0", "use e.g. 1");
      } else if (w > 0) {
        positive = true;
      }
    }
    if (!positive && ws.stream().allMatch(w -> w != null && w == 0)) {
      out.add(path + ".weights", ws, "all weights are 0", "give at least one value a positive weight");
    }
    double sum = 0;
    for (Double w : ws) {
      sum += w != null && w > 0 && !w.isInfinite() ? w : 0;
    }
    if (Double.isInfinite(sum)) {
      out.add(path + ".weights", ws, "the weights sum to more than the largest number (" + Double.MAX_VALUE + ")",
          "scale the weights down: only their ratios matter, e.g. 1, 2, 5");
    }
  }

  /** Reports a literal that the column type cannot hold. */
  private void fits(Object val, String at) {
    if (type == null) {
      return;
    }
    String problem = null;
    String fix = null;
    switch (type.kind()) {
      case STRING:
        if (!(val instanceof String)) {
          problem = "a string column needs string values";
          fix = "quote it: \"" + val + "\"";
        }
        break;
      case BIGINT:
      case INT:
        if (!(val instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
          problem = "a " + type + " column needs whole numbers";
          fix = val instanceof Number n ? "write " + Math.round(n.doubleValue()) : "write a number without quotes";
        } else if (type.kind() == DataType.Kind.INT
            && (n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE)) {
          problem = "out of range for int";
          fix = "use type bigint";
        } else if (n instanceof Double && !fitsLong(n.doubleValue())) {
          problem = "out of range for bigint (-2^63 to 2^63 - 1)";
          fix = "write a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ", or use type double";
        }
        break;
      case DOUBLE:
        if (!(val instanceof Number)) {
          problem = "a double column needs numbers";
          fix = "write a number without quotes";
        }
        break;
      case DECIMAL:
        if (!(val instanceof Number n)) {
          problem = "a " + type + " column needs numbers";
          fix = "write a number without quotes";
        } else {
          BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
          if (Math.max(d.scale(), 0) > type.scale() || d.precision() - d.scale() > type.precision() - type.scale()) {
            problem = "does not fit " + type;
            fix = "use at most " + type.scale() + " decimals and " + (type.precision() - type.scale())
                + " digits before the point, or widen the type";
          }
        }
        break;
      case BOOLEAN:
        if (!(val instanceof Boolean)) {
          problem = "a boolean column needs true or false";
          fix = "write true or false without quotes";
        }
        break;
      case DATE:
        TimeSpec.Instant d = val instanceof String s ? TimeSpec.instant(s) : null;
        if (d == null || d.relative() || !d.dateOnly()) {
          problem = "a date column needs dates";
          fix = "write \"YYYY-MM-DD\", e.g. \"2024-12-31\"";
        }
        break;
      case TIMESTAMP:
        TimeSpec.Instant ts = val instanceof String s ? TimeSpec.instant(s) : null;
        if (ts == null || ts.relative()) {
          problem = "a timestamp column needs timestamps";
          fix = "write \"YYYY-MM-DDTHH:MM:SS\", e.g. \"2024-12-31T08:30:00\"";
        }
        break;
      default:
        throw new IllegalStateException("no literal rules for " + type);
    }
    if (problem != null) {
      out.add(at, val, problem, fix);
    }
  }

  private void dictionary(String name) {
    if (name == null || name.isBlank()) {
      out.add(path + ".dictionary", name == null ? "" : name, "dictionary must not be empty",
          "name a dictionary such as \"first_name\"; " + io.synthgen.plan.VocabularyHint.see("dictionaries"));
    } else if (v.dictionaries != null && !v.dictionaries.contains(name)) {
      out.unknownName(path + ".dictionary", name, "unknown dictionary", new java.util.TreeSet<>(v.dictionaries),
          "dictionaries", io.synthgen.plan.VocabularyHint.see("dictionaries"));
    }
  }

  /** A referenced "table.column"; reports and returns null when it does not resolve. */
  private Ref ref(String text, String at) {
    if (text == null) {
      out.missing(at, "missing references", "write \"table.column\", e.g. \"customers.customer_id\"");
      return null;
    }
    int dot = text.indexOf('.');
    if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
      out.add(at, text, "a reference is \"table.column\"", "write e.g. \"customers.customer_id\"");
      return null;
    }
    String tn = text.substring(0, dot);
    String cn = text.substring(dot + 1);
    Table t = v.tables.get(tn);
    if (t == null) {
      out.unknownName(at, tn, "references names no table", v.tables.keySet(), "tables");
      return null;
    }
    Column c = PlanValidator.column(t, cn);
    if (c == null) {
      out.unknownName(at, cn, "unknown column '" + cn + "' in " + tn, PlanValidator.columnNames(t), "columns");
      return null;
    }
    return new Ref(t, c);
  }

  private record Ref(Table table, Column column) {
  }

  /** The referenced column must identify a row and have this column's type. */
  private void keyColumn(Ref r, String at) {
    if (!r.column().name().equals(r.table().primaryKey()) && !r.column().unique()) {
      out.add(at, r.table().name() + "." + r.column().name(), "a reference must name the primary key of "
          + r.table().name() + " or a column marked unique",
          r.table().primaryKey() != null ? "reference " + r.table().name() + "." + r.table().primaryKey()
              : "set \"primary_key\": \"" + r.column().name() + "\" on " + r.table().name());
    } else if (r.column().name().equals(r.table().primaryKey())) {
      // a primary key's null_rate and omit are refused at the key itself
    } else if (r.column().nullRate() > 0) {
      out.add(at, r.table().name() + "." + r.column().name(), "a referenced key must not be NULL, and "
          + r.table().name() + "." + r.column().name() + " has null_rate " + Issues.render(r.column().nullRate()),
          "set null_rate 0 on " + r.table().name() + "." + r.column().name() + ", or reference "
              + (r.table().primaryKey() != null ? r.table().name() + "." + r.table().primaryKey() : "another key"));
    } else if (r.column().omit()) {
      out.add(at, r.table().name() + "." + r.column().name(), "a referenced key must be written, and "
          + r.table().name() + "." + r.column().name() + " is omitted", "remove \"omit\" from "
          + r.table().name() + "." + r.column().name() + ", or reference a written key");
    }
    sameType(r, at);
  }

  private void sameType(Ref r, String at) {
    if (type != null && r.column().type() != null && !type.equals(r.column().type())) {
      out.add(path + ".type", type.toString(), "type differs from " + r.table().name() + "." + r.column().name()
          + " (" + r.column().type() + ")", "declare the column as " + r.column().type());
    }
  }

  private void foreignKey(ColumnGen.ForeignKey f) {
    Ref r = ref(f.references(), path + ".references");
    if (r != null) {
      keyColumn(r, path + ".references");
    }
    FkDistribution d = f.distribution();
    String dp = path + ".distribution";
    if (d == null) {
      out.missing(dp, "missing distribution", "leave distribution out for uniform");
    } else if (d instanceof FkDistribution.Zipf z) {
      DistributionRules.positive(out, z.exponent(), dp + ".exponent");
    } else if (d instanceof FkDistribution.Weighted w) {
      if (w.by() == null) {
        out.missing(dp + ".by", "missing by", "name a numeric column of the parent table");
      } else if (r != null) {
        Column by = PlanValidator.column(r.table(), w.by());
        if (by == null) {
          out.unknownName(dp + ".by", w.by(), "unknown column '" + w.by() + "' in " + r.table().name(),
              PlanValidator.columnNames(r.table()), "columns");
        } else if (by.type() != null && !by.type().isNumeric()) {
          out.add(dp + ".by", w.by(), "weights come from a numeric column, " + r.table().name() + "." + w.by()
              + " is " + by.type(), "name a numeric column of " + r.table().name());
        } else if (neverPositive(by)) {
          out.add(dp + ".by", w.by(), r.table().name() + "." + w.by() + " is never above 0, so no parent row "
              + "could be chosen", "weigh by a column with positive values, or use {\"type\": \"uniform\"}");
        }
      }
    }
  }

  /** True when a column's values are never above 0 (all NULL, or a constant, values or uniform range <= 0). */
  private static boolean neverPositive(Column c) {
    ColumnGen g = c.gen();
    if (c.nullRate() >= 1) {
      return true;
    } else if (g instanceof ColumnGen.Constant k) {
      return k.value() instanceof Number n && !(n.doubleValue() > 0);
    } else if (g instanceof ColumnGen.Values x) {
      return !x.values().isEmpty() && x.values().stream().allMatch(v -> v instanceof Number n && !(n.doubleValue() > 0));
    } else if (g instanceof ColumnGen.Uniform u) {
      return u.max() <= 0;
    }
    return false;
  }

  private boolean needPerParent(String strategy) {
    if (table.perParent() == null) {
      out.add(path + ".strategy", strategy, "strategy " + strategy + " is only for tables generated per parent",
          "add \"per_parent\" to " + table.name() + ", or use "
              + (strategy.equals("parent") ? "foreign_key" : "sequence"));
      return false;
    }
    return true;
  }

  private void parent(ColumnGen.Parent p) {
    boolean perParent = needPerParent("parent");
    if (column.nullRate() > 0) {
      // a child row always belongs to the parent row it was generated for
      out.add(path + ".null_rate", column.nullRate(), "a parent column is never NULL: every row of "
          + table.name() + " belongs to the parent row it is generated for", "set null_rate to 0 (a child that "
          + "may have no parent is a foreign_key with a null_rate in a table with rows of its own)");
    }
    Ref r = ref(p.references(), path + ".references");
    if (r == null) {
      return;
    }
    PerParent pp = table.perParent();
    if (perParent && v.tables.containsKey(pp.table()) && !pp.table().equals(table.name())
        && !pp.table().equals(r.table().name())) {
      out.add(path + ".references", p.references(), table.name() + " is generated per row of " + pp.table()
          + ", not " + r.table().name(), "reference a key of " + pp.table());
      return;
    }
    keyColumn(r, path + ".references");
  }

  private void lookup(ColumnGen.Lookup l) {
    List<String> keys = new ArrayList<>();
    for (Column c : table.columns()) {
      if (c.name() != null && (c.gen() instanceof ColumnGen.ForeignKey || c.gen() instanceof ColumnGen.Parent)) {
        keys.add(c.name());
      }
    }
    if (l.via() == null) {
      out.missing(path + ".via", "missing via", "name this table's foreign key column: " + Suggest.list(keys));
    } else {
      Column via = PlanValidator.column(table, l.via());
      if (via == null || !keys.contains(l.via())) {
        out.unknownName(path + ".via", l.via(), via == null ? "unknown column '" + l.via() + "' in " + table.name()
            : l.via() + " is not a foreign_key or parent column", keys, "foreign key columns of " + table.name());
      } else {
        String refText = via.gen() instanceof ColumnGen.ForeignKey f ? f.references()
            : ((ColumnGen.Parent) via.gen()).references();
        Table parent = refText == null || refText.indexOf('.') < 0 ? null
            : v.tables.get(refText.substring(0, refText.indexOf('.')));
        if (parent != null && l.column() != null) {
          Column target = PlanValidator.column(parent, l.column());
          if (target == null) {
            out.unknownName(path + ".column", l.column(), "unknown column '" + l.column() + "' in " + parent.name(),
                PlanValidator.columnNames(parent), "columns");
          } else {
            sameType(new Ref(parent, target), path + ".column");
          }
        }
      }
    }
    if (l.column() == null) {
      out.missing(path + ".column", "missing column", "name the parent column to copy");
    }
  }

  private void childAggregate(ColumnGen.ChildAggregate a) {
    String fn = a.function();
    if (fn == null) {
      out.missing(path + ".function", "missing function", "use " + Suggest.list(ColumnGen.ChildAggregate.FUNCTIONS));
    } else if (!ColumnGen.ChildAggregate.FUNCTIONS.contains(fn)) {
      out.unknownName(path + ".function", fn, "unknown aggregate function", ColumnGen.ChildAggregate.FUNCTIONS,
          "functions");
      fn = null;
    }
    Table child = null;
    if (a.table() == null) {
      out.missing(path + ".table", "missing table", "name a table generated per row of " + table.name());
    } else {
      child = v.tables.get(a.table());
      List<String> children = new ArrayList<>();
      for (Table t : v.plan.tables()) {
        if (t.perParent() != null && table.name() != null && table.name().equals(t.perParent().table())
            && t.name() != null) {
          children.add(t.name());
        }
      }
      if (child == null || !children.contains(a.table())) {
        out.unknownName(path + ".table", a.table(), child == null ? "child_aggregate names no table"
            : a.table() + " is not generated per row of " + table.name(), children,
            "tables generated per row of " + table.name());
        child = null;
      }
    }
    if ("count".equals(fn)) {
      if (a.column() != null) {
        out.add(path + ".column", a.column(), "count takes no column", "remove \"column\"");
      }
      needType(type != null && type.isIntegral(), "type bigint or int for a count");
      return;
    }
    if (a.column() == null) {
      if (fn != null) {
        out.missing(path + ".column", "function " + fn + " needs a column", "name a numeric column of "
            + a.table());
      }
      return;
    }
    if (child == null) {
      return;
    }
    Column c = PlanValidator.column(child, a.column());
    if (c == null) {
      out.unknownName(path + ".column", a.column(), "unknown column '" + a.column() + "' in " + child.name(),
          PlanValidator.columnNames(child), "columns");
    } else if (c.type() != null && fn != null) {
      boolean orderable = c.type().isNumeric() || c.type().isTemporal();
      if ((fn.equals("sum") || fn.equals("avg")) && !c.type().isNumeric()
          || (fn.equals("min") || fn.equals("max")) && !orderable) {
        out.add(path + ".column", a.column(), fn + " needs a numeric column, " + child.name() + "." + a.column()
            + " is " + c.type(), "aggregate a numeric column");
      } else if (type != null) {
        boolean ok = fn.equals("min") || fn.equals("max") ? type.equals(c.type())
            : fn.equals("avg") ? type.kind() == DataType.Kind.DOUBLE || type.kind() == DataType.Kind.DECIMAL
            : type.isNumeric();
        needType(ok, fn.equals("avg") ? "type double or decimal for avg"
            : fn.equals("sum") ? "a numeric type for sum" : "type " + c.type() + " (the aggregated column's)");
      }
    }
  }
}
