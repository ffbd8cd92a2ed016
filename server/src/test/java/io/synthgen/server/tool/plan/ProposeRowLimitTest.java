package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's row limit is checked from the plan alone, before resolution lays out per-parent tables. The proof that
 * the resolver did not run: the proposals carry an expression naming an unknown column, a problem only resolution
 * finds; under the limit it is what comes back, over the limit the row limit is.
 */
class ProposeRowLimitTest {

  /** An expression that only the resolver (which compiles expressions) rejects. */
  private static final String RESOLVE_ERROR = "\"changes\": [{\"op\": \"update_column\", \"table\": \"customers\", "
      + "\"column\": \"email\", \"set\": {\"strategy\": \"expression\", \"expr\": \"no_such_column || 'x'\"}}]";

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

  @Test
  void aProposalOverTheRowLimitIsRefusedBeforeResolution() throws Exception {
    // 1e8 customers (the main table), the other tables in proportion: 5e8 transactions, 1.5e9 line items laid out
    // per transaction; the default limit is 1e8 rows in all
    ToolResult r = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 100000000, " + RESOLVE_ERROR + "}");
    assertTrue(r.isError(), r.text());
    assertEquals("limit_rows", r.structured().path("error").path("code").asText(), r.text());
    assertTrue(r.text().contains("--max-rows"), r.text());
    assertTrue(r.text().contains("about"), r.text());
  }

  @Test
  void underTheLimitTheSameProposalReachesTheResolver() throws Exception {
    ToolResult r = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 1000, " + RESOLVE_ERROR + "}");
    assertTrue(r.isError(), r.text());
    assertEquals("invalid_plan", r.structured().path("error").path("code").asText(), r.text());
    assertTrue(r.structured().toString().contains("no_such_column"), r.structured().toString());
  }

  @Test
  void perParentTablesCountTowardsTheLimitWithTheirExpectedRows() throws Exception {
    // 5e6 customers: the independent tables make 5.75e7 rows, under the limit; the 7.5e7 line items generated per
    // transaction take the plan over it
    ToolResult r = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 5000000, " + RESOLVE_ERROR + "}");
    assertEquals("limit_rows", r.structured().path("error").path("code").asText(), r.text());
  }
}
