package io.synthgen.draft.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;

/**
 * Drafts plans from DDL, runs them, and checks the output against the DDL itself with DuckDB: every NOT NULL column
 * without NULLs, every foreign key without orphans, every CHECK condition (its own SQL text, evaluated by DuckDB)
 * true on every row, every VARCHAR(n) within n characters.
 */
final class DdlRuns {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  private DdlRuns() {
  }

  /**
   * The smallest and largest value a numeric column's strategy draws (uniform bounds, a distribution's clamps,
   * numeric values), whichever strategy inference chose; fails for any other strategy.
   */
  static double[] range(io.synthgen.plan.Column c) {
    if (c.gen() instanceof io.synthgen.plan.ColumnGen.Uniform u) {
      return new double[] {u.min(), u.max()};
    }
    if (c.gen() instanceof io.synthgen.plan.ColumnGen.Dist d) {
      return new double[] {d.shaped().min() == null ? Double.NEGATIVE_INFINITY : d.shaped().min(),
          d.shaped().max() == null ? Double.POSITIVE_INFINITY : d.shaped().max()};
    }
    if (c.gen() instanceof io.synthgen.plan.ColumnGen.Values v) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (Object o : v.values()) {
        double x = ((Number) o).doubleValue();
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      return new double[] {lo, hi};
    }
    throw new AssertionError("not a numeric strategy with bounds: " + c);
  }

  static String resource(String name) {
    try (var in = DdlRuns.class.getResourceAsStream("/ddl/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Plan plan(String ddl) throws PlanException {
    return PlanCodec.fromJson(DdlPlans.draft(ddl, TODAY, 42), new HashSet<>(Dictionaries.standard().names()));
  }

  /** The tables as read from the DDL, references resolved (what the checks compare the output with). */
  static Map<String, DdlTable> model(String ddl) throws Exception {
    DdlIssues issues = new DdlIssues();
    ScriptReader r = ScriptReader.read(ddl, SqlLexer.statements(ddl), issues);
    for (DdlTable t : r.tables.values()) {
      Checks.apply(t, new SqlParsing(), issues);
    }
    Describer.describe(r.tables, r.skipped, issues);
    issues.throwIfAny();
    return r.tables;
  }

  /** Generates the plan drafted from {@code ddl} into {@code out} and checks every row against the DDL. */
  static Plan runAndCheck(String ddl, Path out) throws Exception {
    Plan plan = plan(ddl);
    Runs.generate(Resolver.resolve(plan), out, WriterOptions.parquetZstd(), new Engine(2, 4096), Progress.NONE,
        new Cancellation());
    Map<String, DdlTable> tables = model(ddl);
    try (Duck duck = new Duck()) {
      for (DdlTable t : tables.values()) {
        duck.view(t.name, out.resolve(t.name + ".parquet"));
      }
      for (DdlTable t : tables.values()) {
        long rows = duck.count("SELECT count(*) FROM " + t.name);
        assertEquals(plan.table(t.name).orElseThrow().rows(), rows, t.name + " rows");
        for (DdlColumn c : t.columns.values()) {
          String q = "\"" + c.name + "\"";
          if (c.notNull) {
            assertEquals(0, duck.count("SELECT count(*) FROM " + t.name + " WHERE " + q + " IS NULL"),
                t.name + "." + c.name + " is NOT NULL");
          }
          if (c.refTable != null && plan.table(t.name).orElseThrow().column(c.name).orElseThrow().nullRate() < 1) {
            assertEquals(0, duck.count("SELECT count(*) FROM " + t.name + " c WHERE c." + q + " IS NOT NULL AND NOT "
                + "EXISTS (SELECT 1 FROM " + c.refTable + " p WHERE p.\"" + c.refColumn + "\" = c." + q + ")"),
                t.name + "." + c.name + " has no orphans in " + c.refTable);
            assertTrue(duck.count("SELECT count(*) FROM " + t.name + " WHERE " + q + " IS NOT NULL") > 0,
                t.name + "." + c.name + " references rows");
          }
          Integer n = c.type.maxLength();
          if (n != null) {
            assertTrue(duck.count("SELECT coalesce(max(length(" + q + ")), 0) FROM " + t.name) <= n,
                t.name + "." + c.name + " fits VARCHAR(" + n + ")");
          }
          if (c.type.values() != null) {
            StringBuilder in = new StringBuilder();
            for (String v : c.type.values()) {
              in.append(in.length() == 0 ? "" : ", ").append("'").append(v.replace("'", "''")).append("'");
            }
            assertEquals(0, duck.count("SELECT count(*) FROM " + t.name + " WHERE " + q + " NOT IN (" + in + ")"),
                t.name + "." + c.name + " holds only its ENUM's members");
          }
          if (c.type.lo() != null && c.type.type().isNumeric()) {
            assertEquals(0, duck.count("SELECT count(*) FROM " + t.name + " WHERE " + q + " < " + c.type.lo()
                + (c.type.hi() == null ? "" : " OR " + q + " > " + c.type.hi())), t.name + "." + c.name
                + " within its type " + c.type.sql());
          }
        }
        for (DdlTable.Check check : t.checks) {
          assertEquals(0, duck.count("SELECT count(*) FROM " + t.name + " WHERE NOT coalesce(" + check.sql()
              + ", true)"), t.name + ": CHECK " + check.sql() + " holds on every row");
        }
      }
    }
    return plan;
  }
}
