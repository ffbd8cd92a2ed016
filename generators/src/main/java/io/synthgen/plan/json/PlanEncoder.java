package io.synthgen.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.PerParent;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Rounding;
import io.synthgen.plan.Shaped;
import io.synthgen.plan.Table;
import io.synthgen.plan.TimeProfile;
import java.util.List;
import java.util.Locale;

/**
 * Encodes the model as a tree in {@link PlanFields} order. Defaults of column parameters are left out (a sequence
 * starting at 1, a rounding of none...) so plans read like their intent; everything the decoder would not restore
 * exactly is written.
 */
final class PlanEncoder {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PlanEncoder() {
  }

  static ObjectNode plan(Plan p) {
    ObjectNode o = F.objectNode();
    putString(o, "format", p.format());
    putString(o, "name", p.name());
    putString(o, "industry", p.industry());
    putString(o, "description", p.description());
    o.put("seed", p.seed());
    if (p.referenceDate() != null) {
      o.put("reference_date", p.referenceDate().toString());
    }
    putString(o, "main_table", p.mainTable());
    if (p.tier() != 0) {
      o.put("tier", p.tier());
    }
    if (p.series() != null) {
      o.set("series", SeriesEncoder.series(p.series()));
    }
    if (p.destination() != null) {
      o.set("destination", destination(p.destination()));
    }
    ArrayNode tables = o.putArray("tables");
    p.tables().forEach(t -> tables.add(table(t)));
    return o;
  }

  private static ObjectNode destination(Destination d) {
    ObjectNode o = F.objectNode();
    o.put("kind", lower(d.kind()));
    if (d.kind() == Destination.Kind.UNITY_CATALOG) {
      putString(o, "catalog", d.catalog());
      putString(o, "schema", d.schema());
      putString(o, "volume", d.volume());
    } else {
      putString(o, "path", d.path());
      o.put("format", lower(d.format()));
    }
    o.put("compression", lower(d.compression()));
    return o;
  }

  private static ObjectNode table(Table t) {
    ObjectNode o = F.objectNode();
    putString(o, "name", t.name());
    if (t.history() != null) {
      putString(o, "description", t.description());
      ObjectNode h = o.putObject("history");
      putString(h, "of", t.history().of());
      return o;
    }
    o.put("rows", t.rows());
    putString(o, "primary_key", t.primaryKey());
    putString(o, "description", t.description());
    PerParent pp = t.perParent();
    if (pp != null) {
      ObjectNode p = o.putObject("per_parent");
      putString(p, "table", pp.table());
      if (pp.count() != null) {
        ObjectNode count = p.putObject("count");
        shaped(count, pp.count());
      }
    }
    ObjectNode batch = SeriesEncoder.batching(t.batching());
    if (batch != null) {
      o.set("batch", batch);
    }
    ArrayNode cols = o.putArray("columns");
    t.columns().forEach(c -> cols.add(column(c)));
    if (t.changeFeed() != null) {
      o.set("change_feed", SeriesEncoder.changeFeed(t.changeFeed()));
    }
    if (t.quality() != null) {
      o.set("quality", SeriesEncoder.quality(t.quality()));
    }
    return o;
  }

  private static ObjectNode column(Column c) {
    ObjectNode o = F.objectNode();
    putString(o, "name", c.name());
    if (c.type() != null) {
      o.put("type", c.type().toString());
    }
    if (c.gen() != null) {
      o.put("strategy", c.gen().strategy());
      gen(o, c);
    }
    if (c.nullRate() != 0) {
      o.set("null_rate", num(c.nullRate()));
    }
    if (c.omit()) {
      o.put("omit", true);
    }
    if (c.unique()) {
      o.put("unique", true);
    }
    putString(o, "note", c.note());
    return o;
  }

  private static void gen(ObjectNode o, Column c) {
    c.gen().accept(new Parameters(o, c));
  }

  /** A strategy's parameters, each left out when it has its default. */
  private static final class Parameters implements ColumnGen.Visitor<Void> {
    private final ObjectNode o;
    private final Column c;

    Parameters(ObjectNode o, Column c) {
      this.o = o;
      this.c = c;
    }

