package io.synthgen.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
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
    c.gen().accept(new SchemaConstraints(plan, c, p, nullable));
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

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
