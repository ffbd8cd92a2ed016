package io.synthgen.expr;

import io.synthgen.plan.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Literals, names and CAST. Integer literals are int when they fit, else bigint; literals with a decimal point are
 * exact decimals (0.08 is decimal(2,2)); literals with an exponent (1e3) are double.
 */
final class Literals {

  private final Translator t;

  Literals(Translator t) {
    this.t = t;
  }

  /** The literal node for e, or null when e is not a literal. */
  Node literal(Expression e) {
    if (e instanceof LongValue l) {
      return integer(new BigInteger(l.getStringValue()));
    }
    if (e instanceof DoubleValue d) {
      return number(d.toString(), false);
    }
    if (e instanceof StringValue s) {
      if (s.getPrefix() != null && !s.getPrefix().isEmpty()) {
        return t.problem("string prefix in " + e + " is not supported; write a plain 'string'");
      }
      return new Const(DataType.STRING, s.getValue().replace("''", "'"));
    }
    if (e instanceof BooleanValue b) {
      return new Const(DataType.BOOLEAN, b.getValue());
    }
    if (e instanceof NullValue) {
      return Const.untypedNull();
    }
    if (e instanceof DateTimeLiteralExpression d) {
      String v = d.getValue();
      String text = v.length() >= 2 && v.startsWith("'") ? v.substring(1, v.length() - 1) : v;
      return typed(d.getType().name(), text);
    }
    return null;
  }

  /** -literal as a literal of the same type (so -5 stays int), or null when e is not a number literal. */
  Node negativeLiteral(Expression e) {
    if (e instanceof LongValue l) {
      return integer(new BigInteger(l.getStringValue()).negate());
    }
    if (e instanceof DoubleValue d) {
      return number(d.toString(), true);
    }
    return null;
  }

  private Node integer(BigInteger v) {
    if (v.bitLength() < 32) {
      return new Const(DataType.INT, v.longValue());
    }
    if (v.bitLength() < 64) {
      return new Const(DataType.BIGINT, v.longValue());
    }
    return t.problem("integer literal " + v + " is out of the bigint range");
  }

  private Node number(String text, boolean negate) {
    if (text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      BigDecimal b = new BigDecimal(text);
      b = negate ? b.negate() : b;
      int scale = Math.max(b.scale(), 0);
      int precision = Math.max(b.precision(), scale);
      if (precision <= DataType.MAX_DECIMAL_PRECISION && b.scale() >= 0) {
        return new Const(DataType.decimal(Math.max(precision, 1), scale), b.unscaledValue().longValueExact());
      }
    }
    double d = Double.parseDouble(text);
    return new Const(DataType.DOUBLE, negate ? -d : d);
  }

  /** DATE '...' and TIMESTAMP '...' literals. */
  private Node typed(String type, String text) {
    String ty = type.toLowerCase(Locale.ROOT);
    if (ty.equals("date")) {
      Long v = Formats.parseDate(text);
      return v != null ? new Const(DataType.DATE, v)
          : t.problem("DATE '" + text + "' is not a valid date; write DATE 'yyyy-MM-dd' with a year from 0001 to 9999");
    }
    if (ty.equals("timestamp")) {
      Long v = Formats.parseTimestamp(text);
      return v != null ? new Const(DataType.TIMESTAMP, v)
          : t.problem("TIMESTAMP '" + text + "' is not a valid timestamp; write TIMESTAMP 'yyyy-MM-dd HH:mm:ss' "
              + "with a year from 0001 to 9999");
    }
    return t.problem(type + " '" + text + "' literals are not supported; use DATE '...' or TIMESTAMP '...'");
  }

