package io.synthgen.server.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.PlanRenderer;
import io.synthgen.draft.Tiers;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.series.TableRole;
import io.synthgen.server.catalog.GenerationEstimate;
import io.synthgen.server.catalog.WarehouseGeneration;
import io.synthgen.server.plan.PlanVersion;
import io.synthgen.server.plan.StoredPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How stored plans are shown: the engine that really runs them, where a run goes, the structured view and the
 * rendered Generation Plan. {@code outputDir} is where a full run of the version writes (the tools work it out
 * inside the output root, {@code PlanChecks.outputDir}).
 */
public final class PlanViews {

  private PlanViews() {
  }

  private static String engine(Tiers.Decision d) {
    if (d.inWarehouse()) {
      return "Spark SQL compiled from the plan, run in the Databricks SQL warehouse (the local engine's values, "
          + "cell for cell)";
    }
    String base = "synthgen local engine";
    if (d.tier() == 1) {
      return base;
    }
    return base + " (this machine generates the rows; to generate Tier " + d.tier() + " inside Databricks, write "
        + "to Unity Catalog or export the plan as a notebook)";
  }

  /** The tier decision, its Compute line naming the engine that will really run, with an estimate in a warehouse. */
  private static Tiers.Decision decision(PlanVersion v, ResolvedPlan r) {
    Tiers.Decision d = Tiers.decide(r.totalRows(), v.plan().destination(), v.requestedTier());
    if (!d.inWarehouse()) {
      return d;
    }
    Optional<String> not = WarehouseGeneration.unsupported(v.plan());
    if (not.isPresent()) {
      return d.uploaded(not.get());
    }
    GenerationEstimate e = GenerationEstimate.of(r);
    return d.inWarehouse(null, true, e.rows(), e.bytes());
  }

  /** Where the plan's run goes, in words: the folder and format, or the Unity Catalog schema. */
  public static String output(Plan plan, Path outputDir, Tiers.Decision decision) {
    Destination d = plan.destination();
    if (d != null && d.kind() == Destination.Kind.UNITY_CATALOG && decision.inWarehouse()) {
      return "`" + d.catalog() + "." + d.schema() + ".*` (Delta tables), generated in the SQL warehouse by "
          + "`write_to_uc`";
    }
    if (d != null && d.kind() == Destination.Kind.UNITY_CATALOG) {
      return "`" + d.catalog() + "." + d.schema() + ".*` (Delta tables), published by `write_to_uc` from a run "
          + "generated on this machine (the one `generate_full` writes to `" + outputDir + "/` when it is there)";
    }
    WriterOptions o = WriterOptions.of(d);
    String format = o.format().name().toLowerCase(Locale.ROOT);
    String comp = o.compression().name().toLowerCase(Locale.ROOT);
    return "`" + outputDir + "/` (" + format + ", " + comp + ")";
  }

  private static Map<String, Long> exactRows(ResolvedPlan r) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (ResolvedTable t : r.tables()) {
      m.put(t.name(), t.rows());
    }
    return m;
  }

  public static String render(StoredPlan p, PlanVersion v, ResolvedPlan r, Path outputDir) {
    Tiers.Decision d = decision(v, r);
    return PlanRenderer.markdown(v.plan(), new PlanRenderer.Context(p.id(), v.version(), d, engine(d),
        output(v.plan(), outputDir, d), exactRows(r), PredictionViews.of(r)));
  }

  /** The structured view every plan tool returns. */
  public static ObjectNode view(StoredPlan p, PlanVersion v, ResolvedPlan r, Path outputDir, String nextStep) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("plan_id", p.id());
    o.put("version", v.version());
    o.put("latest_version", p.latest().version());
    if (p.approval() != null) {
      o.put("approved_version", p.approval().version());
    } else {
      o.putNull("approved_version");
    }
    Tiers.Decision d = decision(v, r);
    ObjectNode tier = o.putObject("tier");
    tier.put("tier", d.tier());
    tier.put("reason", d.reason());
    tier.put("serverless", d.serverless());
    tier.put("compute", d.compute());
    o.put("engine", engine(d));
    o.put("output", output(v.plan(), outputDir, d));
    o.put("total_rows", r.totalRows());
    ArrayNode tables = o.putArray("tables");
    for (ResolvedTable t : r.tables()) {
      ObjectNode e = tables.addObject().put("name", t.name()).put("rows", t.rows())
          .put("columns", t.spec().columns().size());
      if (r.series() != null) {
        TableRole role = TableRole.of(t);
        e.put("role", role.label());
        e.put("output", t.spec().changeFeed() != null ? t.spec().changeFeed().name() : t.name());
      }
    }
    o.set("plan", PlanCodec.toJson(v.plan()));
    o.set("predictions", PredictionViews.json(r));
    ObjectNode res = o.putObject("resources");
    res.put("json", uri(p.id(), v.version(), "plan.json"));
    res.put("markdown", uri(p.id(), v.version(), "plan.md"));
    o.put("next_step", nextStep);
    return o;
  }

  public static String uri(String planId, int version, String leaf) {
    return "synthgen://plans/" + planId + "/v" + version + "/" + leaf;
  }

  public static String showAndAsk(StoredPlan p, PlanVersion v) {
    return "Show the person this plan in full and ask: \"looks good\" (then approve_plan " + p.id() + " version "
        + v.version() + "), \"sample\" (generate_sample), or what to change (revise_plan).";
  }
}
