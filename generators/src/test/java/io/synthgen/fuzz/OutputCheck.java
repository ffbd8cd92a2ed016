package io.synthgen.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Shaped;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.testing.Duck;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The independent check of a run's output: DuckDB reads the Parquet files the manifest lists and compares them with
 * the plan. Row counts (DuckDB, manifest and plan agree), the Parquet type of every column, values inside the declared
 * type and strategy bounds (decimal precision, integer bounds not pinned at the type's limit, dates in 0001..9999, no
 * NaN or infinity unless an expression can make them), foreign-key closure, nulls only where the plan allows them,
 * unique and non-null primary keys.
 */
final class OutputCheck {

  /** The dates Spark, Delta and the plan format share: years 1 to 9999. */
  static final int MIN_YEAR = 1;
  static final int MAX_YEAR = 9999;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ResolvedPlan plan;
  private final Path dir;
  private final Duck duck;

  private OutputCheck(ResolvedPlan plan, Path dir, Duck duck) {
    this.plan = plan;
    this.dir = dir;
    this.duck = duck;
  }

  static void check(ResolvedPlan plan, Path dir) throws Exception {
    try (Duck duck = new Duck()) {
      new OutputCheck(plan, dir, duck).run();
    }
  }

  private void run() throws Exception {
    JsonNode manifest = MAPPER.readTree(dir.resolve("manifest.json").toFile());
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode t : manifest.path("tables")) {
      byName.put(t.path("name").asText(), t);
    }
    for (ResolvedTable t : plan.tables()) {
      JsonNode m = byName.get(t.name());
      fail(m == null, t.name(), "the manifest has no entry for the table");
      view(t, m);
    }
    for (ResolvedTable t : plan.tables()) {
      JsonNode m = byName.get(t.name());
      long rows = duck.count("SELECT count(*) FROM " + q(t.name()));
      fail(rows != m.path("rows").asLong(), t.name(), "DuckDB reads " + rows + " rows, the manifest says "
          + m.path("rows").asLong());
      fail(rows != t.rows(), t.name(), "DuckDB reads " + rows + " rows, the resolved plan says " + t.rows());
      if (t.spec().perParent() == null) {
        fail(rows != t.spec().rows(), t.name(), "DuckDB reads " + rows + " rows, the plan says " + t.spec().rows());
      }
      types(t);
      for (ResolvedColumn c : t.outputColumns()) {
        column(t, c, rows);
      }
    }
  }

  private void view(ResolvedTable t, JsonNode m) throws Exception {
    List<String> files = new ArrayList<>();
    for (JsonNode f : m.path("files")) {
      files.add("'" + dir.resolve(f.path("path").asText()).toString().replace("'", "''") + "'");
    }
    if (files.isEmpty()) {
      fail(t.rows() != 0, t.name(), "no files for " + t.rows() + " rows");
      StringBuilder cols = new StringBuilder();
      for (ResolvedColumn c : t.outputColumns()) {
        cols.append(cols.length() == 0 ? "" : ", ").append("NULL::").append(duckType(c.spec().type()))
            .append(" AS ").append(q(c.name()));
      }
      duck.exec("CREATE OR REPLACE VIEW " + q(t.name()) + " AS SELECT " + cols + " WHERE false");
      return;
    }
    duck.exec("CREATE OR REPLACE VIEW " + q(t.name()) + " AS SELECT * FROM read_parquet([" + String.join(", ", files)
        + "])");
  }

  private void types(ResolvedTable t) throws Exception {
    List<List<String>> described = duck.rows("DESCRIBE SELECT * FROM " + q(t.name()));
    List<ResolvedColumn> cols = t.outputColumns();
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (ResolvedColumn c : cols) {
      expected.add(c.name() + " " + duckType(c.spec().type()));
    }
    for (List<String> r : described) {
      actual.add(r.get(0) + " " + r.get(1));
    }
    fail(!expected.equals(actual), t.name(), "Parquet columns " + actual + ", the plan says " + expected);
  }

  static String duckType(DataType t) {
    switch (t.kind()) {
      case BIGINT: return "BIGINT";
      case INT: return "INTEGER";
      case DOUBLE: return "DOUBLE";
      case DECIMAL: return "DECIMAL(" + t.precision() + "," + t.scale() + ")";
      case STRING: return "VARCHAR";
      case BOOLEAN: return "BOOLEAN";
      case DATE: return "DATE";
      case TIMESTAMP: return "TIMESTAMP";
    }
    throw new IllegalArgumentException("no DuckDB type for " + t);
  }

  private void column(ResolvedTable t, ResolvedColumn rc, long rows) throws Exception {
    Column c = rc.spec();
    String col = q(c.name());
    String from = " FROM " + q(t.name());
    String where = t.name() + "." + c.name();
    DataType type = c.type();
    long nonNull = duck.count("SELECT count(" + col + ")" + from);
    boolean mayBeNull = c.nullRate() > 0 || c.gen().mayDeriveNull();
    fail(nonNull < rows && !mayBeNull, where, (rows - nonNull) + " NULLs, but the plan has no null_rate and the "
        + c.gen().strategy() + " strategy makes none");
    boolean key = c.name().equals(t.spec().primaryKey());
    if (key) {
      fail(nonNull != rows, where, "primary key with NULLs");
    }
    if (key || c.unique()) {
      long distinct = duck.count("SELECT count(DISTINCT " + col + ")" + from);
      fail(distinct != nonNull, where, "unique column with " + (nonNull - distinct) + " duplicates");
    }
    if (nonNull == 0) {
      return;
    }
    boolean derived = c.gen() instanceof ColumnGen.Expression || c.gen() instanceof ColumnGen.Lookup
        || c.gen() instanceof ColumnGen.ChildAggregate;
    if (type.kind() == DataType.Kind.DOUBLE) {
      long odd = duck.count("SELECT count(*)" + from + " WHERE isnan(" + col + ") OR isinf(" + col + ")");
      fail(odd > 0 && !derived, where, odd + " NaN or infinite values from a " + c.gen().strategy() + " column");
      if (odd > 0) {
        return;
      }
    }
    if (type.isNumeric()) {
      List<String> mm = duck.rows("SELECT min(" + col + ")::VARCHAR, max(" + col + ")::VARCHAR" + from).get(0);
      BigDecimal min = new BigDecimal(mm.get(0));
      BigDecimal max = new BigDecimal(mm.get(1));
      numbers(where, c, min, max);
    }
    if (type.isTemporal()) {
      long out = duck.count("SELECT count(*)" + from + " WHERE year(" + col + ") < " + MIN_YEAR + " OR year(" + col
          + ") > " + MAX_YEAR);
      fail(out > 0, where, out + " values outside the years " + MIN_YEAR + " to " + MAX_YEAR);
    }
    // DuckDB's SQL text cannot hold a NUL character: such values are left to the run's own validator
    if (c.gen() instanceof ColumnGen.Values v && (type.kind() == DataType.Kind.STRING || type.isIntegral()
        || type.kind() == DataType.Kind.BOOLEAN) && v.values().stream().noneMatch(o -> String.valueOf(o)
        .indexOf('\u0000') >= 0)) {
      List<String> lits = new ArrayList<>();
      for (Object o : v.values()) {
        lits.add("'" + String.valueOf(o).replace("'", "''") + "'");
      }
      long stray = duck.count("SELECT count(*)" + from + " WHERE " + col + " IS NOT NULL AND " + col
          + "::VARCHAR NOT IN (" + String.join(", ", lits) + ")");
      fail(stray > 0, where, stray + " values that are not among the plan's values");
    }
    if (c.gen() instanceof ColumnGen.ForeignKey fk) {
      closure(t, c, fk.references());
    } else if (c.gen() instanceof ColumnGen.Parent p) {
      closure(t, c, p.references());
    }
  }

  private void numbers(String where, Column c, BigDecimal min, BigDecimal max) {
    DataType type = c.type();
    if (type.kind() == DataType.Kind.DECIMAL) {
      BigDecimal limit = BigDecimal.TEN.pow(type.precision() - type.scale());
      fail(min.abs().compareTo(limit) >= 0 || max.abs().compareTo(limit) >= 0, where, "values " + min + " .. " + max
          + " do not fit " + type + " (|v| < " + limit + ")");
    }
    BigDecimal unit = type.isIntegral() ? BigDecimal.ONE
        : type.kind() == DataType.Kind.DECIMAL ? BigDecimal.ONE.movePointLeft(type.scale()) : null;
    Double lo = null;
    Double hi = null;
    if (c.gen() instanceof ColumnGen.Uniform u) {
      lo = u.min();
      hi = u.max();
    } else if (c.gen() instanceof ColumnGen.Dist d) {
      Shaped s = d.shaped();
      lo = s.min();
      hi = s.max();
      pinned(where, type, min, max, lo, hi);
    } else {
      return;
    }
    if (lo != null && Double.isFinite(lo)) {
      BigDecimal bound = new BigDecimal(lo);
      BigDecimal slack = unit != null ? unit : bound.abs().multiply(new BigDecimal("1e-9"));
      fail(min.compareTo(bound.subtract(slack)) < 0, where, "smallest value " + min + " is below the plan's min "
          + lo);
    }
    if (hi != null && Double.isFinite(hi)) {
      BigDecimal bound = new BigDecimal(hi);
      BigDecimal slack = unit != null ? unit : bound.abs().multiply(new BigDecimal("1e-9"));
      fail(max.compareTo(bound.add(slack)) > 0, where, "largest value " + max + " is above the plan's max " + hi);
    }
  }

  /** A draw that lands on the integer type's limit where the plan set no clamp there was saturated silently. */
  private static void pinned(String where, DataType type, BigDecimal min, BigDecimal max, Double lo, Double hi) {
    if (!type.isIntegral()) {
      return;
    }
    BigDecimal typeMin = BigDecimal.valueOf(type.kind() == DataType.Kind.INT ? Integer.MIN_VALUE : Long.MIN_VALUE);
    BigDecimal typeMax = BigDecimal.valueOf(type.kind() == DataType.Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE);
    fail(min.compareTo(typeMin) == 0 && (lo == null || new BigDecimal(lo).compareTo(typeMin) != 0), where,
        "values pinned at the " + type + " minimum " + typeMin);
    fail(max.compareTo(typeMax) == 0 && (hi == null || new BigDecimal(hi).compareTo(typeMax) != 0), where,
        "values pinned at the " + type + " maximum " + typeMax);
  }

  private void closure(ResolvedTable t, Column c, String references) throws Exception {
    int dot = references.indexOf('.');
    String parent = references.substring(0, dot);
    String key = references.substring(dot + 1);
    ResolvedTable p = plan.table(parent);
    if (p.outputColumns().stream().noneMatch(pc -> pc.name().equals(key))) {
      return; // a hidden parent key is never written, so there is nothing to join with
    }
    long orphans = duck.count("SELECT count(*) FROM " + q(t.name()) + " c WHERE c." + q(c.name())
        + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + q(parent) + " p WHERE p." + q(key) + " = c."
        + q(c.name()) + ")");
    fail(orphans > 0, t.name() + "." + c.name(), orphans + " values not present in " + references
        + " (" + p.rows() + " parent rows)");
  }

  private static String q(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static void fail(boolean failed, String where, String what) {
    if (failed) {
      throw new AssertionError("accepted plan, wrong output: " + where + ": " + what);
    }
  }
}
