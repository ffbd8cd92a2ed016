package io.synthgen.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.template.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One prompt per industry ({@code /generate_retail rows=50000}): a one-line entry point that starts the workflow
 * with that template.
 */
final class PromptCatalog {

  private PromptCatalog() {
  }

  static List<SyncPromptSpecification> all() {
    List<SyncPromptSpecification> out = new ArrayList<>();
    for (String industry : Templates.names()) {
      McpSchema.Prompt p = McpSchema.Prompt.builder("generate_" + industry)
          .title("Generate " + industry + " data")
          .description("Plan, preview and generate synthetic " + industry + " data with synthgen")
          .arguments(List.of(new McpSchema.PromptArgument("rows", "Rows", "Rows of the main table, e.g. 50000", false),
              new McpSchema.PromptArgument("destination", "Destination",
                  "local (default) or catalog.schema for Unity Catalog", false)))
          .build();
      out.add(new SyncPromptSpecification(p, (ex, req) -> {
        String text = message(industry, req.arguments());
        return McpSchema.GetPromptResult.builder(
            List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, McpSchema.TextContent.builder(text).build())))
            .description("Generate " + industry + " data")
            .build();
      }));
    }
    return out;
  }

  static String message(String industry, Map<String, Object> args) {
    Object rows = args == null ? null : args.get("rows");
    Object dest = args == null ? null : args.get("destination");
    StringBuilder b = new StringBuilder("Generate synthetic ").append(industry).append(" data");
    if (rows != null && !String.valueOf(rows).isBlank()) {
      b.append(" with ").append(rows).append(" rows in the main table");
    }
    if (dest != null && String.valueOf(dest).contains(".")) {
      b.append(", written to Unity Catalog ").append(dest);
    }
    b.append(" using synthgen. Call propose_plan with template \"").append(industry).append('"');
    if (rows != null && !String.valueOf(rows).isBlank()) {
      b.append(" and rows ").append(rows);
    }
    b.append(", show me the whole Generation Plan, and wait: I will say \"looks good\", ask for a sample, or ask "
        + "for changes. Only after I approve, call approve_plan and generate_full, and tell me where the files "
        + "are and what the validation found.");
    return b.toString();
  }
}
