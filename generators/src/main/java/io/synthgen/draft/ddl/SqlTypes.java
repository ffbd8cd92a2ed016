package io.synthgen.draft.ddl;

import io.synthgen.draft.ddl.SqlLexer.Kind;
import io.synthgen.draft.ddl.SqlLexer.Token;
import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.TypeRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL column types of Spark/Databricks, PostgreSQL, MySQL and Snowflake mapped to plan types (the table is in
 * docs/from-ddl.md). Narrow integers keep their range as bounds, strings their length, decimals their precision
 * and scale (precision above 18 is narrowed to 18 with a note), ENUM and SET their members. Types with no plan
 * type (binary, JSON, arrays, maps, structs, intervals, times of day, geometry) are refused with a fix.
 */
final class SqlTypes {

  private static final String TO_STRING = "change the column's type to a string type (VARCHAR, STRING, TEXT) to "
      + "generate text, or leave the column out of the DDL";

  private SqlTypes() {
  }

  /** The type written by {@code tokens} (the words, an argument list, {@code <...>} or {@code []}). */
  static SqlType map(List<Token> tokens) {
    return map(tokens, 0);
  }

  /**
   * As {@link #map(List)}, where a DECIMAL or NUMERIC without precision means DECIMAL({@code barePrecision},0), as in
   * MySQL and Spark (10) or Snowflake (38); 0 for PostgreSQL's unconstrained NUMERIC (decimal(18,2) assumed).
   */
  static SqlType map(List<Token> tokens, int barePrecision) {
    List<String> words = new ArrayList<>();
    List<String> args = null;
    boolean generic = false;
    boolean array = false;
    int depth = 0;
    List<String> cur = null;
    StringBuilder arg = new StringBuilder();
    for (Token t : tokens) {
      if (t.isPunct("<")) {
        generic = true;
      }
      if (t.isPunct("[")) {
        array = true;
      }
      if (t.isPunct("(")) {
        depth++;
        if (depth == 1 && args == null) {
          cur = new ArrayList<>();
          arg.setLength(0);
        }
        continue;
      }
      if (t.isPunct(")")) {
        depth--;
        if (depth == 0 && cur != null) {
          cur.add(arg.toString().strip());
          args = cur;
          cur = null;
        }
        continue;
      }
      if (depth > 0) {
        if (cur != null && depth == 1 && t.isPunct(",")) {
          cur.add(arg.toString().strip());
          arg.setLength(0);
        } else if (cur != null) {
          arg.append(t.kind() == Kind.STRING ? t.value() : t.text());
        }
        continue;
      }
      if (t.kind() == Kind.WORD && !generic && !array) {
        words.add(t.text().toUpperCase(Locale.ROOT));
      }
    }
    String sql = String.join(" ", words) + (args == null ? "" : "(" + String.join(",", args) + ")")
        + (generic ? "<...>" : "") + (array ? "[]" : "");
    if (array || generic) {
      return SqlType.unsupported(sql, "arrays, maps and structs have no plan type", TO_STRING);
    }
    boolean unsigned = words.remove("UNSIGNED");
    words.remove("ZEROFILL");
    words.remove("SIGNED");
    String base = String.join(" ", words);
    List<String> a = args == null ? List.of() : args;
    if (a.isEmpty() && barePrecision > 0 && (base.equals("DECIMAL") || base.equals("NUMERIC") || base.equals("DEC")
        || base.equals("FIXED"))) {
      SqlType t = decimal(sql, base, List.of(String.valueOf(barePrecision)), unsigned);
      return t.withNote(base + " without precision is " + base + "(" + barePrecision + ",0) in this dialect");
    }
    return map(sql, base, a, unsigned);
  }

