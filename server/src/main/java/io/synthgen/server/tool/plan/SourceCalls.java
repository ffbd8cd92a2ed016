package io.synthgen.server.tool.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.engine.Cancellation;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.profile.SourceProfile;
import io.synthgen.profile.planner.PlanOptions;
import io.synthgen.profile.planner.ProfilePlanner;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.SourceProfiles;
import io.synthgen.server.catalog.Warehouse;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.source.PlanSources;
import io.synthgen.server.source.SourcePlans;
import io.synthgen.server.tool.Confirmations;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * propose_plan's {@code source}: files under the output root ({@code path}, profiled by {@link SourcePlans}) or
 * Unity Catalog tables ({@code table}, {@code tables}, profiled on a SQL warehouse by {@link SourceProfiles}). Either
 * way the plan records where it came from ({@link PlanSources}), so that a run can be compared with it later.
 */
final class SourceCalls {

  /** The fields of a Unity Catalog {@code source}. */
  static final List<String> TABLE_FIELDS = List.of("table", "tables", "warehouse_id", "profile",
      "acknowledge_serverless", "min_count", "allow_values");

  /** A plan made from a source, with what to record of the source and the version's summary. */
  record Made(Plan plan, PlanSources.PlanSource source, String summary) {
  }

  private SourceCalls() {
  }

  static boolean isTables(JsonNode source) {
    return source != null && source.isObject() && (source.has("table") || source.has("tables"));
  }

  static Made plan(Services services, ToolCall call, long seed, LocalDate today) throws Exception {
    JsonNode source = call.args().get("source");
    if (isTables(source)) {
      return tables(services, call, source, seed, today);
    }
    Path root = services.config().outputRoot();
    // a file profile streams: its live memory is bounded by ProfileLimits, not by what it allocates
    io.synthgen.server.config.CallBudget.boundedLiveMemory();
    Plan plan = SourcePlans.propose(root, call.args(), seed, today, services.dictionaries());
    // SourcePlans.propose has confined the path to the output root; "" (the root itself) is recorded as "."
    String rel = root.relativize(root.resolve(source.path("path").asText()).toAbsolutePath().normalize()).toString();
    rel = rel.isEmpty() ? "." : rel;
    int k = source.path("min_count").asInt(PlanOptions.DEFAULT_MIN_COUNT);
    return new Made(plan, PlanSources.PlanSource.files(rel, k), "proposed from a profile of " + rel);
  }

  private static Made tables(Services services, ToolCall call, JsonNode source, long seed, LocalDate today)
      throws Exception {
    List<Violation> problems = new ArrayList<>();
    SourcePlans.notWithSource(call.args(), "name only the tables wanted in source.table and source.tables",
        problems);
    for (Iterator<String> it = source.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!TABLE_FIELDS.contains(f)) {
        problems.add(new Violation("source." + f, null, "unknown field '" + f + "' in a Unity Catalog source",
            "use " + String.join(", ", TABLE_FIELDS) + " (path is for files, not tables)"));
      }
    }
    String table = text(source, "table", problems);
    List<String> tables = new ArrayList<>();
    JsonNode ts = source.get("tables");
    if (ts != null && !ts.isArray()) {
      problems.add(new Violation("source.tables", ts.toString(), "tables must be a list of table names",
          "give [\"catalog.schema.table\", ...] or bare names in the catalog and schema of source.table"));
    } else if (ts != null) {
      ts.forEach(t -> tables.add(t.isTextual() ? t.asText() : t.toString()));
    }
    String warehouseId = text(source, "warehouse_id", problems);
    String profile = text(source, "profile", problems);
    int minCount = SourcePlans.minCount(source, problems);
    Set<String> allow = SourcePlans.allowValues(source, problems);
    SourceProfiles.Request request = new SourceProfiles.Request(table, tables);
    problems.addAll(SourceProfiles.problems(request, "source"));
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    SourceProfile profiled;
    try (Workspace ws = services.workspaces().open(profile)) {
      Warehouse w = SourceProfiles.warehouse(ws, warehouseId);
      if (w.serverless() && !source.path("acknowledge_serverless").asBoolean(false)) {
        String question = "Profiling the tables runs aggregate SQL on the serverless warehouse " + w.describe()
            + ", which bills Databricks serverless compute. Go ahead?";
        if (!Confirmations.ask(call, question, "use_serverless", "Use serverless compute")) {
          throw new ToolError("serverless_not_acknowledged", question.replace(" Go ahead?", "") + "; the person "
              + "has not agreed", "ask the person; then call propose_plan again with source.acknowledge_serverless: "
              + "true (or name a classic warehouse with source.warehouse_id)");
        }
      }
      profiled = SourceProfiles.profile(ws, w, request, "source", minCount,
          (t, c) -> allow.contains(c) || allow.contains(t + "." + c), new Cancellation());
    } catch (CatalogException e) {
      throw new ToolError("databricks_" + e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), e.fix());
    }
    String name = call.args().hasNonNull("name") ? call.args().get("name").asText() : null;
    PlanOptions options = new PlanOptions(name, seed, today, minCount, allow);
    Plan plan = PlanCodec.fromJson(ProfilePlanner.plan(profiled, options), services.dictionaries());
    List<String> names = profiled.tables().stream().map(t -> t.location()).toList();
    return new Made(plan, PlanSources.PlanSource.unityCatalog(names, minCount), "proposed from the Unity Catalog "
        + (names.size() == 1 ? "table " : "tables ") + String.join(", ", names));
  }

  private static String text(JsonNode source, String field, List<Violation> problems) {
    JsonNode v = source.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problems.add(new Violation("source." + field, v.toString(), field + " must be a non-empty string",
          "give it as a string, or leave it out"));
      return null;
    }
    return v.asText();
  }
}
