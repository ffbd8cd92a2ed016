package io.synthgen.server.mcp;

import static io.synthgen.server.mcp.Clients.JSON;
import static io.synthgen.server.mcp.Clients.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.Resolver;
import io.synthgen.server.catalog.databricks.DatabricksWorkspace;
import io.synthgen.server.catalog.databricks.WorkspaceStandIn;
import io.synthgen.server.config.CallBudget;
import io.synthgen.server.export.ExportPlans;
import io.synthgen.server.export.LocalTables;
import io.synthgen.server.tool.Services;
import io.synthgen.server.tool.ToolFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * write_to_uc with engine job end to end, as a client drives it: the real MCP client over Streamable HTTP, the
 * Databricks SDK against the workspace stand-in, whose job runs execute the imported notebook's cells on Spark with
 * Delta. Dry run, the serverless question, the run followed to success with the tables read back equal to the local
 * engine's; a cancelled run; a failing cell failing the job with the cell's error.
 */
class WriteToUcJobIT {

  private static WorkspaceStandIn ws;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    ws = WorkspaceStandIn.start().addCatalog("demo").addWarehouse("wh", "Starter", "RUNNING", true);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private Services services() {
    return new Services(ToolFixture.config(dir.resolve("state"), dir.resolve("out")).withBudget(CallBudget.DEFAULT),
        profile -> DatabricksWorkspace.connect(ws.sdkConfig()));
  }

  private static String store(Services services, String json) throws Exception {
    Plan p = PlanCodec.read(json);
    String id = services.plans().create("someone", p, "test plan", 3).id();
    services.plans().approve(id, 1, false);
    return id;
  }

  private static JsonNode await(McpSyncClient c, JsonNode job) {
    for (int i = 0; i < 20 && !job.path("status").asText().matches("succeeded|failed|cancelled"); i++) {
      job = ok(c, "get_job", "{\"job_id\": \"" + job.path("job_id").asText() + "\", \"wait_seconds\": 30}");
    }
    return job;
  }