  private static SqlType map(String sql, String base, List<String> args, boolean unsigned) {
    switch (base) {
      case "TINYINT": case "INT1":
        if (args.equals(List.of("1"))) {
          return SqlType.of(sql, DataType.BOOLEAN).withNote("TINYINT(1) read as a boolean, as MySQL does");
        }
        return SqlType.of(sql, DataType.INT).withRange(unsigned ? 0d : -128d, unsigned ? 255d : 127d);
      case "BYTE":
        return SqlType.of(sql, DataType.INT).withRange(-128d, 127d);
      case "SMALLINT": case "INT2": case "SHORT": case "SMALLSERIAL": case "SERIAL2":
        return SqlType.of(sql, DataType.INT).withRange(unsigned || base.contains("SERIAL") ? 0d : -32768d,
            unsigned ? 65535d : 32767d);
      case "MEDIUMINT":
        return SqlType.of(sql, DataType.INT).withRange(unsigned ? 0d : -8388608d, unsigned ? 16777215d : 8388607d);
      case "INT": case "INTEGER": case "INT4": case "SERIAL": case "SERIAL4":
        return unsigned ? SqlType.of(sql, DataType.BIGINT).withRange(0d, 4294967295d)
            : base.contains("SERIAL") ? SqlType.of(sql, DataType.INT).withRange(1d, (double) Integer.MAX_VALUE)
            : SqlType.of(sql, DataType.INT);
      case "BIGINT": case "INT8": case "LONG": case "BIGSERIAL": case "SERIAL8":
        return unsigned || base.contains("SERIAL") ? SqlType.of(sql, DataType.BIGINT).withRange(unsigned ? 0d : 1d,
            null) : SqlType.of(sql, DataType.BIGINT);
      case "NUMBER": case "NUMERIC": case "DECIMAL": case "DEC": case "FIXED":
        return decimal(sql, base, args, unsigned);
      case "MONEY":
        return SqlType.of(sql, DataType.decimal(18, 2));
      case "FLOAT": case "FLOAT4": case "FLOAT8": case "REAL": case "DOUBLE": case "DOUBLE PRECISION":
        if (args.size() == 2 && integer(args.get(0)) != null && integer(args.get(1)) != null
            && integer(args.get(1)) <= integer(args.get(0)) && integer(args.get(0)) <= 18) {
          // MySQL's DOUBLE(p,s): p digits, s of them decimals, values rounded to s places
          int p = integer(args.get(0));
          int sc = integer(args.get(1));
          double m = Math.pow(10, p - sc) - Math.pow(10, -sc);
          m = new BigDecimal(m).setScale(sc, java.math.RoundingMode.HALF_UP).doubleValue();
          return SqlType.of(sql, DataType.DOUBLE).withRange(unsigned ? 0d : -m, m).withScale(sc);
        }
        return unsigned ? SqlType.of(sql, DataType.DOUBLE).withRange(0d, null)
            : SqlType.of(sql, DataType.DOUBLE);
      case "BOOLEAN": case "BOOL":
        return SqlType.of(sql, DataType.BOOLEAN);
      case "BIT":
        return args.isEmpty() || args.equals(List.of("1")) ? SqlType.of(sql, DataType.BOOLEAN)
            : SqlType.unsupported(sql, "bit strings have no plan type", TO_STRING);
      case "DATE":
        return SqlType.of(sql, DataType.DATE);
      case "YEAR":
        return SqlType.of(sql, DataType.INT).withRange(1901d, 2155d);
      case "TIMESTAMP": case "TIMESTAMPTZ": case "TIMESTAMP WITH TIME ZONE": case "TIMESTAMP WITHOUT TIME ZONE":
      case "TIMESTAMP WITH LOCAL TIME ZONE": case "TIMESTAMP_NTZ": case "TIMESTAMP_LTZ": case "TIMESTAMP_TZ":
      case "DATETIME": case "DATETIME2": case "SMALLDATETIME":
        return SqlType.of(sql, DataType.TIMESTAMP).withNote(base.equals("TIMESTAMP") || base.equals("DATETIME")
            || base.endsWith("WITHOUT TIME ZONE") || base.equals("TIMESTAMP_NTZ") ? null
            : "generated as UTC timestamps");
      case "UUID": case "UNIQUEIDENTIFIER":
        return SqlType.of(sql, DataType.STRING).withLength(36).asUuid();
      case "ENUM": case "SET":
        if (args.isEmpty()) {
          return SqlType.unsupported(sql, base + " without members", "list the members: ENUM('a', 'b')");
        }
        SqlType e = SqlType.of(sql, DataType.STRING).withValues(args);
        return base.equals("SET") ? e.withNote("SET: one member per row") : e;
      case "STRING": case "TEXT": case "TINYTEXT": case "MEDIUMTEXT": case "LONGTEXT": case "CLOB": case "NTEXT":
      case "VARCHAR": case "CHARACTER VARYING": case "CHAR VARYING": case "NVARCHAR": case "NVARCHAR2":
      case "VARCHAR2": case "NATIONAL CHARACTER VARYING": case "CHAR": case "CHARACTER": case "NCHAR":
      case "NATIONAL CHARACTER": case "BPCHAR": case "CITEXT": case "NAME":
        return text(sql, base, args);
      default:
        return unknown(sql, base);
    }
  }

