package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.config.CallBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * propose_plan's source object over the MCP protocol (stdio): the server's input-schema check accepts a source
 * with a path and refuses one without it or with an unknown field before the tool runs.
 */
class ProposeFromSourceOverMcpTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(120);

  @TempDir
  Path dir;

  @Test
  void aSourceObjectIsCheckedByItsSchemaAndPlannedFromTheFiles() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      Path data = Files.createDirectories(dir.resolve("out").resolve("exports"));
      StringBuilder csv = new StringBuilder("visit_id,clinic,visited_on\n");
      for (int i = 1; i <= 400; i++) {
        csv.append(i).append(',').append(i % 4 == 0 ? "North" : "South").append(",2024-03-")
            .append(10 + i % 19).append('\n');
      }
      Files.writeString(data.resolve("visits.csv"), csv);
      try (InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, CallBudget.DEFAULT),
          InProcess::standard)) {
        run.client.initialize();
        JsonNode ok = run.client.request("tools/call", "{\"name\":\"propose_plan\",\"arguments\":{\"source\":"
            + "{\"path\":\"exports/visits.csv\",\"min_count\":5}}}");
        assertFalse(ok.path("isError").asBoolean(), ok.toString());
        JsonNode table = ok.path("structuredContent").path("plan").path("tables").get(0);
        assertEquals("visits", table.path("name").asText(), ok.toString());
        assertEquals(400, table.path("rows").asLong());

        JsonNode noPath = run.client.request("tools/call", "{\"name\":\"propose_plan\",\"arguments\":{\"source\":"
            + "{\"min_count\":5}}}");
        assertTrue(noPath.path("isError").asBoolean(), noPath.toString());
        JsonNode unknown = run.client.request("tools/call", "{\"name\":\"propose_plan\",\"arguments\":{\"source\":"
            + "{\"path\":\"exports\",\"sheet\":1}}}");
        assertTrue(unknown.path("isError").asBoolean(), unknown.toString());
        assertTrue(unknown.path("content").get(0).path("text").asText().contains("sheet"), unknown.toString());
      }
    });
  }

  /**
   * A streaming profile allocates in proportion to the rows while its live memory stays bounded by ProfileLimits:
   * the memory budget (bytes allocated) does not stop it. 2M rows under a 64 MiB budget allocate well over it, as
   * 10M rows did under the default 2 GiB.
   */
  @Test
  void aLargeSourceIsProfiledUnderTheMemoryBudget() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      Path data = Files.createDirectories(dir.resolve("out").resolve("big"));
      try (io.synthgen.testing.Duck d = new io.synthgen.testing.Duck()) {
        d.exec("COPY (SELECT i AS txn_id, i % 5000 AS store_id, round(random() * 500, 2) AS amount, "
            + "['card', 'cash', 'wallet'][1 + i % 3] AS method FROM range(1, 2000001) t(i)) TO '"
            + data.resolve("txns.parquet") + "' (FORMAT parquet)");
      }
      CallBudget small = CallBudget.DEFAULT.withCallMemoryBytes(64L << 20);
      try (InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, small), InProcess::standard)) {
        run.client.initialize();
        JsonNode ok = run.client.request("tools/call", "{\"name\":\"propose_plan\",\"arguments\":{\"source\":"
            + "{\"path\":\"big/txns.parquet\"}}}");
        assertFalse(ok.path("isError").asBoolean(), ok.toString());
        assertEquals(2_000_000, ok.path("structuredContent").path("plan").path("tables").get(0).path("rows")
            .asLong(), ok.toString());
      }
    });
  }
}
