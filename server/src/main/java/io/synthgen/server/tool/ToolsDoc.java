package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * docs/tools.md, generated from the tool definitions: the workflow, then per tool its description, annotations,
 * arguments and result fields. {@code java -cp synthgen.jar io.synthgen.server.tool.ToolsDoc > docs/tools.md}
 * regenerates it; a test fails when the file and the definitions differ.
 */
public final class ToolsDoc {

  private ToolsDoc() {
  }

  public static void main(String[] args) {
    System.out.print(markdown());
  }

  public static String markdown() {
    List<ToolDefinition> defs = new ArrayList<>();
    for (String n : ToolRegistry.NAMES) {
      defs.add(ToolDefinition.load(n));
    }
    StringBuilder b = new StringBuilder();
    b.append("# MCP tools\n\n")
        .append("<!-- generated from server/src/main/resources/tools/*.json by ToolsDoc; do not edit by hand -->\n\n")
        .append("`synthgen serve` is an MCP server (stdio, or Streamable HTTP with `--http`; see ")
        .append("[commands](commands.md#synthgen-serve)). An assistant drives it through the workflow, and the ")
        .append("server enforces the workflow's rules:\n\n")
        .append("1. `propose_plan` makes version 1 of a plan, from an industry template or the person's own tables, ")
        .append("and returns it rendered as a Generation Plan for the person to read.\n")
        .append("2. `revise_plan` applies the changes the person asks for, all or nothing, as a new version with a ")
        .append("diff. A revision resets approval.\n")
        .append("3. `generate_sample` previews about 100 rows per table (rows of the full run, foreign keys ")
        .append("closed); no approval needed.\n")
        .append("4. `approve_plan` records the person's approval of the current version (and their ")
        .append("acknowledgement of serverless compute when the plan needs it).\n")
        .append("5. `generate_full` runs only an approved current version, as a background job (`get_job`, ")
        .append("`cancel_job`); a cancelled run leaves no file under a final name.\n\n")
        .append("Plans and jobs are addressed by server-minted ids (`pln_…`, `job_…`, 128 random bits) passed as ")
        .append("arguments. Plans persist in the state folder, so a restarted server still serves them. Over HTTP, ")
        .append("`list_plans` shows each MCP session only its own plans; over stdio it shows every plan of the ")
        .append("state folder. Mistakes (an unknown id, a stale version, an invalid operation, a refused step) ")
        .append("come back as results with `isError: true` and `{error: {code, message, next_step, violations}}`, ")
        .append("each violation with its JSON path, value, rule and fix. Numeric arguments are read strictly: a ")
        .append("whole number (for `wait_seconds` any number) within the `minimum` and `maximum` its input schema ")
        .append("states; anything else, however large, is refused with `invalid_argument` naming the argument, ")
        .append("the value sent and the range, never wrapped, rounded or clamped.\n\n")
        .append("Local destinations are folders inside the output root; a path that leaves it is refused. Limits ")
        .append("on rows, tables and columns per plan are set with `--max-rows`, `--max-tables` and ")
        .append("`--max-columns`. Every tool call runs under the server's budget: at most `--call-timeout` ")
        .append("seconds (default 120; time waiting for the person does not count) and `--call-memory` MiB ")
        .append("allocated (default 2048). A call over it is answered `budget_exceeded`, a stack overflow ")
        .append("`too_complex`, a failure inside the server `server_error`, and a call that arrives while all ")
        .append("`--call-workers` (default 8) are busy `server_busy`; each is an `isError` result with a next step. ")
        .append("Messages that are not JSON-RPC get the JSON-RPC error the specification defines and the session ")
        .append("goes on. A Unity Catalog destination needs a catalog and a schema, which are never ")
        .append("defaulted: the server asks the person through the client (elicitation) when the client ")
        .append("supports it, or returns an error asking the assistant to ask them. Replacing an earlier run's ")
        .append("files is confirmed the same way. Every tier generates its rows on this machine (the plan says ")
        .append("so); `write_to_uc` publishes an approved plan's run to Unity Catalog as Delta tables or volume ")
        .append("files (see [databricks.md](databricks.md)). `describe_vocabulary` lists every name a plan can use ")
        .append("(strategies, distributions, dictionaries, functions, types, time profiles, templates) with a line ")
        .append("and an example each, so that an assistant need not learn them from errors (see ")
        .append("[vocabulary](vocabulary.md)). `propose_plan` with `source` plans data like the person's own Parquet, ")
        .append("CSV or JSONL files under the output root (see [from-data.md](from-data.md)).\n\n");
    b.append("| Tool | Title | Read-only | Destructive | Idempotent |\n|---|---|---|---|---|\n");
    for (ToolDefinition d : defs) {
      b.append("| [`").append(d.name()).append("`](#").append(d.name()).append(") | ").append(d.title())
          .append(" | ").append(yes(d.readOnly())).append(" | ").append(yes(d.destructive())).append(" | ")
          .append(yes(d.idempotent())).append(" |\n");
    }
    for (ToolDefinition d : defs) {
      b.append("\n## ").append(d.name()).append("\n\n").append(d.description()).append("\n\n");
      b.append("Arguments:\n\n");
      appendFields(b, d.inputSchema(), true);
      b.append("\nResult (`structuredContent`):\n\n");
      appendFields(b, d.outputSchema(), false);
    }
    b.append("\n## Resources\n\n")
        .append("| URI | Content |\n|---|---|\n")
        .append("| `synthgen://templates/{industry}.json` | an industry template (a plan document) |\n")
        .append("| `synthgen://schemas/plan.schema.json` | the plan document's JSON Schema |\n")
        .append("| `synthgen://schemas/tables/{industry}_{table}.schema.json` | JSON Schema of one row of a template ")
        .append("table |\n")
        .append("| `synthgen://plans/{plan_id}/v{version}/plan.json` | a plan version |\n")
        .append("| `synthgen://plans/{plan_id}/v{version}/plan.md` | a plan version rendered as the Generation Plan |\n")
        .append("| `synthgen://plans/{plan_id}/v{version}/schemas/{table}.schema.json` | JSON Schema of one row of a ")
        .append("table of the plan |\n")
        .append("| `synthgen://plans/{plan_id}/v{version}/samples/{table}.jsonl` | the sample rows of a table, JSON ")
        .append("lines |\n")
        .append("| `synthgen://vocabulary` | every strategy, distribution, dictionary, function, operator, type, ")
        .append("time profile field and template with a line and an example ([vocabulary](vocabulary.md)) |\n")
        .append("| `synthgen://vocabulary/{topic}` | one topic of it, as `describe_vocabulary {topic}` returns it |\n");
    b.append("\n## Prompts\n\n")
        .append("One per industry template, `generate_{industry}` (e.g. `generate_retail`), with optional ")
        .append("arguments `rows` and `destination` (`local` or `catalog.schema`): a one-line entry point that ")
        .append("starts the workflow with that template.\n");
    return b.toString();
  }

  private static void appendFields(StringBuilder b, JsonNode schema, boolean input) {
    JsonNode props = schema.path("properties");
    if (props.isEmpty()) {
      b.append("none\n");
      return;
    }
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    b.append(input ? "| Name | Type | Required | Description |\n|---|---|---|---|\n"
        : "| Field | Type | Always | Description |\n|---|---|---|---|\n");
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      JsonNode p = e.getValue();
      b.append("| `").append(e.getKey()).append("` | ").append(type(p)).append(" | ")
          .append(required.contains(e.getKey()) ? "yes" : "").append(" | ")
          .append(p.path("description").asText("").replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
  }

  private static String type(JsonNode p) {
    if (p.has("enum")) {
      List<String> vs = new ArrayList<>();
      p.get("enum").forEach(v -> vs.add(v.asText()));
      return String.join(" \\| ", vs);
    }
    if (p.has("anyOf")) {
      return "string or object";
    }
    JsonNode t = p.path("type");
    String s = t.isArray() ? t.get(0).asText() + " or null" : t.asText("any");
    if (s.equals("array") && p.path("items").has("type")) {
      s = "array of " + p.path("items").path("type").asText();
    }
    return s;
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