  private static SqlType text(String sql, String base, List<String> args) {
    SqlType s = SqlType.of(sql, DataType.STRING);
    Integer n = args.isEmpty() ? base.equals("TINYTEXT") ? Integer.valueOf(255)
        : base.equals("CHAR") || base.equals("CHARACTER") || base.equals("NCHAR") ? Integer.valueOf(1) : null
        : integer(args.get(0));
    if (n != null && n < 1) {
      return SqlType.unsupported(sql, "a string type of length " + n, "give a length of 1 or more");
    }
    return n == null || n >= TypeRange.MAX_STRING_LENGTH ? s : s.withLength(n);
  }

  private static SqlType decimal(String sql, String base, List<String> args, boolean unsigned) {
    Integer p = args.isEmpty() ? null : integer(args.get(0));
    Integer sc = args.size() < 2 ? Integer.valueOf(0) : integer(args.get(1));
    if (!args.isEmpty() && (p == null || sc == null || p < 1 || sc < 0 || sc > p)) {
      return SqlType.unsupported(sql, "precision and scale must be whole numbers with 0 <= scale <= precision",
          "write " + base + "(12,2)");
    }
    SqlType t;
    if (p == null) {
      t = base.equals("NUMBER") ? SqlType.of(sql, DataType.BIGINT).withNote("NUMBER without precision is an integer "
          + "(NUMBER(38,0)); generated as bigint")
          : SqlType.of(sql, DataType.decimal(18, 2)).withNote(base + " without precision: decimal(18,2) assumed");
    } else if (sc == 0) {
      t = p <= 9 ? SqlType.of(sql, DataType.INT) : SqlType.of(sql, DataType.BIGINT);
      if (p <= 18) {
        double m = Math.pow(10, p) - 1;
        t = t.withRange(-m, m);
      }
    } else if (p <= DataType.MAX_DECIMAL_PRECISION) {
      t = SqlType.of(sql, DataType.decimal(p, sc));
    } else {
      int s2 = Math.min(sc, DataType.MAX_DECIMAL_PRECISION - 1);
      t = SqlType.of(sql, DataType.decimal(DataType.MAX_DECIMAL_PRECISION, s2)).withNote(base + "(" + p + "," + sc
          + ") narrowed to decimal(18," + s2 + "), the widest decimal a plan holds");
    }
    if (unsigned) {
      t = t.withRange(0d, t.hi());
    }
    return t;
  }

  private static SqlType unknown(String sql, String base) {
    switch (base) {
      case "BYTEA": case "BLOB": case "TINYBLOB": case "MEDIUMBLOB": case "LONGBLOB": case "BINARY": case "VARBINARY":
      case "IMAGE":
        return SqlType.unsupported(sql, "binary types have no plan type", TO_STRING);
      case "JSON": case "JSONB": case "VARIANT": case "OBJECT": case "ARRAY": case "MAP": case "STRUCT": case "XML":
      case "HSTORE":
        return SqlType.unsupported(sql, "semi-structured types have no plan type", TO_STRING);
      case "TIME": case "TIMETZ": case "TIME WITH TIME ZONE": case "TIME WITHOUT TIME ZONE": case "INTERVAL":
        return SqlType.unsupported(sql, "times of day and intervals have no plan type",
            "use TIMESTAMP for a point in time, an integer number of seconds for a duration, or a string type");
      case "GEOGRAPHY": case "GEOMETRY": case "POINT": case "POLYGON": case "INET": case "CIDR": case "MACADDR":
        return SqlType.unsupported(sql, "this type has no plan type", TO_STRING);
      default:
        return SqlType.unsupported(sql, "unknown type", "use one of the types listed in docs/from-ddl.md (BIGINT, "
            + "INT, SMALLINT, DECIMAL(p,s), DOUBLE, VARCHAR(n), STRING, BOOLEAN, DATE, TIMESTAMP, ...)");
    }
  }

  private static Integer integer(String s) {
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
