package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.PlanRenderer;
import io.synthgen.draft.Tiers;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.ExpectedRows;
import io.synthgen.plan.validate.PlanValidator;
import io.synthgen.resolve.Resolver;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.server.config.Limits;
import io.synthgen.server.config.OutputPaths;
import io.synthgen.server.plan.PlanStore;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How plans are checked before they are stored and shown after: limits, destinations, the tier decision, the engine
 * that really runs them, the structured view and the rendered Generation Plan.
 */
final class PlanViews {

  private PlanViews() {
  }

  /** A plan ready to store: resolved, within limits, its destination allowed, its tier decided and written in. */
  record Checked(Plan plan, ResolvedPlan resolved, Tiers.Decision decision) {
  }

  static Checked check(Services s, Plan plan, int requestedTier) throws PlanException, ToolError {
    Limits limits = s.config().limits();
    if (plan.tables().size() > limits.maxTables()) {
      throw new ToolError("limit_tables", "the plan has " + plan.tables().size() + " tables; this server allows at "
          + "most " + limits.maxTables() + " per plan", "drop tables (or split the plan in two), or ask the "
          + "operator to raise --max-tables");
    }
    for (Table t : plan.tables()) {
      if (t.columns().size() > limits.maxColumns()) {
        throw new ToolError("limit_columns", t.name() + " has " + t.columns().size() + " columns; this server "
            + "allows at most " + limits.maxColumns() + " per table", "drop columns of " + t.name()
            + ", or ask the operator to raise --max-columns");
      }
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

  private static Plan withTier(Plan p, int tier) {
    return new Plan(p.format(), p.name(), p.industry(), p.description(), p.seed(), p.referenceDate(), p.mainTable(),
        tier, p.destination(), p.tables());
  }

  /** Where a full run of the plan writes: its local path inside the output root, or a staging folder for UC. */
  static Path outputDir(Services s, Plan plan) throws ToolError {
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

  static String engine(int tier) {
    String base = "synthgen local engine";
    if (tier == 1) {
      return base;
    }
    return base + " (the workflow runs Tier " + tier + " on Databricks; synthgen has no warehouse executor yet, so "
        + "this machine generates the rows)";
  }

  static String output(Services s, Plan plan) throws ToolError {
    Destination d = plan.destination();
    Path dir = outputDir(s, plan);
    if (d != null && d.kind() == Destination.Kind.UNITY_CATALOG) {
      return "`" + d.catalog() + "." + d.schema() + ".*` (Delta tables), published by `write_to_uc` from a run "
          + "generated on this machine (the one `generate_full` writes to `" + dir + "/` when it is there)";
    }
    String format = d == null || d.format() == null ? "parquet" : d.format().name().toLowerCase(Locale.ROOT);
    String comp = d == null || d.compression() == null ? "zstd" : d.compression().name().toLowerCase(Locale.ROOT);
    return "`" + dir + "/` (" + format + ", " + comp + ")";
  }

  static Map<String, Long> exactRows(ResolvedPlan r) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (ResolvedTable t : r.tables()) {
      m.put(t.name(), t.rows());
    }
    return m;
  }

  static String render(Services s, StoredPlan p, PlanVersion v, ResolvedPlan r) throws ToolError {
    Tiers.Decision d = Tiers.decide(r.totalRows(), v.plan().destination(), v.requestedTier());
    return PlanRenderer.markdown(v.plan(), new PlanRenderer.Context(p.id(), v.version(), d, engine(d.tier()),
        output(s, v.plan()), exactRows(r)));
  }

  /** The structured view every plan tool returns. */
  static ObjectNode view(Services s, StoredPlan p, PlanVersion v, ResolvedPlan r, String nextStep) throws ToolError {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("plan_id", p.id());
    o.put("version", v.version());
    o.put("latest_version", p.latest().version());
    if (p.approval() != null) {
      o.put("approved_version", p.approval().version());
    } else {
      o.putNull("approved_version");
    }
    Tiers.Decision d = Tiers.decide(r.totalRows(), v.plan().destination(), v.requestedTier());
    ObjectNode tier = o.putObject("tier");
    tier.put("tier", d.tier());
    tier.put("reason", d.reason());
    tier.put("serverless", d.serverless());
    tier.put("compute", d.compute());
    o.put("engine", engine(d.tier()));
    o.put("output", output(s, v.plan()));
    o.put("total_rows", r.totalRows());
    ArrayNode tables = o.putArray("tables");
    for (ResolvedTable t : r.tables()) {
      tables.addObject().put("name", t.name()).put("rows", t.rows()).put("columns", t.spec().columns().size());
    }
    o.set("plan", PlanCodec.toJson(v.plan()));
    ObjectNode res = o.putObject("resources");
    res.put("json", uri(p.id(), v.version(), "plan.json"));
    res.put("markdown", uri(p.id(), v.version(), "plan.md"));
    o.put("next_step", nextStep);
    return o;
  }

  static String uri(String planId, int version, String leaf) {
    return "synthgen://plans/" + planId + "/v" + version + "/" + leaf;
  }

  static String showAndAsk(StoredPlan p, PlanVersion v) {
    return "Show the person this plan in full and ask: \"looks good\" (then approve_plan " + p.id() + " version "
        + v.version() + "), \"sample\" (generate_sample), or what to change (revise_plan).";
  }

  /** The store is a field of services; a helper for tools that only read. */
  static PlanStore store(Services s) {
    return s.plans();
  }
}
