package io.synthgen.server.tool.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.server.tool.ToolFixture;
import io.synthgen.server.tool.ToolResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skews weigh the foreign keys of own tables; with a template they are refused, not silently dropped. */
class ProposeSkewsTest {

  @TempDir
  Path dir;

  @Test
  void skewsWithATemplateAreRefused() throws Exception {
    try (ToolFixture f = new ToolFixture(dir)) {
      ToolResult r = f.call("propose_plan", "{\"template\": \"retail\", \"skews\": [{\"table\": \"transactions\", "
          + "\"column\": \"customer_id\", \"by\": \"loyalty_tier\", \"weights\": {\"Gold\": 50, \"Silver\": 1}}]}");
      assertTrue(r.isError(), r.text());
      assertEquals("invalid_argument", r.structured().path("error").path("code").asText(), r.text());
      assertTrue(r.structured().path("error").path("message").asText().contains("not applied to a template"),
          r.text());
    }
  }
}
