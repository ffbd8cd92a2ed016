package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Drafter;
import io.synthgen.draft.Revisions;
import io.synthgen.draft.ddl.DdlPlans;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.tool.PlanChecks;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.server.view.PlanViews;
import io.synthgen.template.Scaling;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * propose_plan: a plan from a template, from described tables or from DDL, with changes; stored as version 1.
 * The reference date is today by the server's clock. A Unity Catalog destination without catalog or schema is
 * completed by asking the person (elicitation) or refused with a request to ask them: never defaulted.
 */
final class ProposePlanTool extends ServiceTool {

  ProposePlanTool(Services services) {
    super("propose_plan", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    String template = call.string("template");
    JsonNode tables = call.args().get("tables");
    String ddl = call.string("ddl");
    int sources = (template == null ? 0 : 1) + (tables == null || tables.isNull() ? 0 : 1) + (ddl == null ? 0 : 1);
    if (sources != 1) {
      throw new ToolError("template_or_tables", sources == 0
          ? "give either template (an industry), tables (the person's own tables) or ddl (their CREATE TABLE statements)"
          : "give one of template, tables and ddl, not several",
          "call list_templates for the industries, describe the person's tables in tables, or pass their DDL in ddl");
    }
    LocalDate today = LocalDate.now(services.config().clock());
    long seed = call.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE, Plan.DEFAULT_SEED);
    long rows = call.whole("rows", 1, PlanLimits.MAX_ROWS, 0);
    int requestedTier = call.wholeInt("tier", 1, ToolCall.MAX_TIER, 0);
    Plan plan;
    String summary;
    if (template != null) {
      if (call.args().has("skews")) {
        throw new IllegalArgumentException("skews weigh the foreign keys of the person's own tables and are not "
            + "applied to a template; propose the template without skews, then change a foreign key's distribution "
            + "with revise_plan");
      }
      plan = services.template(template);
      if (call.args().has("only_tables")) {
        plan = Subsets.keep(plan, call.args().get("only_tables"));
      }
      summary = "proposed from the " + template + " template";
    } else if (ddl != null) {
      if (call.args().has("only_tables")) {
        throw new IllegalArgumentException("only_tables cuts a template; give only the tables you want in ddl");
      }
      plan = PlanCodec.fromJson(DdlPlans.draft(ddl, call.string("name"), call.args().get("skews"), today, seed),
          services.dictionaries());
      summary = "proposed from DDL with " + plan.tables().size() + " tables";
    } else {
      ObjectNode request = JsonNodeFactory.instance.objectNode();
      request.set("tables", tables);
      for (String f : new String[] {"name", "skews"}) {
        if (call.args().has(f)) {
          request.set(f, call.args().get(f));
        }
      }
      plan = PlanCodec.fromJson(Drafter.draft(request, today, seed), services.dictionaries());
      summary = "proposed from " + plan.tables().size() + " described tables";
    }
    if (rows > 0) {
      plan = Scaling.scale(plan, rows);
      summary += ", " + rows + " rows in " + plan.mainTable();
    }
    plan = new Plan(plan.format(), plan.name(), plan.industry(), plan.description(), seed, today, plan.mainTable(),
        plan.tier(), destination(call, plan), plan.tables());
    JsonNode changes = call.args().get("changes");
    if (changes != null && !changes.isNull()) {
      plan = Revisions.apply(plan, changes, services.dictionaries());
      summary += ", with " + changes.size() + (changes.size() == 1 ? " change" : " changes");
    }
    PlanChecks.Checked checked = PlanChecks.check(services, plan, requestedTier);
    StoredPlan stored = services.plans().create(call.owner(), checked.plan(), summary, requestedTier);
    services.remember(stored.id(), 1, checked.resolved());
    String next = PlanViews.showAndAsk(stored, stored.latest());
    Path out = PlanChecks.outputDir(services, checked.plan());
    ObjectNode view = PlanViews.view(stored, stored.latest(), checked.resolved(), out, next);
    return ToolResult.ok(view, PlanViews.render(stored, stored.latest(), checked.resolved(), out)
        + "\nNext: " + next);
  }

  /** The destination asked for, or the plan's own with its path set to the plan's name under the output root. */
  private Destination destination(ToolCall call, Plan plan) throws Exception {
    JsonNode d = call.args().get("destination");
    if (d == null || d.isNull()) {
      Destination own = plan.destination();
      return own == null || own.kind() != Destination.Kind.LOCAL ? Destination.local(plan.name())
          : own.withPath(plan.name());
    }
    ObjectNode dest = ((ObjectNode) d).deepCopy();
    if ("unity_catalog".equals(dest.path("kind").asText())
        && (!dest.hasNonNull("catalog") || !dest.hasNonNull("schema"))) {
      Map<String, Object> answer = askCatalogAndSchema(call, dest).orElseThrow(() -> new ToolError(
          "catalog_schema_needed", "a Unity Catalog destination needs a catalog and a schema, and synthgen never "
          + "picks them", "ask the person which catalog and schema to write to, then call propose_plan again with "
          + "destination.catalog and destination.schema"));
      answer.forEach((k, v) -> dest.put(k, String.valueOf(v)));
    }
    if ("local".equals(dest.path("kind").asText()) && !dest.hasNonNull("path")) {
      dest.put("path", plan.name());
    }
    // decoded by the plan codec (all its checks, paths under destination) inside a one-column stub plan
    ObjectNode stub = JsonNodeFactory.instance.objectNode();
    stub.put("format", Plan.FORMAT).put("name", "stub").put("seed", 1).put("reference_date", "2000-01-01");
    stub.set("destination", dest);
    stub.putArray("tables").addObject().put("name", "t").put("rows", 0).putArray("columns").addObject()
        .put("name", "c").put("type", "int").put("strategy", "constant").put("value", 1);
    return PlanCodec.fromJson(stub).destination();
  }

  private static Optional<Map<String, Object>> askCatalogAndSchema(ToolCall call, ObjectNode dest) {
    if (call.elicitation().isEmpty()) {
      return Optional.empty();
    }
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    var required = schema.putArray("required");
    for (String f : new String[] {"catalog", "schema"}) {
      if (!dest.hasNonNull(f)) {
        props.putObject(f).put("type", "string").put("title", "Unity Catalog " + f)
            .put("description", "The " + f + " to write the tables to (the schema is created if missing)");
        required.add(f);
      }
    }
    Optional<Map<String, Object>> answer = call.elicitation().get().ask(
        "Which Unity Catalog catalog and schema should the tables go to?", schema);
    return answer.map(a -> {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String f : new String[] {"catalog", "schema"}) {
        Object v = a.get(f);
        if (!dest.hasNonNull(f) && (v == null || String.valueOf(v).isBlank())) {
          return null;
        }
        if (v != null) {
          m.put(f, v);
        }
      }
      return m;
    });
  }
}
