package io.synthgen.server.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.config.Limits;
import io.synthgen.testing.Duck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools called directly: the workflow's rules and the error results the assistant acts on. */
class WorkflowToolsTest {

  @TempDir
  Path dir;
  ToolFixture f;

  @BeforeEach
  void open() {
    f = new ToolFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private String propose(String args) throws Exception {
    ToolResult r = f.call("propose_plan", args);
    assertFalse(r.isError(), r.text());
    return r.structured().path("plan_id").asText();
  }

  @Test
  void proposeReviseApproveAndRunEnforcingApprovalOfTheCurrentVersion() throws Exception {
    ToolResult proposed = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 1000}");
    assertFalse(proposed.isError(), proposed.text());
    String id = proposed.structured().path("plan_id").asText();
    assertEquals(1, proposed.structured().path("version").asInt());
    assertEquals("2026-03-01", proposed.structured().path("plan").path("reference_date").asText());
    assertTrue(proposed.text().contains("## 📋 Generation Plan: Retail"), proposed.text());
    assertEquals(1, proposed.structured().path("tier").path("tier").asInt());

    ToolResult refused = f.call("generate_full", "{\"plan_id\": \"" + id + "\"}");
    assertTrue(refused.isError());
    assertEquals("not_approved", refused.structured().path("error").path("code").asText());

    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}").isError());
    ToolResult revised = f.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": ["
        + "{\"op\": \"set_rows\", \"table\": \"customers\", \"rows\": 800},"
        + "{\"op\": \"drop_table\", \"table\": \"inventory\"}]}");
    assertFalse(revised.isError(), revised.text());
    assertEquals(2, revised.structured().path("version").asInt());
    assertTrue(revised.structured().path("approval_reset").asBoolean());
    assertTrue(revised.text().contains("- table inventory"), revised.text());

    ToolResult stale = f.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": ["
        + "{\"op\": \"set_seed\", \"seed\": 3}]}");
    assertEquals("stale_version", stale.structured().path("error").path("code").asText());

    ToolResult approvalGone = f.call("generate_full", "{\"plan_id\": \"" + id + "\"}");
    assertEquals("not_approved", approvalGone.structured().path("error").path("code").asText());
    assertTrue(approvalGone.text().contains("version 1"), approvalGone.text());

    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 2}").isError());
    ToolResult run = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}");
    assertFalse(run.isError(), run.text());
    assertEquals("succeeded", run.structured().path("status").asText(), run.text());
    JsonNode result = run.structured().path("result");
    assertTrue(result.path("validation").path("passed").asBoolean(), run.text());
    Path outDir = f.out.resolve("retail");
    assertTrue(Files.isRegularFile(outDir.resolve("manifest.json")));
    assertTrue(Files.isRegularFile(outDir.resolve("customers.parquet")));
    assertFalse(Files.exists(outDir.resolve("inventory.parquet")));

    // a second run would replace those files: without elicitation the assistant must ask and pass overwrite
    ToolResult again = f.call("generate_full", "{\"plan_id\": \"" + id + "\"}");
    assertEquals("overwrite_needs_confirmation", again.structured().path("error").path("code").asText());
    ToolResult declined = f.call("generate_full", "{\"plan_id\": \"" + id + "\"}", "owner-a", null,
        (m, s) -> Optional.of(Map.of("replace", false)));
    assertEquals("overwrite_declined", declined.structured().path("error").path("code").asText());
    ToolResult confirmed = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}",
        "owner-a", null, (m, s) -> Optional.of(Map.of("replace", true)));
    assertEquals("succeeded", confirmed.structured().path("status").asText(), confirmed.text());
  }

  @Test
  void ownTablesFromStructuredInput() throws Exception {
    ToolResult r = f.call("propose_plan", """
        {"name": "shop", "tables": [
          {"name": "customers", "rows": 5000, "columns": ["customer_id", "name", "email",
            {"name": "tier", "values": ["Free", "Pro", "Enterprise"], "weights": [60, 30, 10]}, "region"]},
          {"name": "orders", "rows": 15000, "columns": ["order_id",
            {"name": "customer_id", "references": "customers"}, "amount", "order_date", "status"]}],
         "skews": [{"table": "orders", "column": "customer_id", "by": "tier",
                    "weights": {"Enterprise": 5, "Pro": 2, "Free": 1}}]}
        """);
    assertFalse(r.isError(), r.text());
    assertEquals(20000, r.structured().path("total_rows").asLong());
    assertTrue(r.text().contains("weighted by tier"), r.text());
    assertTrue(r.text().contains("`orders.customer_id` → `customers.customer_id` (weighted by tier_weight)"),
        r.text());
    String id = r.structured().path("plan_id").asText();
    ToolResult sample = f.call("generate_sample", "{\"plan_id\": \"" + id + "\"}");
    assertFalse(sample.isError(), sample.text());
    assertTrue(sample.text().contains("### orders: 100 sample rows of 15,000"), sample.text());
  }

  @Test
  void sampleHasHeadsAndColumnSummaries() throws Exception {
    String id = propose("{\"template\": \"retail\", \"rows\": 2000}");
    ToolResult s = f.call("generate_sample", "{\"plan_id\": \"" + id + "\"}");
    assertFalse(s.isError(), s.text());
    JsonNode tables = s.structured().path("tables");
    assertEquals(5, tables.size());
    for (JsonNode t : tables) {
      assertTrue(t.path("sample_rows").asInt() >= 100, t.toString());
      assertTrue(t.path("columns").size() > 3);
    }
    // 20 rows per table in the text: a header, a rule and 20 rows after each table title
    String text = s.text();
    int at = text.indexOf("### customers");
    String[] lines = text.substring(at).split("\n");
    assertTrue(lines[1].startsWith("customer_id"), lines[1]);
    assertTrue(lines[22].startsWith("1"), lines[22]);
    assertTrue(lines[23].isEmpty(), lines[23]);
  }

  @Test
  void mistakesComeBackAsErrorsThatSayWhatToDo() throws Exception {
    ToolResult unknown = f.call("get_plan", "{\"plan_id\": \"pln_aaaaaaaaaaaaaaaaaaaaaaaaaa\"}");
    assertEquals("unknown_plan", unknown.structured().path("error").path("code").asText());
    assertTrue(unknown.structured().path("error").path("next_step").asText().contains("list_plans"));

    ToolResult badTemplate = f.call("propose_plan", "{\"template\": \"retial\"}");
    assertTrue(badTemplate.isError());
    assertTrue(badTemplate.text().contains("retail"), badTemplate.text());

    String id = propose("{\"template\": \"retail\", \"rows\": 1000}");
    ToolResult bad = f.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": ["
        + "{\"op\": \"drop_column\", \"table\": \"customers\", \"column\": \"custmer_id\"},"
        + "{\"op\": \"set_rows\", \"table\": \"shops\", \"rows\": 5}]}");
    assertEquals("invalid_plan", bad.structured().path("error").path("code").asText());
    assertEquals(2, bad.structured().path("error").path("violations").size(), bad.text());
    // nothing changed
    assertEquals(1, f.call("get_plan", "{\"plan_id\": \"" + id + "\"}").structured().path("latest_version").asInt());

    ToolResult outside = f.call("propose_plan",
        "{\"template\": \"retail\", \"destination\": {\"kind\": \"local\", \"path\": \"../../etc\"}}");
    assertEquals("destination_outside_root", outside.structured().path("error").path("code").asText());

    ToolResult job = f.call("get_job", "{\"job_id\": \"job_aaaaaaaaaaaaaaaaaaaaaaaaaa\"}");
    assertEquals("unknown_job", job.structured().path("error").path("code").asText());
  }

  @Test
  void limitsAreEnforcedWithAnExplanation() throws Exception {
    try (ToolFixture small = new ToolFixture(dir.resolve("small"), new Limits(10_000, 3, 8))) {
      ToolResult rows = small.call("propose_plan", "{\"template\": \"retail\", \"only_tables\": [\"customers\"]}");
      assertEquals(List.of("tables[0].columns"), paths(rows), rows.text());
      assertTrue(rows.text().contains("at most 8 columns per table") && rows.text().contains("--max-columns"),
          rows.text());
      ToolResult tables = small.call("propose_plan", "{\"template\": \"retail\"}");
      assertTrue(paths(tables).contains("tables"), tables.text());
      assertTrue(tables.text().contains("at most 3 tables per plan") && tables.text().contains("--max-tables"),
          tables.text());
      ToolResult many = small.call("propose_plan", "{\"tables\": [{\"name\": \"t\", \"rows\": 20000, "
          + "\"columns\": [\"id\", \"name\"]}]}");
      assertEquals("limit_rows", many.structured().path("error").path("code").asText());
      assertTrue(many.text().contains("--max-rows"), many.text());
    }
  }

  @Test
  void limitsAreReportedWithThePlansOtherProblemsAtOnce() throws Exception {
    try (ToolFixture small = new ToolFixture(dir.resolve("small"), new Limits(10_000, 2, 3))) {
      // three tables (one over), four columns in one of them (one over), and two mistakes of the plan's own
      ToolResult own = small.call("propose_plan", "{\"tables\": ["
          + "{\"name\": \"a\", \"rows\": 10, \"columns\": [\"id\", {\"name\": \"n\", \"type\": \"int\", "
          + "\"strategy\": \"uniform\", \"min\": 1, \"max\": 9, \"null_rate\": 2}]},"
          + "{\"name\": \"b\", \"rows\": 10, \"columns\": [\"id\", \"x\", \"y\", \"z\"]},"
          + "{\"name\": \"c\", \"rows\": -1, \"columns\": [\"id\"]}]}");
      assertEquals("invalid_plan", own.structured().path("error").path("code").asText(), own.text());
      List<String> ownPaths = paths(own);
      assertTrue(ownPaths.contains("tables") && ownPaths.contains("tables[1].columns"), own.text());
      assertTrue(ownPaths.stream().anyMatch(p -> p.startsWith("tables[0].columns[1]")), own.text());
      assertTrue(ownPaths.stream().anyMatch(p -> p.startsWith("tables[2].rows")), own.text());

      String id = small.call("propose_plan", "{\"tables\": [{\"name\": \"a\", \"rows\": 10, "
          + "\"columns\": [\"id\"]}]}").structured().path("plan_id").asText();
      ToolResult revised = small.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, "
          + "\"operations\": [{\"op\": \"add_column\", \"table\": \"a\", \"column\": \"x\"},"
          + "{\"op\": \"add_column\", \"table\": \"a\", \"column\": \"y\"},"
          + "{\"op\": \"add_column\", \"table\": \"a\", \"column\": \"z\"},"
          + "{\"op\": \"set_rows\", \"table\": \"nope\", \"rows\": 5}]}");
      assertEquals("invalid_plan", revised.structured().path("error").path("code").asText(), revised.text());
      assertTrue(paths(revised).contains("tables[0].columns"), revised.text());
      assertTrue(paths(revised).stream().anyMatch(p -> p.startsWith("operations[3]")), revised.text());
      assertEquals(1, small.call("get_plan", "{\"plan_id\": \"" + id + "\"}").structured().path("latest_version")
          .asInt());
    }
  }

  private static List<String> paths(ToolResult r) {
    List<String> out = new ArrayList<>();
    r.structured().path("error").path("violations").forEach(v -> out.add(v.path("path").asText()));
    return out;
  }

  @Test
  void unityCatalogCatalogAndSchemaAreAskedForNeverDefaulted() throws Exception {
    String dest = "{\"template\": \"retail\", \"rows\": 1000, \"destination\": {\"kind\": \"unity_catalog\"}}";
    ToolResult noElicitation = f.call("propose_plan", dest);
    assertEquals("catalog_schema_needed", noElicitation.structured().path("error").path("code").asText());
    assertTrue(noElicitation.text().contains("ask the person"), noElicitation.text());

    List<String> asked = new ArrayList<>();
    ToolResult elicited = f.call("propose_plan", dest, "owner-a", null, (message, schema) -> {
      asked.add(message);
      return Optional.of(Map.of("catalog", "demo", "schema", "retail"));
    });
    assertFalse(elicited.isError(), elicited.text());
    assertEquals(1, asked.size());
    assertEquals("demo", elicited.structured().path("plan").path("destination").path("catalog").asText());
    assertTrue(elicited.structured().path("tier").path("serverless").asBoolean());
    assertTrue(elicited.text().contains("**Compute:** Serverless"), elicited.text());

    ToolResult declined = f.call("propose_plan", dest, "owner-a", null, (m, s) -> Optional.empty());
    assertEquals("catalog_schema_needed", declined.structured().path("error").path("code").asText());

    String id = elicited.structured().path("plan_id").asText();
    ToolResult noAck = f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}");
    assertEquals("serverless_not_acknowledged", noAck.structured().path("error").path("code").asText());
    ToolResult ack = f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, "
        + "\"acknowledge_serverless\": true}");
    assertTrue(ack.structured().path("serverless_acknowledged").asBoolean(), ack.text());
  }

  @Test
  void aUnityCatalogDestinationsCompressionIsTheRunsCompression() throws Exception {
    String id = propose("{\"template\": \"retail\", \"rows\": 1000, \"only_tables\": [\"customers\"], "
        + "\"destination\": {\"kind\": \"unity_catalog\", \"catalog\": \"demo\", \"schema\": \"shop\", "
        + "\"compression\": \"snappy\"}}");
    assertFalse(f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, "
        + "\"acknowledge_serverless\": true}").isError());
    ToolResult run = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 60}");
    assertEquals("succeeded", run.structured().path("status").asText(), run.text());
    Path file;
    try (Stream<Path> files = Files.walk(f.out)) {
      file = files.filter(p -> p.getFileName().toString().equals("customers.parquet")).findFirst().orElseThrow();
    }
    try (Duck duck = new Duck()) {
      assertEquals("SNAPPY", duck.one("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"));
    }
    assertTrue(Files.readString(file.resolveSibling("manifest.json")).contains("\"snappy\""));
  }

  @Test
  void cancellingAJobLeavesNoFileUnderAFinalName() throws Exception {
    String id = propose("{\"template\": \"retail\", \"rows\": 400000}");
    f.call("approve_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1}");
    ToolResult started = f.call("generate_full", "{\"plan_id\": \"" + id + "\", \"wait_seconds\": 0}");
    String job = started.structured().path("job_id").asText();
    assertTrue(List.of("queued", "running").contains(started.structured().path("status").asText()));
    ToolResult cancelled = f.call("cancel_job", "{\"job_id\": \"" + job + "\"}");
    assertEquals("cancelled", cancelled.structured().path("status").asText(), cancelled.text());
    Path outDir = f.out.resolve("retail");
    try (Stream<Path> files = Files.exists(outDir) ? Files.walk(outDir) : Stream.empty()) {
      assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
    }
  }

  @Test
  void listPlansShowsOnlyTheOwnersPlans() throws Exception {
    String a = propose("{\"template\": \"retail\", \"rows\": 1000}");
    ToolResult b = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 1000}", "owner-b", null, null);
    String bId = b.structured().path("plan_id").asText();
    JsonNode listA = f.call("list_plans", "{}").structured().path("plans");
    assertEquals(1, listA.size());
    assertEquals(a, listA.get(0).path("plan_id").asText());
    JsonNode listB = f.call("list_plans", "{}", "owner-b", null, null).structured().path("plans");
    assertEquals(1, listB.size());
    assertEquals(bId, listB.get(0).path("plan_id").asText());
  }
}
