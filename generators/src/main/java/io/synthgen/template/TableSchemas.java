package io.synthgen.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.column.ValueConversion;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A JSON Schema (draft 2020-12) of one generated row, derived from the plan: a property per written column with
 * its JSON type, enum for weighted values, bounds for ranges, a pattern for dates, timestamps and templates,
 * nullability, and a description from the plan. The files under {@code schemas/tables/} are this class's output
 * for the templates; a test regenerates and compares them, and validates generated JSONL rows against them.
 */
public final class TableSchemas {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  static final String TIMESTAMP_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?$";

  private TableSchemas() {
  }

  /** The file name of a table's schema: {@code {industry}_{table}.schema.json}. */
  public static String fileName(Plan plan, Table table) {
    String prefix = plan.industry() != null ? plan.industry() : plan.name();
    return prefix + "_" + table.name() + ".schema.json";
  }

  /** The schema as pretty JSON text with a final newline. */
  public static String json(Plan plan, Table table) {
    try {
      return JSON.writeValueAsString(of(plan, table)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode of(Plan plan, Table table) {
    ObjectNode root = JSON.createObjectNode();
    String prefix = plan.industry() != null ? plan.industry() : plan.name();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "synthgen:schemas/tables/" + fileName(plan, table));
    root.put("title", prefix + "." + table.name());
    root.put("description", (table.description() == null ? "" : table.description() + " ")
        + "One row of " + table.name() + " as synthgen writes it (JSONL: dates as yyyy-MM-dd, timestamps as "
        + "yyyy-MM-ddTHH:mm:ss without a time zone, decimals as numbers).");
    root.put("type", "object");
    ObjectNode props = root.putObject("properties");
    ArrayNode required = root.putArray("required");
    for (Column c : table.columns()) {
      if (c.omit()) {
        continue;
      }
      props.set(c.name(), column(plan, table, c));
      required.add(c.name());
    }
    root.put("additionalProperties", false);
    return root;
  }

  private static ObjectNode column(Plan plan, Table table, Column c) {
    ObjectNode p = JSON.createObjectNode();
    boolean nullable = c.nullRate() > 0 || c.gen().mayDeriveNull();
    String jsonType = jsonType(c.type());
    if (nullable) {
      p.putArray("type").add(jsonType).add("null");
    } else {
      p.put("type", jsonType);
    }
    StringBuilder d = new StringBuilder();
    d.append(c.type()).append(", ").append(describe(c.gen()));
    if (c.nullRate() > 0) {
      d.append(String.format(Locale.ROOT, ", %.1f%% NULL", 100 * c.nullRate()));
    }
    if (c.name().equals(table.primaryKey())) {
      d.append(", primary key");
    }
    if (c.note() != null && !c.note().isEmpty()) {
      d.append(". ").append(c.note());
    }
    p.put("description", d.toString());
    p.put("x-synthgen-type", c.type().toString());
    if (c.type().kind() == DataType.Kind.DATE) {
      p.put("pattern", DATE_PATTERN);
    } else if (c.type().kind() == DataType.Kind.TIMESTAMP) {
      p.put("pattern", TIMESTAMP_PATTERN);
    }
    c.gen().accept(new Constraints(plan, c, p, nullable));
    return p;
  }

  private static String jsonType(DataType t) {
    switch (t.kind()) {
      case BIGINT: case INT: return "integer";
      case DOUBLE: case DECIMAL: return "number";
      case BOOLEAN: return "boolean";
      case STRING: case DATE: case TIMESTAMP: return "string";
    }
    throw new IllegalArgumentException(t.toString());
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

  /** The regular expression matching a pattern strategy's template. */
  static String patternRegex(String pattern) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      switch (ch) {
        case '#': b.append("[0-9]"); break;
        case '!': b.append("[1-9]"); break;
        case '?': b.append("[A-Z]"); break;
        case '*': b.append("[A-Z0-9]"); break;
        case '\\':
          if (i + 1 < pattern.length()) {
            b.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
          }
          break;
        default: b.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
      }
    }
    return b.toString();
  }

  private static String describe(ColumnGen g) {
    return g.accept(DESCRIBE);
  }

  /** The strategy's part of a property's description. */
  private static final ColumnGen.Visitor<String> DESCRIBE = new ColumnGen.Visitor<>() {
    @Override
    public String sequence(ColumnGen.Sequence s) {
      return "sequence from " + s.start() + (s.step() == 1 ? "" : " step " + s.step());
    }

    @Override
    public String uniform(ColumnGen.Uniform u) {
      return "uniform " + num(u.min()) + " to " + num(u.max());
    }

    @Override
    public String values(ColumnGen.Values v) {
      return v.weights() == null || v.weights().isEmpty() ? "one of " + v.values().size() + " values"
          : "weighted values";
    }

    @Override
    public String dist(ColumnGen.Dist d) {
      return d.shaped().distribution().type() + " distribution";
    }

    @Override
    public String dateRange(ColumnGen.DateRange r) {
      return "between " + r.start() + " and " + r.end()
          + (r.profile() != null && !r.profile().equals(io.synthgen.plan.TimeProfile.flat()) ? " with a time profile"
              : "");
    }

    @Override
    public String dictionary(ColumnGen.Dictionary d) {
      return "from the " + d.dictionary() + " dictionary";
    }

    @Override
    public String pattern(ColumnGen.Pattern p) {
      return "pattern " + p.pattern();
    }

    @Override
    public String uuid(ColumnGen.Uuid u) {
      return "UUID";
    }

    @Override
    public String bool(ColumnGen.Bool b) {
      return String.format(Locale.ROOT, "true with probability %.2f", b.probability());
    }

    @Override
    public String constant(ColumnGen.Constant k) {
      return "constant " + k.value();
    }

    @Override
    public String foreignKey(ColumnGen.ForeignKey fk) {
      return "foreign key to " + fk.references();
    }

    @Override
    public String parent(ColumnGen.Parent p) {
      return "the parent row's " + p.references();
    }

    @Override
    public String childIndex(ColumnGen.ChildIndex c) {
      return "position among the parent's children";
    }

    @Override
    public String lookup(ColumnGen.Lookup l) {
      return "the " + l.column() + " of the row " + l.via() + " points to";
    }

    @Override
    public String childAggregate(ColumnGen.ChildAggregate a) {
      return a.function() + (a.column() == null ? "" : " of " + a.column()) + " over this row's " + a.table();
    }

    @Override
    public String expression(ColumnGen.Expression e) {
      return "expression " + e.expr();
    }
  };

  /**
   * What a strategy says about its values beyond the type: the listed values as an enum, numeric bounds, a
   * pattern, the range of dates; nothing for the strategies whose values the plan alone does not bound.
   */
  private static final class Constraints implements ColumnGen.Visitor<Void> {
    private final Plan plan;
    private final Column c;
    private final ObjectNode p;
    private final boolean nullable;

    Constraints(Plan plan, Column c, ObjectNode p, boolean nullable) {
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
      p.put("pattern", "^" + patternRegex(pat.pattern()) + "$");
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
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