  Node cast(CastExpression c) {
    String typeText = c.getColDataType().toString();
    if (c.keyword == null && c.getLeftExpression() instanceof StringValue s && c.getColDataType().getDataType() != null
        && !typeText.contains("(") && (typeText.equalsIgnoreCase("date") || typeText.equalsIgnoreCase("timestamp"))) {
      return typed(typeText, s.getValue());
    }
    Node x = t.visit(c.getLeftExpression());
    DataType to = DataType.parse(typeText);
    if (to == null) {
      return t.problem("unknown type '" + typeText + "' in CAST; types are: " + DataType.ALLOWED);
    }
    if (x.failed()) {
      return x;
    }
    if (!Types.castable(x.type, to)) {
      String hint = x.type.kind() == DataType.Kind.DATE && to.isNumeric()
          ? "; use datediff(d, DATE '1970-01-01') for a day number or year(d), month(d), day(d)"
          : "";
      return t.problem("cannot CAST " + x.type + " AS " + to + hint);
    }
    return CastNode.of(x, to);
  }

  /** A same-table column or a {@code parent_table.column} lookup. */
  Node column(Column c) {
    String name = unquote(c.getColumnName());
    Table table = c.getTable();
    if (table == null || table.getName() == null) {
      return sameTable(name);
    }
    if (table.getFullyQualifiedName().contains(".") || table.getSchemaName() != null) {
      return t.problem("'" + c + "' has too many parts; write column or parent_table.column");
    }
    String parent = unquote(table.getName());
    DataType type = t.scope().parentColumnType(parent, name);
    if (type == null) {
      // names are matched ignoring case, as a same-table column is: the parent table, then its column
      ExprScope s = t.scope();
      String p = s.parentTables().stream().filter(parent::equalsIgnoreCase).findFirst().orElse(parent);
      String n = s.parentColumnNames(p).stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
      DataType found = s.parentColumnType(p, n);
      if (found != null) {
        parent = p;
        name = n;
        type = found;
      }
    }
    if (type == null) {
      ExprScope s = t.scope();
      List<String> parents = s.parentTables();
      if (!parents.isEmpty() && !parents.contains(parent)) {
        return t.problem("unknown parent table '" + parent + "' in '" + parent + "." + name + "';"
            + Suggest.didYouMean(parent, parents) + " this table's foreign keys reach: " + String.join(", ", parents));
      }
      List<String> cols = s.parentColumnNames(parent);
      if (!cols.isEmpty()) {
        return t.problem("unknown column '" + name + "' in parent table '" + parent + "';"
            + Suggest.didYouMean(name, cols) + " its columns are: " + String.join(", ", cols));
      }
      return t.problem("unknown parent column '" + parent + "." + name + "': this table has no foreign key to '"
          + parent + "' or '" + parent + "' has no column '" + name + "'");
    }
    String ref = parent + "." + name;
    t.reference(ref);
    return new ColumnRef(ref, type, t.scope().foreignKeyTo(parent));
  }

  private Node sameTable(String name) {
    ExprScope s = t.scope();
    DataType type = s.columnType(name);
    String canonical = name;
    if (type == null) {
      for (String c : s.columnNames()) {
        if (c.equalsIgnoreCase(name)) {
          canonical = c;
          type = s.columnType(c);
          break;
        }
      }
    }
    if (type == null) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (Functions.ALL.containsKey(lower)) {
        return t.problem("unknown column '" + name + "'; to call the function write " + lower + "(...)");
      }
      String reason = Predicates.forbidden(lower);
      if (reason != null) {
        return t.problem(reason);
      }
      return t.problem("unknown column '" + name + "';" + Suggest.didYouMean(name, s.columnNames())
          + " columns are: " + String.join(", ", s.columnNames()));
    }
    t.reference(canonical);
    return new ColumnRef(canonical, type);
  }

  /** An identifier without its `backticks`, "double quotes" or [brackets]. */
  static String unquote(String id) {
    if (id.length() >= 2) {
      char a = id.charAt(0);
      char b = id.charAt(id.length() - 1);
      if ((a == '`' && b == '`') || (a == '"' && b == '"') || (a == '[' && b == ']')) {
        return id.substring(1, id.length() - 1);
      }
    }
    return id;
  }
}
