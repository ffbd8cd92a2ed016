package io.synthgen.draft.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Drafter;
import io.synthgen.plan.PlanException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Plans from CREATE TABLE statements (Spark/Databricks, PostgreSQL, MySQL, Snowflake). The script is split and
 * pre-read with a small tokenizer ({@link SqlLexer}: dialect clauses JSqlParser does not take are captured or left
 * out, never rewritten with patterns over the whole text), parsed with JSqlParser under a time budget, turned into
 * the description {@link Drafter} takes (so inference fills what the DDL leaves open) and the drafted plan is then
 * made to keep the DDL's bounds and lengths ({@link Fitting}). Every problem of the script is reported at once, each
 * at its line; the mapping is documented in docs/from-ddl.md.
 */
public final class DdlPlans {

  private DdlPlans() {
  }

  /** The plan JSON (for {@code PlanCodec.fromJson}) drafted from {@code ddl}. */
  public static ObjectNode draft(String ddl, LocalDate referenceDate, long seed) throws PlanException {
    return draft(ddl, null, referenceDate, seed);
  }

  /** As {@link #draft(String, LocalDate, long)}, with the plan's name ({@code from_ddl} when null). */
  public static ObjectNode draft(String ddl, String name, LocalDate referenceDate, long seed) throws PlanException {
    return draft(ddl, name, null, referenceDate, seed);
  }

  /**
   * As {@link #draft(String, String, LocalDate, long)}, with the Drafter's {@code skews} (foreign keys weighted by a
   * parent's category, {@code [{table, column, by, weights}]}) applied to the tables of the DDL; null for none.
   */
  public static ObjectNode draft(String ddl, String name, JsonNode skews, LocalDate referenceDate, long seed)
      throws PlanException {
    DdlIssues issues = new DdlIssues();
    if (ddl != null && ddl.startsWith("\uFEFF")) {
      ddl = ddl.substring(1); // the byte order mark Windows editors put at the start of a UTF-8 file
    }
    if (ddl == null || ddl.isBlank()) {
      issues.add(1, null, "the DDL is empty", "give CREATE TABLE statements, e.g. CREATE TABLE customers "
          + "(customer_id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
      issues.throwIfAny();
    }
    if (ddl.length() > DdlLimits.MAX_DDL_LENGTH) {
      issues.add(1, String.format(Locale.ROOT, "%,d characters", ddl.length()), String.format(Locale.ROOT,
          "the DDL has more than %,d characters", DdlLimits.MAX_DDL_LENGTH), "give only the tables to generate, "
          + "without data (INSERT) or procedures");
      issues.throwIfAny();
    }
    List<SqlLexer.Statement> statements;
    try {
      statements = SqlLexer.statements(ddl);
    } catch (SqlLexer.LexException e) {
      issues.add(e.line, null, e.getMessage(), "close it");
      issues.throwIfAny();
      throw new IllegalStateException(e);
    }
    if (statements.size() > DdlLimits.MAX_STATEMENTS) {
      issues.add(statements.get(DdlLimits.MAX_STATEMENTS).line(), statements.size() + " statements",
          String.format(Locale.ROOT, "the DDL has more than %,d statements", DdlLimits.MAX_STATEMENTS),
          "give only the CREATE TABLE statements of the tables to generate");
      issues.throwIfAny();
    }
    ScriptReader script = ScriptReader.read(ddl, statements, issues);
    if (script.tables.isEmpty()) {
      if (issues.isEmpty()) {
        issues.add(1, null, "the DDL creates no table", "give CREATE TABLE statements");
      }
      issues.throwIfAny();
    }
    for (DdlTable t : script.tables.values()) {
      Checks.apply(t, script.parsing, issues);
    }
    Fitting.precheck(script.tables, issues);
    Describer.Result described = Describer.describe(script.tables, script.skipped, issues);
    if (name != null && !name.isBlank()) {
      described.description().put("name", name);
    }
    if (skews != null && !skews.isNull()) {
      described.description().set("skews", skews);
    }
    issues.throwIfAny();
    ObjectNode plan = Drafter.draft(described.description(), referenceDate, seed);
    Fitting.fit(plan, described.tables(), referenceDate, issues);
    issues.throwIfAny();
    return plan;
  }
}
