package io.synthgen.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import io.synthgen.plan.Plan;
import io.synthgen.server.tool.plan.PlanResources;
import io.synthgen.template.TableSchemas;
import io.synthgen.template.Templates;
import io.synthgen.vocab.Topic;
import io.synthgen.vocab.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's resources. Fixed: each template ({@code synthgen://templates/retail.json}), the plan schema,
 * each template table's row schema and the vocabulary (whole and per topic). Per plan version (URI templates): the plan JSON, the rendered plan, each
 * table's row schema and its sample rows as JSON lines; large content the tools point to instead of returning.
 */
final class ResourceCatalog {

  static final String PLAN_JSON = "synthgen://plans/{plan_id}/v{version}/plan.json";
  static final String PLAN_MD = "synthgen://plans/{plan_id}/v{version}/plan.md";
  static final String SAMPLE = "synthgen://plans/{plan_id}/v{version}/samples/{table}.jsonl";
  static final String SCHEMA = "synthgen://plans/{plan_id}/v{version}/schemas/{table}.schema.json";
  static final String VOCABULARY = "synthgen://vocabulary";

  private ResourceCatalog() {
  }

  static List<SyncResourceSpecification> fixed() {
    List<SyncResourceSpecification> out = new ArrayList<>();
    for (String name : Templates.names()) {
      String json = Templates.json(name);
      out.add(text("synthgen://templates/" + name + ".json", name + "-template",
          "The " + name + " template: a plan document", "application/json", () -> json));
      // table names from the JSON alone; the schemas are derived when read
      for (String table : tableNames(json)) {
        String file = name + "_" + table + ".schema.json";
        out.add(text("synthgen://schemas/tables/" + file, file, "JSON Schema of one " + name + "." + table + " row",
            "application/schema+json", () -> {
              Plan plan = Templates.load(name);
              return TableSchemas.json(plan, plan.table(table).orElseThrow());
            }));
      }
    }
    out.add(text("synthgen://schemas/plan.schema.json", "plan.schema.json",
        "JSON Schema of the plan document (synthgen.plan/v1)", "application/schema+json",
        () -> classpath("schemas/plan.schema.json")));
    out.addAll(vocabulary());
    return out;
  }

  /**
   * The vocabulary: the whole catalog at {@value #VOCABULARY}, and each topic at {@code synthgen://vocabulary/<topic>}
   * (the same JSON that describe_vocabulary returns for the topic).
   */
  static List<SyncResourceSpecification> vocabulary() {
    List<SyncResourceSpecification> out = new ArrayList<>();
    out.add(text(VOCABULARY, "vocabulary", "Every strategy, distribution, dictionary, expression function and "
        + "operator, type, time profile field and template, with a line and an example each",
        "application/json", () -> Vocabulary.compact(Vocabulary.standard().catalog())));
    for (Topic t : Topic.values()) {
      out.add(text(VOCABULARY + "/" + t.id(), "vocabulary-" + t.id(), "Vocabulary: " + t.description(),
          "application/json", () -> Vocabulary.compact(Vocabulary.standard().topic(t))));
    }
    return out;
  }

  private static List<String> tableNames(String templateJson) {
    List<String> names = new ArrayList<>();
    try {
      new ObjectMapper().readTree(templateJson).path("tables").forEach(t -> names.add(t.path("name").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("a shipped template is not JSON", e);
    }
    return names;
  }

  /** Produces a fixed resource's text when it is read. */
  @FunctionalInterface
  interface Body {
    String get() throws Exception;
  }

  private static SyncResourceSpecification text(String uri, String name, String description, String mime,
      Body body) {
    McpSchema.Resource r = McpSchema.Resource.builder(uri, name).description(description)
        .mimeType(mime).build();
    return new SyncResourceSpecification(r, (ex, req) -> {
      try {
        return contents(req.uri(), mime, body.get());
      } catch (Exception e) {
        throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(req.uri() + ": " + e.getMessage())
            .build();
      }
    });
  }

  static List<SyncResourceTemplateSpecification> perPlan(PlanResources plans) {
    List<SyncResourceTemplateSpecification> out = new ArrayList<>();
    out.add(template(PLAN_JSON, "plan-json", "A plan version as a plan document", "application/json",
        (v) -> plans.planJson(v.get("plan_id"), version(v))));
    out.add(template(PLAN_MD, "plan-markdown", "A plan version rendered as the Generation Plan", "text/markdown",
        (v) -> plans.planMarkdown(v.get("plan_id"), version(v))));
    out.add(template(SAMPLE, "plan-sample", "The sample rows of one table (100 per table, FK-closed), JSON lines",
        "application/jsonl", (v) -> plans.sampleJsonl(v.get("plan_id"), version(v), v.get("table"))));
    out.add(template(SCHEMA, "plan-table-schema", "JSON Schema of one row of a table of the plan",
        "application/schema+json", (v) -> plans.tableSchema(v.get("plan_id"), version(v), v.get("table"))));
    return out;
  }

  /** Produces a resource's text from the URI's variables; null means not found. */
  @FunctionalInterface
  interface Reader {
    String read(Map<String, String> vars) throws Exception;
  }

  private static SyncResourceTemplateSpecification template(String uriTemplate, String name, String description,
      String mime, Reader reader) {
    McpSchema.ResourceTemplate t = McpSchema.ResourceTemplate.builder(uriTemplate, name)
        .description(description).mimeType(mime).build();
    DefaultMcpUriTemplateManager m = new DefaultMcpUriTemplateManager(uriTemplate);
    return new SyncResourceTemplateSpecification(t, (ex, req) -> {
      String body;
      try {
        body = reader.read(m.extractVariableValues(req.uri()));
      } catch (Exception e) {
        throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
            .message(req.uri() + ": " + e.getMessage()).build();
      }
      if (body == null) {
        throw McpError.RESOURCE_NOT_FOUND.apply(req.uri());
      }
      return contents(req.uri(), mime, body);
    });
  }

  private static McpSchema.ReadResourceResult contents(String uri, String mime, String text) {
    return McpSchema.ReadResourceResult.builder(
        List.of(McpSchema.TextResourceContents.builder(uri, text).mimeType(mime).build())).build();
  }

  private static int version(Map<String, String> vars) {
    try {
      return Integer.parseInt(vars.get("version"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the version in the URI must be a number, e.g. v1");
    }
  }

  private static String classpath(String resource) {
    try (InputStream in = ResourceCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
