package io.synthgen.server.tool.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.server.export.ExportFormat;
import io.synthgen.server.export.ExportScript;
import io.synthgen.server.export.Exports;
import io.synthgen.server.tool.Approved;
import io.synthgen.server.tool.BatchChecks;
import io.synthgen.server.tool.ServiceTool;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolError;
import io.synthgen.server.tool.ToolResult;
import java.util.Locale;

/**
 * export_plan: the approved current version compiled to Spark SQL, as the text of a SQL file, a notebook or a
 * PySpark script ({@link Exports}), returned when it is at most {@link Exports#MAX_TOOL_CHARS} characters.
 */
final class ExportPlanTool extends ServiceTool {

  ExportPlanTool(Services services) {
    super("export_plan", services);
  }

  @Override
  public ToolResult call(ToolCall call) throws Exception {
    Approved a = Approved.require(services, call, "export_plan");
    ExportFormat format = ExportFormat.parse(call.require("format"));
    Long batch = null;
    if (call.args().hasNonNull("batch")) {
      batch = call.whole("batch", 0, io.synthgen.plan.validate.PlanLimits.MAX_BATCHES - 1, 0);
      BatchChecks.require(a.resolved(), batch, "export_plan", "batch");
    }
    String catalog = call.string("catalog");
    String schema = call.string("schema");
    if ((catalog == null) != (schema == null)) {
      throw new ToolError("bad_arguments", "only the " + (catalog == null ? "schema" : "catalog") + " was given",
          "give both catalog and schema (ask the person which), or neither for unqualified table names");
    }
    ExportScript script = Exports.script(a.resolved(), a.id(), a.version().version(),
        new Exports.Request(format, catalog, schema, batch), Exports.version());
    String text = Exports.text(format, script);
    String fileName = a.version().plan().name() + format.extension();
    if (text.length() > Exports.MAX_TOOL_CHARS) {
      throw new ToolError("export_too_large", String.format(Locale.ROOT, "the %s export of %s has %,d characters; "
          + "export_plan returns at most %,d", format.jsonName(), a.id(), text.length(), Exports.MAX_TOOL_CHARS),
          "use synthgen export on the command line, which writes a file of any size: save the plan (get_plan) "
              + "as plan.json, then synthgen export plan.json --format " + format.jsonName() + " --out "
              + fileName + "; or, to run it on Databricks, call write_to_uc with engine: job");
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("plan_id", a.id());
    o.put("version", a.version().version());
    o.put("format", format.jsonName());
    o.put("file_name", fileName);
    o.put("chars", text.length());
    ArrayNode tables = o.putArray("tables");
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%s of %s version %d (%s): %d tables",
        fileName, a.id(), a.version().version(), format.jsonName(), script.tables().size()));
    for (ExportScript.Step t : script.tables()) {
      tables.addObject().put("table", t.table()).put("target", t.target()).put("rows", t.rows());
      summary.append(String.format(Locale.ROOT, "%n- %s: %,d rows", t.target(), t.rows()));
    }
    if (batch != null) {
      o.put("batch", batch);
    }
    o.put("content", text);
    o.put("next_step", "give the person the file (save content as " + fileName + "); " + switch (format) {
      case SQL -> "they run it in the Databricks SQL editor or as a job's SQL file task";
      case NOTEBOOK -> "they import it into their workspace and run it, or call write_to_uc with engine: job to "
          + "run it as a serverless job";
      case PYSPARK -> "they run it with spark-submit on a cluster with Delta Lake";
    });
    return ToolResult.ok(o, summary.append("\n\n").append(text).toString());
  }
}
