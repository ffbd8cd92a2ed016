package io.synthgen.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.column.ValueConversion;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What a strategy says about its values beyond the type, added to the column's property of a {@link TableSchemas}
 * schema: the listed values as an enum, numeric bounds, a pattern, the range of dates; nothing for the strategies
 * whose values the plan alone does not bound.
 */
final class SchemaConstraints implements ColumnGen.Visitor<Void> {

  private final Plan plan;
  private final Column c;
  private final ObjectNode p;
  private final boolean nullable;

  SchemaConstraints(Plan plan, Column c, ObjectNode p, boolean nullable) {
    this.plan = plan;
    this.c = c;
    this.p = p;
    this.nullable = nullable;
  }

  @Override
  public Void sequence(ColumnGen.Sequence s) {
    if (s.step() > 0) {
      p.put("minimum", s.start());
    }
    return null;
  }

  @Override
  public Void uniform(ColumnGen.Uniform u) {
    if (c.type().isNumeric()) {
      bound(p, "minimum", u.min(), c.type());
      bound(p, "maximum", u.max(), c.type());
    }
    return null;
  }

  @Override
  public Void values(ColumnGen.Values v) {
    ArrayNode e = p.putArray("enum");
    for (Object o : v.values()) {
      addValue(e, ValueConversion.convert(o, c.type()), c.type());
    }
    if (nullable) {
      e.addNull();
    }
    return null;
  }

  @Override
  public Void dist(ColumnGen.Dist dist) {
    if (c.type().isNumeric()) {
      if (dist.shaped().min() != null) {
        bound(p, "minimum", dist.shaped().min(), c.type());
      }
      if (dist.shaped().max() != null) {
        bound(p, "maximum", dist.shaped().max(), c.type());
      }
    }
    return null;
  }

  @Override
  public Void dateRange(ColumnGen.DateRange r) {
    if (c.type().isTemporal()) {
      LocalDateTime lo = io.synthgen.column.Instants.resolve(r.start(), plan.referenceDate());
      LocalDateTime hi = io.synthgen.column.Instants.resolve(r.end(), plan.referenceDate());
      p.put("x-synthgen-range", c.type().kind() == DataType.Kind.DATE
          ? lo.toLocalDate() + " .. " + hi.toLocalDate()
          : lo.toString() + " .. " + hi.toString());
    }
    return null;
  }

  @Override
  public Void dictionary(ColumnGen.Dictionary d) {
    return null;
  }

  @Override
  public Void pattern(ColumnGen.Pattern pat) {
    p.put("pattern", "^" + TableSchemas.patternRegex(pat.pattern()) + "$");
    return null;
  }

  @Override
  public Void uuid(ColumnGen.Uuid u) {
    p.put("pattern", "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    return null;
  }

  @Override
  public Void bool(ColumnGen.Bool b) {
    return null;
  }

  @Override
  public Void constant(ColumnGen.Constant k) {
    return null;
  }

  @Override
  public Void foreignKey(ColumnGen.ForeignKey fk) {
    return null;
  }

  @Override
  public Void parent(ColumnGen.Parent pk) {
    return null;
  }

  @Override
  public Void childIndex(ColumnGen.ChildIndex ci) {
    return null;
  }

  @Override
  public Void lookup(ColumnGen.Lookup l) {
    return null;
  }

  @Override
  public Void childAggregate(ColumnGen.ChildAggregate a) {
    return null;
  }

  @Override
  public Void expression(ColumnGen.Expression e) {
    return null;
  }

  private static void bound(ObjectNode p, String key, double v, DataType t) {
    if (t.isIntegral()) {
      p.put(key, (long) Math.ceil(key.equals("minimum") ? v : Math.floor(v)));
    } else if (t.kind() == DataType.Kind.DECIMAL) {
      p.put(key, BigDecimal.valueOf(Math.round(v * Math.pow(10, t.scale())), t.scale()));
    } else {
      p.put(key, v);
    }
  }

  private static void addValue(ArrayNode e, Object v, DataType t) {
    switch (t.kind()) {
      case STRING: e.add((String) v); break;
      case BOOLEAN: e.add((Boolean) v); break;
      case DOUBLE: e.add((Double) v); break;
      case DECIMAL: e.add(BigDecimal.valueOf((Long) v, t.scale())); break;
      case DATE: e.add(LocalDate.ofEpochDay((Long) v).toString()); break;
      case TIMESTAMP: {
        long micros = (Long) v;
        e.add(LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC).toString());
        break;
      }
      default: e.add((Long) v);
    }
  }
}