    @Override
    public Void sequence(ColumnGen.Sequence s) {
      putLong(o, "start", s.start(), 1);
      putLong(o, "step", s.step(), 1);
      return null;
    }

    @Override
    public Void uniform(ColumnGen.Uniform u) {
      o.set("min", num(u.min()));
      o.set("max", num(u.max()));
      if (u.step() != null) {
        o.set("step", num(u.step()));
      }
      return null;
    }

    @Override
    public Void values(ColumnGen.Values v) {
      ArrayNode values = o.putArray("values");
      v.values().forEach(x -> values.add(scalar(x)));
      if (!v.weights().isEmpty()) {
        ArrayNode w = o.putArray("weights");
        v.weights().forEach(x -> w.add(num(x)));
      }
      return null;
    }

    @Override
    public Void dist(ColumnGen.Dist d) {
      shaped(o, d.shaped());
      return null;
    }

    @Override
    public Void dateRange(ColumnGen.DateRange r) {
      putString(o, "start", r.start());
      putString(o, "end", r.end());
      if (r.interval() == null || !r.interval().equals(ColumnDecoder.defaultInterval(c.type()))) {
        putString(o, "interval", r.interval());
      }
      if (r.profile() != null && !r.profile().equals(TimeProfile.flat())) {
        o.set("profile", profile(r.profile()));
      }
      return null;
    }

    @Override
    public Void dictionary(ColumnGen.Dictionary d) {
      putString(o, "dictionary", d.dictionary());
      return null;
    }

    @Override
    public Void pattern(ColumnGen.Pattern p) {
      putString(o, "pattern", p.pattern());
      return null;
    }

    @Override
    public Void uuid(ColumnGen.Uuid u) {
      return null;
    }

    @Override
    public Void bool(ColumnGen.Bool b) {
      o.set("probability", num(b.probability()));
      return null;
    }

    @Override
    public Void constant(ColumnGen.Constant k) {
      o.set("value", scalar(k.value()));
      return null;
    }

    @Override
    public Void foreignKey(ColumnGen.ForeignKey f) {
      putString(o, "references", f.references());
      if (f.distribution() != null && !(f.distribution() instanceof FkDistribution.Uniform)) {
        o.set("distribution", fkDistribution(f.distribution()));
      }
      return null;
    }

    @Override
    public Void parent(ColumnGen.Parent p) {
      putString(o, "references", p.references());
      return null;
    }

    @Override
    public Void childIndex(ColumnGen.ChildIndex i) {
      putLong(o, "start", i.start(), 1);
      return null;
    }

    @Override
    public Void lookup(ColumnGen.Lookup l) {
      putString(o, "via", l.via());
      putString(o, "column", l.column());
      return null;
    }

    @Override
    public Void childAggregate(ColumnGen.ChildAggregate a) {
      putString(o, "table", a.table());
      putString(o, "function", a.function());
      putString(o, "column", a.column());
      return null;
    }

    @Override
    public Void expression(ColumnGen.Expression e) {
      putString(o, "expr", e.expr());
      return null;
    }
  }

  private static void shaped(ObjectNode o, Shaped s) {
    if (s.distribution() != null) {
      o.set("distribution", distribution(s.distribution()));
    }
    if (s.scale() != 1) {
      o.set("scale", num(s.scale()));
    }
    if (s.offset() != 0) {
      o.set("offset", num(s.offset()));
    }
    if (s.min() != null) {
      o.set("min", num(s.min()));
    }
    if (s.max() != null) {
      o.set("max", num(s.max()));
    }
    if (s.rounding() != null && s.rounding() != Rounding.NONE) {
      o.put("rounding", s.rounding().jsonName());
    }
  }

