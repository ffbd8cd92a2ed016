package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.error;
import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.server.tool.ToolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK client against the packaged server over stdio, started as a client starts it: the whole workflow
 * with a revision, a refused unapproved run, a sample, a full run with progress, a cancelled job, and a restart
 * that keeps plans and finished jobs.
 */
class McpStdioIT {

  @TempDir
  Path dir;

  @Test
  void wholeWorkflowAcrossARestart() throws Exception {
    Path state = dir.resolve("state");
    Path out = dir.resolve("out");
    String planId;
    String jobId;
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    try (McpSyncClient c = Clients.stdio(state, out, progress)) {
      List<McpSchema.Tool> tools = c.listTools().tools();
      assertEquals(ToolRegistry.NAMES, tools.stream().map(McpSchema.Tool::name).toList());
      for (McpSchema.Tool t : tools) {
        assertNotNull(t.outputSchema(), t.name());
        assertNotNull(t.annotations(), t.name());
        assertTrue(t.description().length() > 80, t.name());
      }
      assertEquals(Boolean.TRUE, tools.get(0).annotations().readOnlyHint());
      assertEquals(Boolean.TRUE, tools.get(ToolRegistry.NAMES.indexOf("generate_full")).annotations()
          .destructiveHint());

      JsonNode templates = ok(c, "list_templates", "{}");
      assertEquals("retail", templates.path("templates").get(0).path("name").asText());

      JsonNode v1 = ok(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 2000}");
      planId = v1.path("plan_id").asText();
      JsonNode v2 = ok(c, "revise_plan", "{\"plan_id\": \"" + planId + "\", \"version\": 1, \"operations\": ["
          + "{\"op\": \"add_column\", \"table\": \"customers\", \"column\": {\"name\": \"discount_pct\", "
          + "\"type\": \"double\", \"min\": 0, \"max\": 0.3}},"
          + "{\"op\": \"set_weights\", \"table\": \"customers\", \"column\": \"loyalty_tier\", "
          + "\"weights\": [40, 30, 20, 10]}]}");
      assertEquals(2, v2.path("version").asInt());
      assertTrue(v2.path("diff").toString().contains("discount_pct"), v2.toString());

      assertEquals("not_approved", error(c, "generate_full", "{\"plan_id\": \"" + planId + "\"}"));

      JsonNode sample = ok(c, "generate_sample", "{\"plan_id\": \"" + planId + "\"}");
      assertEquals(5, sample.path("tables").size());
      String sampleUri = sample.path("tables").get(0).path("resource").asText();
      McpSchema.ReadResourceResult rows = c.readResource(McpSchema.ReadResourceRequest.builder(sampleUri).build());
      String jsonl = ((McpSchema.TextResourceContents) rows.contents().get(0)).text();
      assertTrue(jsonl.lines().count() >= 100, "sample resource rows");
      assertTrue(jsonl.contains("discount_pct"));

      ok(c, "approve_plan", "{\"plan_id\": \"" + planId + "\", \"version\": 2}");
      McpSchema.CallToolResult full = Clients.call(c, "generate_full",
          "{\"plan_id\": \"" + planId + "\", \"wait_seconds\": 60}", "run-1");
      JsonNode fr = Clients.JSON.valueToTree(full.structuredContent());
      assertEquals("succeeded", fr.path("status").asText(), Clients.text(full));
      jobId = fr.path("job_id").asText();
      assertTrue(fr.path("result").path("validation").path("passed").asBoolean());
      assertTrue(Files.isRegularFile(out.resolve("retail/manifest.json")));
      assertFalse(progress.isEmpty(), "progress notifications for the token");
      assertEquals("run-1", progress.get(progress.size() - 1).progressToken());

      // a large run, cancelled: nothing under a final name in its folder
      JsonNode big = ok(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 400000, "
          + "\"destination\": {\"kind\": \"local\", \"path\": \"big\"}}");
      String bigId = big.path("plan_id").asText();
      ok(c, "approve_plan", "{\"plan_id\": \"" + bigId + "\", \"version\": 1}");
      JsonNode started = ok(c, "generate_full", "{\"plan_id\": \"" + bigId + "\", \"wait_seconds\": 0}");
      JsonNode cancelled = ok(c, "cancel_job", "{\"job_id\": \"" + started.path("job_id").asText() + "\"}");
      assertEquals("cancelled", cancelled.path("status").asText());
      try (Stream<Path> files = Files.exists(out.resolve("big")) ? Files.walk(out.resolve("big")) : Stream.empty()) {
        assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
      }

      McpSchema.GetPromptResult prompt = c.getPrompt(McpSchema.GetPromptRequest.builder("generate_retail")
          .arguments(java.util.Map.of("rows", "50000")).build());
      assertTrue(((McpSchema.TextContent) prompt.messages().get(0).content()).text().contains("50000"));
    }

    // a new server process over the same state folder still knows the plan, its approval and the finished job
    try (McpSyncClient c = Clients.stdio(state, out, null)) {
      JsonNode plan = ok(c, "get_plan", "{\"plan_id\": \"" + planId + "\"}");
      assertEquals(2, plan.path("version").asInt());
      assertEquals(2, plan.path("approved_version").asInt());
      JsonNode listed = ok(c, "list_plans", "{}");
      assertTrue(listed.path("plans").toString().contains(planId));
      JsonNode job = ok(c, "get_job", "{\"job_id\": \"" + jobId + "\"}");
      assertEquals("succeeded", job.path("status").asText());
      McpSchema.ReadResourceResult md = c.readResource(McpSchema.ReadResourceRequest.builder(
          "synthgen://plans/" + planId + "/v1/plan.md").build());
      assertTrue(((McpSchema.TextResourceContents) md.contents().get(0)).text().contains("version 1"));
    }
  }
}
