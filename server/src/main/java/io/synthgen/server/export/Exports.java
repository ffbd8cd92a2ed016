package io.synthgen.server.export;

import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.JobRunsSql;
import io.synthgen.server.catalog.PublishSource;

/**
 * Exports a resolved plan: its compiled SQL as a SQL file, a notebook or a PySpark script. The command line, the
 * export_plan tool and write_to_uc's job engine all come here, so the three write the same statements.
 */
public final class Exports {

  /**
   * Characters an exported text may have to be returned by a tool (export_plan) rather than written by
   * {@code synthgen export}: about 100 KB, within what a client passes to a model at once. Large dictionaries and
   * many tables make long SELECTs; the command line has no such bound.
   */
  public static final int MAX_TOOL_CHARS = 100_000;

  private Exports() {
  }

  /** What to export and where its tables go. */
  public record Request(ExportFormat format, String catalog, String schema, Long batch) {
  }

  /**
   * The exported text.
   *
   * @param planId the stored plan's id and its version, or null (and 0) for a plan file or template
   * @param version synthgen's version, for the header
   */
  public static String export(ResolvedPlan resolved, String planId, int planVersion, Request req, String version)
      throws PlanException {
    return text(req.format(), script(resolved, planId, planVersion, req, version));
  }

  /**
   * The statements of an export.
   *
   * @throws PlanException for what the compiler cannot produce exactly (change feeds, history tables, ...), every
   *     problem at once
   * @throws IllegalArgumentException for a batch the plan does not have, or a catalog without a schema
   */
  public static ExportScript script(ResolvedPlan resolved, String planId, int planVersion, Request req,
      String version) throws PlanException {
    Plan exact = resolved.withExactRows();
    PublishSource src = new PublishSource(exact, Runs.planHash(exact), planId, planVersion, null);
    JobRunsSql names = new JobRunsSql(req.catalog(), req.schema(), src);
    Long batches = resolved.series() == null ? null : resolved.series().batches();
    Long batch = req.batch();
    if (batch != null && batches == null) {
      throw new IllegalArgumentException("plan " + exact.name() + " has no series, so it has no batch " + batch
          + "; export it without a batch, or add a \"series\" block to the plan");
    }
    if (batch != null && (batch < 0 || batch >= batches)) {
      throw new IllegalArgumentException("batch " + batch + " is outside the series of plan " + exact.name()
          + ", whose batches are 0.." + (batches - 1) + "; choose a batch in that range");
    }
    if (batch == null && batches != null) {
      batch = 0L;
    }
    return ExportScript.of(CompiledSql.of(resolved, batch), src, names, batch, batches, version);
  }

  /** synthgen's version, as the jar's manifest names it. */
  public static String version() {
    String v = Exports.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /** The script in a format. */
  public static String text(ExportFormat format, ExportScript script) {
    switch (format) {
      case SQL: return SqlFileText.render(script);
      case NOTEBOOK: return NotebookText.render(script);
      case PYSPARK: return PySparkText.render(script);
    }
    throw new IllegalStateException("no text for " + format);
  }
}
