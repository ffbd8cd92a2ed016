package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wrapping arguments the tester sent over stdio (/work/adv2/mcp_wrap_repro.jsonl): each is refused before the
 * tool runs, naming the argument, its range and the value as sent; none is accepted as its 64-bit remainder.
 */
class ToolArgumentsOverMcpTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(90);

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "rows|18446744073709552616|maximum value of 1000000000000",
      "seed|18446744073709551658|maximum value of 9223372036854775807",
      "rows|99999999999999999999|maximum value of 1000000000000",
  })
  void aValueBeyondItsRangeIsRefusedWithTheValueSent(String argument, String value, String range) {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, InProcess.BUDGET),
          InProcess::standard)) {
        run.client.initialize();
        JsonNode r = run.client.request("tools/call", "{\"name\":\"propose_plan\",\"arguments\":{\"template\":"
            + "\"retail\",\"" + argument + "\":" + value + "}}");
        assertTrue(r.path("isError").asBoolean(), r.toString());
        String text = r.path("content").get(0).path("text").asText();
        assertTrue(text.contains("/" + argument) && text.contains(range), text);
        assertTrue(text.contains("sent /" + argument + " = " + value), text);
        JsonNode ok = run.client.request("tools/call",
            "{\"name\":\"propose_plan\",\"arguments\":{\"template\":\"retail\",\"" + argument + "\":1000}}");
        assertFalse(ok.path("isError").asBoolean(), ok.toString());
      }
    });
  }
}
