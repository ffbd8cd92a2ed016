package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.Drafter;
import io.synthgen.draft.Revisions;
import io.synthgen.draft.SkewShares;
import io.synthgen.draft.ddl.DdlPlans;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.server.plan.StoredPlan;
import io.synthgen.server.source.PlanSources;
import io.synthgen.server.tool.PlanChecks;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import io.synthgen.server.view.PlanViews;
import io.synthgen.template.Recipes;
import io.synthgen.template.Scaling;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * propose_plan: a plan from a template, described tables, data or DDL, with changes; stored as version 1.
 * The reference date is today by the server's clock. A Unity Catalog destination without catalog or schema is
 * completed by asking the person (elicitation) or refused with a request to ask them: never defaulted.
 */
final class ProposePlanTool extends ServiceTool {

  ProposePlanTool(Services services) {
    super("propose_plan", services);
  }

  /** Where a plan comes from: exactly one of these arguments is given. */
  static final List<String> ORIGINS = List.of("template", "tables", "source", "ddl");

  /**
   * A plan drafted from one origin, how the summary of version 1 says where it came from, and for a plan from data
   * its source (recorded for compare_to_source; null otherwise).
   */
  private record Drafted(Plan plan, String summary, PlanSources.PlanSource source) {

    Drafted(Plan plan, String summary) {
      this(plan, summary, null);
    }
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    String origin = origin(call);
    LocalDate today = LocalDate.now(services.config().clock());
    long seed = call.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE, Plan.DEFAULT_SEED);
    long rows = call.whole("rows", 1, PlanLimits.MAX_ROWS, 0);
    int requestedTier = call.wholeInt("tier", 1, ToolCall.MAX_TIER, 0);
    Drafted drafted;
    try {
      drafted = switch (origin) {
        case "template" -> fromTemplate(call);
        case "tables" -> fromTables(call, today, seed);
        case "source" -> fromSource(call, today, seed);
        case "ddl" -> fromDdl(call, today, seed);
        default -> throw new IllegalStateException("no drafting for origin " + origin);
      };
    } catch (PlanException e) {
      // the destination's own problems go in the same answer
      List<Violation> all = new ArrayList<>(e.violations());
      all.addAll(destinationProblems(call));
      throw new PlanException(all);
    }
    Plan plan = drafted.plan();
    String summary = drafted.summary();
    if (rows > 0) {
      plan = Scaling.scale(plan, rows);
      summary += ", " + rows + " rows in " + plan.mainTable();
    }
    plan = new Plan(plan.format(), plan.name(), plan.industry(), plan.description(), seed, today, plan.mainTable(),
        plan.tier(), destination(call, plan), plan.tables(), plan.series());
    for (String recipe : recipes(call, origin)) {
      // after scaling: a recipe's rows per batch are fractions of the tables' rows
      plan = Recipes.apply(recipe, plan);
      summary += ", with the " + recipe + " recipe";
    }
    // own tables get the default series from the drafter (a description cannot carry one): said in a note
    Plan beforeChanges = origin.equals("tables") ? plan.withSeries(null) : plan;
    JsonNode changes = call.args().get("changes");
    if (changes != null && !changes.isNull()) {
      // target shares are solved again on the plan the changes make (Revisions)
      plan = Revisions.apply(plan, changes, services.dictionaries(),
          p -> PlanChecks.limitProblems(services.config().limits(), p));
      summary += ", with " + changes.size() + (changes.size() == 1 ? " change" : " changes");
    } else if (rows > 0) {
      plan = SkewShares.resolved(plan, services.dictionaries()); // the scaled rows move the parents' own shares
    }
    PlanChecks.Checked checked = PlanChecks.check(services, plan, requestedTier);
    StoredPlan stored = services.plans().create(call.owner(), checked.plan(), summary, requestedTier);
    if (drafted.source() != null) {
      PlanSources.write(services.config().stateDir(), stored.id(), drafted.source());
    }
    services.remember(stored.id(), 1, checked.resolved());
    String next = PlanViews.showAndAsk(stored, stored.latest());
    Path out = PlanChecks.outputDir(services, checked.plan());
    ObjectNode view = PlanViews.view(stored, stored.latest(), checked.resolved(), out, next);
    List<String> notes = RevisePlanTool.notes(beforeChanges, checked.plan(),
        changes == null || changes.isNull() ? JsonNodeFactory.instance.arrayNode() : changes);
    StringBuilder text = new StringBuilder();
    if (!notes.isEmpty()) {
      notes.forEach(view.putArray("notes")::add);
      notes.forEach(n -> text.append(n).append('\n'));
      text.append('\n');
    }
    return ToolResult.ok(view, text + PlanViews.render(stored, stored.latest(), checked.resolved(), out)
        + "\nNext: " + next);
  }

  /**
   * The template recipes asked for ({@code recipes: ["cdc", "quality"]}), each once, in the order given; refused
   * on a plan that is not made from a template (its tables are the person's: revise operations set the same).
   */
  private static List<String> recipes(ToolCall call, String origin) throws ToolError {
    JsonNode r = call.args().get("recipes");
    if (r == null || r.isNull()) {
      return List.of();
    }
    if (!origin.equals("template")) {
      throw new ToolError("invalid_argument", "recipes switch on an industry template's change feeds or defects, and "
          + "this plan is made from " + origin, "propose without recipes, then revise_plan with set_change_feed, "
          + "set_batch, add_history and set_series (change feeds) or add_defect (defects)");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      String name = r.get(i).asText();
      if (!Recipes.names().contains(name) || out.contains(name)) {
        throw new ToolError("invalid_argument", "recipes[" + i + "] is " + r.get(i) + (out.contains(name)
            ? ", given twice" : ", not a recipe"), "give each of " + String.join(", ", Recipes.names())
            + " at most once");
      }
      out.add(name);
    }
    return out;
  }

  /** The one origin argument given, or a mistake naming them all. */
  private static String origin(ToolCall call) throws ToolError {
    List<String> given = new ArrayList<>();
    for (String o : ORIGINS) {
      if (call.args().hasNonNull(o)) {
        given.add(o);
      }
    }
    if (given.size() != 1) {
      throw new ToolError("template_or_tables", given.isEmpty()
          ? "give either template (an industry), tables (the person's own tables), source (their data) or ddl "
              + "(their CREATE TABLE statements)"
          : "give one of " + String.join(", ", ORIGINS) + ", not several (here " + String.join(" and ", given) + ")",
          "call list_templates for the industries, describe the person's tables in tables, or name their files in "
          + "source.path or their Unity Catalog tables in source.table, or pass their DDL in ddl");
    }
    return given.get(0);
  }

  /** An industry template, or the tables of it that were asked for. */
  private Drafted fromTemplate(ToolCall call) throws Exception {
    String template = call.string("template");
    if (call.args().has("skews")) {
      throw new IllegalArgumentException("skews weigh the foreign keys of the person's own tables and are not "
          + "applied to a template; propose the template without skews, then change a foreign key's distribution "
          + "with revise_plan");
    }
    Plan plan = services.template(template);
    if (call.args().has("only_tables")) {
      plan = Subsets.keep(plan, call.args().get("only_tables"));
    }
    return new Drafted(plan, "proposed from the " + template + " template");
  }

  /**
   * The person's own tables, with every field of the plan; the description's problems and those of the plan it
   * makes come back together.
   */
  private Drafted fromTables(ToolCall call, LocalDate today, long seed) throws Exception {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.set("tables", call.args().get("tables"));
    for (String f : new String[] {"name", "skews"}) {
      if (call.args().has(f)) {
        request.set(f, call.args().get(f));
      }
    }
    Plan plan = Drafter.plan(request, today, seed, services.dictionaries(),
        p -> PlanChecks.limitProblems(services.config().limits(), p));
    return new Drafted(plan, "proposed from " + plan.tables().size() + " described tables");
  }

  /** The person's data: files under the output root or Unity Catalog tables, profiled ({@link SourceCalls}). */
  private Drafted fromSource(ToolCall call, LocalDate today, long seed) throws Exception {
    SourceCalls.Made made = SourceCalls.plan(services, call, seed, today);
    return new Drafted(made.plan(), made.summary(), made.source());
  }

  /** The person's CREATE TABLE statements (docs/from-ddl.md), with skews on their foreign keys. */
  private Drafted fromDdl(ToolCall call, LocalDate today, long seed) throws Exception {
    if (call.args().has("only_tables")) {
      throw new IllegalArgumentException("only_tables cuts a template; give only the tables you want in ddl");
    }
    Plan plan = PlanCodec.fromJson(DdlPlans.draft(call.string("ddl"), call.string("name"), call.args().get("skews"),
        today, seed), services.dictionaries());
    return new Drafted(plan, "proposed from DDL with " + plan.tables().size() + " tables");
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
    return PlanCodec.destination(dest, plan.name());
  }

  /**
   * The problems of the destination asked for, found without asking the person anything (a Unity Catalog
   * destination without catalog or schema is completed by asking once the rest of the call is right).
   */
  private static List<Violation> destinationProblems(ToolCall call) {
    JsonNode d = call.args().get("destination");
    if (d == null || !d.isObject() || "unity_catalog".equals(d.path("kind").asText())
        && (!d.hasNonNull("catalog") || !d.hasNonNull("schema"))) {
      return List.of();
    }
    ObjectNode dest = ((ObjectNode) d).deepCopy();
    if ("local".equals(dest.path("kind").asText()) && !dest.hasNonNull("path")) {
      dest.put("path", "plan");
    }
    try {
      PlanCodec.destination(dest, call.args().path("name").asText("plan"));
      return List.of();
    } catch (PlanException e) {
      return e.violations();
    }
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