  static ObjectNode distribution(Distribution d) {
    ObjectNode o = F.objectNode();
    o.put("type", d.type());
    if (d instanceof Distribution.Normal n) {
      o.set("mean", num(n.mean()));
      o.set("stddev", num(n.stddev()));
    } else if (d instanceof Distribution.LogNormal l) {
      o.set("mu", num(l.mu()));
      o.set("sigma", num(l.sigma()));
    } else if (d instanceof Distribution.Exponential e) {
      o.set("rate", num(e.rate()));
    } else if (d instanceof Distribution.Gamma g) {
      o.set("shape", num(g.shape()));
      o.set("scale", num(g.scale()));
    } else if (d instanceof Distribution.Beta b) {
      o.set("alpha", num(b.alpha()));
      o.set("beta", num(b.beta()));
    } else if (d instanceof Distribution.Pareto p) {
      o.set("alpha", num(p.alpha()));
      o.set("xm", num(p.xm()));
    } else if (d instanceof Distribution.Zipf z) {
      o.put("n", z.n());
      o.set("exponent", num(z.exponent()));
    } else if (d instanceof Distribution.Poisson p) {
      o.set("lambda", num(p.lambda()));
    } else if (d instanceof Distribution.Uniform u) {
      o.set("min", num(u.min()));
      o.set("max", num(u.max()));
    } else {
      throw new IllegalStateException("no encoder for distribution " + d.type());
    }
    return o;
  }

  private static ObjectNode fkDistribution(FkDistribution d) {
    ObjectNode o = F.objectNode();
    o.put("type", d.type());
    if (d instanceof FkDistribution.Zipf z) {
      o.set("exponent", num(z.exponent()));
    } else if (d instanceof FkDistribution.Weighted w) {
      putString(o, "by", w.by());
      if (w.shares() != null) {
        ObjectNode sh = o.putObject("shares");
        w.shares().forEach((k, v) -> sh.set(k, num(v)));
      }
    } else if (!(d instanceof FkDistribution.Uniform)) {
      throw new IllegalStateException("no encoder for foreign key distribution " + d.type());
    }
    return o;
  }

  private static ObjectNode profile(TimeProfile p) {
    ObjectNode o = F.objectNode();
    numbers(o, "weekday_factors", p.weekdayFactors());
    numbers(o, "month_factors", p.monthFactors());
    numbers(o, "hour_weights", p.hourWeights());
    if (!p.holidays().isEmpty()) {
      ArrayNode a = o.putArray("holidays");
      for (TimeProfile.Holiday h : p.holidays()) {
        ObjectNode x = a.addObject();
        putString(x, "date", h.date() == null ? null : h.date().toString());
        x.set("factor", num(h.factor()));
        putString(x, "name", h.name());
      }
    }
    if (p.usHolidays() != null) {
      o.set("us_holidays", num(p.usHolidays()));
    }
    if (!p.incidents().isEmpty()) {
      ArrayNode a = o.putArray("incidents");
      for (TimeProfile.Window w : p.incidents()) {
        ObjectNode x = a.addObject();
        putString(x, "start", w.start());
        putString(x, "end", w.end());
        x.set("multiplier", num(w.multiplier()));
        putString(x, "name", w.name());
      }
    }
    return o;
  }

  private static void numbers(ObjectNode o, String key, List<Double> xs) {
    if (xs != null && !xs.isEmpty()) {
      ArrayNode a = o.putArray(key);
      xs.forEach(x -> a.add(num(x)));
    }
  }

  /** A real number; whole values are written without a fraction (they read back as the same double). */
  static JsonNode num(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("cannot write " + d + " in a plan: JSON numbers are finite");
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
      return F.numberNode((long) d);
    }
    return F.numberNode(d);
  }

  /** A plan value as written: Long and Integer as integers, other numbers as reals, strings and booleans as is. */
  private static JsonNode scalar(Object x) {
    if (x == null) {
      return F.nullNode();
    }
    if (x instanceof String s) {
      return F.textNode(s);
    }
    if (x instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (x instanceof Long || x instanceof Integer || x instanceof Short || x instanceof Byte) {
      return F.numberNode(((Number) x).longValue());
    }
    if (x instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("cannot write " + d + " in a plan: JSON numbers are finite");
      }
      return F.numberNode(d);
    }
    return F.textNode(x.toString());
  }

  private static void putString(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  private static void putLong(ObjectNode o, String key, long value, long def) {
    if (value != def) {
      o.put(key, value);
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
