package io.synthgen.server.tool;

import io.synthgen.draft.Tiers;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.validate.ExpectedRows;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.plan.validate.PlanValidator;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.server.config.Limits;
import io.synthgen.server.config.OutputPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How plans are checked before they are stored and run: the server's limits, the destination inside the output
 * root, the tier decision and resolution by the engine that really runs them.
 */
public final class PlanChecks {

  private PlanChecks() {
  }

  /** A plan ready to store: resolved, within limits, its destination allowed, its tier decided and written in. */
  public record Checked(Plan plan, ResolvedPlan resolved, Tiers.Decision decision) {
  }

  public static Checked check(Services s, Plan plan, int requestedTier) throws PlanException, ToolError {
    Limits limits = s.config().limits();
    List<Violation> over = limitProblems(limits, plan);
    if (!over.isEmpty()) {
      // the limits with the plan's own problems, in one answer (the validator checks at most PlanLimits' bounds)
      List<Violation> all = new ArrayList<>(over);
      all.addAll(PlanValidator.validate(plan, s.dictionaries()));
      throw new PlanException(all);
    }
    outputDir(s, plan);
    // the row limit from the plan alone (per-parent tables: their parents' rows times the mean count), before
    // resolution lays out every parent's children; the exact count is checked again after it
    PlanValidator.requireValid(plan);
    long expected = ExpectedRows.total(plan);
    if (expected > limits.maxRows()) {
      throw new ToolError("limit_rows", String.format(Locale.ROOT, "the plan makes about %,d rows in all; this "
          + "server allows at most %,d per plan", expected, limits.maxRows()), "lower the row counts (set_rows or "
          + "rows), or ask the operator to raise --max-rows");
    }
    // the tier from the expected rows, corrected below in the rare case that the exact counts fall on the other
    // side of a threshold
    Tiers.Decision d = Tiers.decide(expected, plan.destination(), requestedTier);
    // resolving validates the plan again, dictionary names included
    ResolvedPlan r = Resolver.resolve(withTier(plan, d.tier()));
    if (r.totalRows() > limits.maxRows()) {
      throw new ToolError("limit_rows", String.format(Locale.ROOT, "the plan has %,d rows in all; this server "
          + "allows at most %,d per plan", r.totalRows(), limits.maxRows()), "lower the row counts (set_rows or "
          + "rows), or ask the operator to raise --max-rows");
    }
    Tiers.Decision exact = Tiers.decide(r.totalRows(), plan.destination(), requestedTier);
    if (exact.tier() != d.tier()) {
      r = r.withTier(exact.tier());
    }
    return new Checked(r.plan(), r, exact);
  }

  /**
   * The plan's breaches of this server's limits on tables per plan and columns per table (hidden helpers
   * included), as violations to report with the plan's other problems. Work is linear in the number of tables
   * the plan holds, the columns of at most {@link PlanLimits#MAX_TABLES} of them counted.
   */
  public static List<Violation> limitProblems(Limits limits, Plan plan) {
    List<Violation> out = new ArrayList<>();
    List<Table> tables = plan.tables();
    if (tables.size() > limits.maxTables()) {
      out.add(new Violation("tables", tables.size() + " tables", "this server allows at most " + limits.maxTables()
          + " tables per plan", "drop tables (or split the plan in two), or ask the operator to raise --max-tables"));
    }
    for (int i = 0; i < Math.min(tables.size(), PlanLimits.MAX_TABLES); i++) {
      Table t = tables.get(i);
      if (t.columns().size() > limits.maxColumns()) {
        String name = t.name() == null ? "table " + i : t.name();
        out.add(new Violation("tables[" + i + "].columns", t.columns().size() + " columns", "this server allows "
            + "at most " + limits.maxColumns() + " columns per table (hidden helpers included)", "drop columns of "
            + name + ", or ask the operator to raise --max-columns"));
      }
    }
    return out;
  }

  private static Plan withTier(Plan p, int tier) {
    return new Plan(p.format(), p.name(), p.industry(), p.description(), p.seed(), p.referenceDate(), p.mainTable(),
        tier, p.destination(), p.tables(), p.series());
  }

  /** Where a full run of the plan writes: its local path inside the output root, or a staging folder for UC. */
  public static Path outputDir(Services s, Plan plan) throws ToolError {
    Destination d = plan.destination();
    Path root = s.config().outputRoot();
    Path dir;
    try {
      if (d == null) {
        dir = OutputPaths.resolve(root, plan.name());
      } else if (d.kind() == Destination.Kind.UNITY_CATALOG) {
        dir = OutputPaths.resolve(root, plan.name() + "_" + d.catalog() + "_" + d.schema());
      } else {
        dir = OutputPaths.resolve(root, d.path() == null ? plan.name() : d.path());
      }
    } catch (IllegalArgumentException e) {
      throw new ToolError("destination_outside_root", e.getMessage(),
          "set the destination to a folder inside the output root, e.g. {\"kind\": \"local\", \"path\": \""
              + plan.name() + "\"}");
    }
    // a run writes a folder: a file at the destination, or on the way to it, would fail the run
    for (Path p = dir; p != null && p.startsWith(root); p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new ToolError("destination_not_a_folder", root.relativize(p) + " in the output root is a file, so "
            + "a run cannot write the folder " + root.relativize(dir), "set the destination path to a folder "
            + "that does not exist yet or holds an earlier run, e.g. {\"kind\": \"local\", \"path\": \""
            + plan.name() + "\"}");
      }
    }
    return dir;
  }
}