  @Test
  void aDryRunThenTheRunFollowedToSuccessMakesTheLocalEnginesTables() throws Exception {
    Services services = services();
    String id = store(services, ExportPlans.STRUCTURAL.replace("\"name\": \"exported\"", "\"name\": \"jobbed\""));
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    try (HttpServer server = InProcess.http(services, InProcess::standard);
        McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), progress)) {
      String base = "{\"plan_id\": \"" + id + "\", \"engine\": \"job\", \"catalog\": \"demo\", \"schema\": \"jobs\"";
      int before = ws.requests().size();
      JsonNode dry = ok(c, "write_to_uc", base + ", \"dry_run\": true}");
      assertEquals("job", dry.path("engine").asText());
      assertEquals("/Workspace/Users/" + ws.user() + "/synthgen/jobbed", dry.path("notebook_path").asText());
      assertEquals(3, dry.path("tables").size());
      assertTrue(dry.path("creates_schema").asBoolean());
      assertTrue(ws.requests().subList(before, ws.requests().size()).stream()
          .allMatch(r -> r.method().equals("GET")), "a dry run only reads");

      assertEquals("serverless_not_acknowledged", Clients.error(c, "write_to_uc", base + "}"));

      McpSchema.CallToolResult call = Clients.call(c, "write_to_uc", base + ", \"acknowledge_serverless\": true, "
          + "\"wait_seconds\": 60}", "token-1");
      JsonNode job = await(c, JSON.valueToTree(call.structuredContent()));
      assertEquals("succeeded", job.path("status").asText(), job.toString());
      JsonNode result = job.path("result");
      assertEquals("job", result.path("engine").asText());
      long runId = result.path("run_id").asLong();
      assertEquals(List.of("PENDING", "RUNNING", "TERMINATED"), ws.jobRunHistory(runId));
      assertEquals("demo.jobs.orders", result.path("tables").get(2).path("table").asText());
      assertEquals(1500, result.path("tables").get(2).path("rows").asLong());
      assertTrue(ws.notebook(result.path("notebook_path").asText()).orElseThrow()
          .startsWith("# Databricks notebook source\n"));
      assertTrue(progress.stream().anyMatch(p -> p.message() != null && p.message().contains("job run")),
          progress.toString());

      LocalTables.assertEqual(ws.spark().newSession(), Resolver.resolve(PlanCodec.read(ExportPlans.STRUCTURAL
          .replace("\"name\": \"exported\"", "\"name\": \"jobbed\""))), dir, t -> ws.sparkName("demo", "jobs", t));
      String props = ws.spark().sql("SHOW TBLPROPERTIES " + ws.sparkName("demo", "jobs", "orders")).collectAsList()
          .toString();
      assertTrue(props.contains("synthgen.plan_id," + id) && props.contains("synthgen.synthetic,true"), props);

      // the tables exist now: another run would replace them (the person is asked; this client's answer is yes)
      JsonNode again = ok(c, "write_to_uc", base + ", \"dry_run\": true}");
      assertEquals(List.of("demo.jobs.regions", "demo.jobs.customers", "demo.jobs.orders"),
          JSON.convertValue(again.path("replaces"), List.class));
      assertTrue(again.path("replaces_notebook").asBoolean());
    }
  }

  @Test
  void cancellingTheSynthgenJobCancelsTheRun() throws Exception {
    Services services = services();
    String id = store(services, ExportPlans.STRUCTURAL.replace("\"name\": \"exported\"", "\"name\": \"cancelled\""));
    var slow = ws.faults().delayStatements(sql -> sql.startsWith("CREATE OR REPLACE TABLE `demo`.`cancels`"),
        Duration.ofSeconds(30));
    try (HttpServer server = InProcess.http(services, InProcess::standard);
        McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), null)) {
      JsonNode job = ok(c, "write_to_uc", "{\"plan_id\": \"" + id + "\", \"engine\": \"job\", \"catalog\": "
          + "\"demo\", \"schema\": \"cancels\", \"acknowledge_serverless\": true, \"wait_seconds\": 0}");
      String jobId = job.path("job_id").asText();
      for (int i = 0; i < 60 && !job.path("progress").path("table").asText().contains("running"); i++) {
        Thread.sleep(250);
        job = ok(c, "get_job", "{\"job_id\": \"" + jobId + "\"}");
      }
      assertTrue(job.path("progress").path("table").asText().contains("job run running the notebook"),
          job.toString());
      ok(c, "cancel_job", "{\"job_id\": \"" + jobId + "\"}");
      job = await(c, job);
      assertEquals("cancelled", job.path("status").asText(), job.toString());
      assertTrue(job.path("error").asText().contains("was cancelled"), job.toString());
    } finally {
      slow.clear();
    }
  }

  @Test
  void aFailingCellFailsTheJobWithTheCellsError() throws Exception {
    Services services = services();
    String id = store(services, ExportPlans.STRUCTURAL.replace("\"name\": \"exported\"", "\"name\": \"failing\""));
    var fail = ws.faults().failStatements(sql -> sql.startsWith("CREATE OR REPLACE TABLE `demo`.`fails`.`customers`"),
        "BAD_REQUEST", "[DELTA_INSUFFICIENT_STORAGE] no room for customers");
    try (HttpServer server = InProcess.http(services, InProcess::standard);
        McpSyncClient c = Clients.http("http://127.0.0.1:" + server.port(), null)) {
      JsonNode job = await(c, ok(c, "write_to_uc", "{\"plan_id\": \"" + id + "\", \"engine\": \"job\", "
          + "\"catalog\": \"demo\", \"schema\": \"fails\", \"acknowledge_serverless\": true, \"wait_seconds\": 60}"));
      assertEquals("failed", job.path("status").asText(), job.toString());
      String error = job.path("error").asText();
      assertTrue(error.contains("ended FAILED") && error.contains("cell 4")
          && error.contains("no room for customers"), error);
      assertTrue(ws.spark().catalog().tableExists(ws.sparkName("demo", "fails", "regions").replace("`", "")),
          "the cell before the failing one ran");
    } finally {
      fail.clear();
    }
  }
}
