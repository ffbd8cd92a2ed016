package io.synthgen.server.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numeric tool arguments are read strictly: a value beyond 64 bits, a fraction, a string or a value outside the
 * documented range is an invalid_argument naming the argument, the value as sent and the range; never wrapped to
 * another value and accepted.
 */
class ToolArgumentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** 2^64 + 1000, which a 64-bit read wraps to 1000. */
  private static final String WRAPS_TO_1000 = "18446744073709552616";
  /** 2^64 + 42, which a 64-bit read wraps to 42. */
  private static final String WRAPS_TO_42 = "18446744073709551658";

  @TempDir
  Path dir;
  private ToolFixture f;

  @BeforeEach
  void open() {
    f = new ToolFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private void assertRefused(String tool, String args, String argument, String sent, String range)
      throws Exception {
    ToolResult r = f.call(tool, args);
    assertTrue(r.isError(), tool + " " + args + " was accepted: " + r.text());
    JsonNode s = r.structured().path("error");
    assertEquals("invalid_argument", s.path("code").asText(), r.text());
    String message = s.path("message").asText();
    assertTrue(message.contains("argument " + argument + " "), message);
    assertTrue(message.contains("got " + sent), message);
    assertTrue(message.contains(range), message);
    assertTrue(s.path("next_step").asText().contains(argument), r.text());
  }

  @Test
  void rowsBeyond64BitsAreRefusedNotWrapped() throws Exception {
    assertRefused("propose_plan", "{\"template\": \"retail\", \"rows\": " + WRAPS_TO_1000 + "}", "rows",
        WRAPS_TO_1000, "from 1 to 1000000000000");
    assertRefused("propose_plan", "{\"template\": \"retail\", \"rows\": 99999999999999999999}", "rows",
        "99999999999999999999", "from 1 to 1000000000000");
    assertRefused("propose_plan", "{\"template\": \"retail\", \"rows\": 1000000000001}", "rows",
        "1000000000001", "from 1 to 1000000000000");
    assertRefused("propose_plan", "{\"template\": \"retail\", \"rows\": 0}", "rows", "0", "from 1");
    assertRefused("propose_plan", "{\"template\": \"retail\", \"rows\": 1000.5}", "rows", "1000.5", "whole number");
    assertRefused("propose_plan", "{\"template\": \"retail\", \"rows\": \"1000\"}", "rows", "\"1000\"",
        "whole number");
    assertEquals(0, f.services.plans().list("owner-a").size(), "no plan was stored");
  }

  @Test
  void seedBeyond64BitsIsRefusedNotWrapped() throws Exception {
    assertRefused("propose_plan", "{\"template\": \"retail\", \"seed\": " + WRAPS_TO_42 + "}", "seed", WRAPS_TO_42,
        "from -9223372036854775808 to 9223372036854775807");
    assertRefused("propose_plan", "{\"template\": \"retail\", \"seed\": -9223372036854775809}", "seed",
        "-9223372036854775809", "whole number");
    ToolResult edge = f.call("propose_plan", "{\"template\": \"retail\", \"seed\": -9223372036854775808}");
    assertFalse(edge.isError(), edge.text());
    assertEquals(Long.MIN_VALUE, edge.structured().path("plan").path("seed").asLong());
  }

  @Test
  void wholeNumbersWithAZeroFractionAreTheirValue() throws Exception {
    ToolResult r = f.call("propose_plan", "{\"template\": \"retail\", \"rows\": 2000.0, \"seed\": 7.0}");
    assertFalse(r.isError(), r.text());
    assertEquals(7, r.structured().path("plan").path("seed").asLong());
    JsonNode plan = r.structured().path("plan");
    String main = plan.path("main_table").asText();
    for (JsonNode t : plan.path("tables")) {
      if (t.path("name").asText().equals(main)) {
        assertEquals(2000, t.path("rows").asLong(), main);
        return;
      }
    }
    throw new AssertionError("no main table " + main + " in " + plan);
  }

  @Test
  void tierVersionAndSampleSizesAreRangeChecked() throws Exception {
    assertRefused("propose_plan", "{\"template\": \"retail\", \"tier\": 4294967298}", "tier", "4294967298",
        "from 1 to 3");
    assertRefused("propose_plan", "{\"template\": \"retail\", \"tier\": 4}", "tier", "4", "from 1 to 3");
    String id = f.call("propose_plan", "{\"template\": \"retail\"}").structured().path("plan_id").asText();
    String plan = "{\"plan_id\": \"" + id + "\", ";
    // 2^32 + 1 and 2^32 + 2 wrap to versions 1 and 2 in a 32-bit read
    assertRefused("get_plan", plan + "\"version\": 4294967297}", "version", "4294967297", "from 1 to 2147483647");
    assertRefused("approve_plan", plan + "\"version\": 4294967297}", "version", "4294967297", "from 1 to");
    assertRefused("revise_plan", plan + "\"version\": 4294967297, \"operations\": [{\"op\": \"set_seed\", "
        + "\"seed\": 5}]}", "version", "4294967297", "from 1 to");
    assertRefused("generate_sample", plan + "\"version\": 1.5}", "version", "1.5", "whole number");
    assertRefused("generate_sample", plan + "\"per_table\": 4294967297}", "per_table", "4294967297",
        "from 1 to 1000");
    assertRefused("generate_sample", plan + "\"per_table\": 0}", "per_table", "0", "from 1 to 1000");
    assertRefused("generate_sample", plan + "\"head\": 51}", "head", "51", "from 0 to 50");
    assertRefused("generate_full", plan + "\"wait_seconds\": 61}", "wait_seconds", "61", "from 0 to 60");
    assertRefused("generate_full", plan + "\"wait_seconds\": -0.5}", "wait_seconds", "-0.5", "from 0 to 60");
    assertRefused("write_to_uc", plan + "\"catalog\": \"c\", \"schema\": \"s\", \"wait_seconds\": 1e400}",
        "wait_seconds", "", "from 0 to 60");
    assertRefused("get_job", "{\"job_id\": \"job_x\", \"wait_seconds\": \"5\"}", "wait_seconds", "\"5\"",
        "a number from 0 to 60");
    ToolResult v = f.call("get_plan", plan + "\"version\": 1}");
    assertFalse(v.isError(), v.text());
  }

  @Test
  void setTierOfARevisionIsReadStrictly() throws Exception {
    String id = f.call("propose_plan", "{\"template\": \"retail\"}").structured().path("plan_id").asText();
    ToolResult r = f.call("revise_plan", "{\"plan_id\": \"" + id + "\", \"version\": 1, \"operations\": ["
        + "{\"op\": \"set_tier\", \"tier\": 4294967298}]}");
    assertTrue(r.isError(), r.text());
    assertTrue(r.text().contains("4294967298"), r.text());
    assertEquals(1, f.services.plans().get(id).latest().version(), "nothing was stored");
  }

  @Test
  void everyNumericInputStatesItsRangeAndTheSchemaRefusesWrappingValues() {
    for (String name : ToolRegistry.NAMES) {
      checkRanges(name, "", ToolDefinition.load(name).inputSchema());
    }
    JsonSchemaValidator v = new DefaultJsonSchemaValidator();
    Map<String, Object> schema = asMap(ToolDefinition.load("propose_plan").inputSchema());
    for (String args : new String[] {"{\"template\": \"retail\", \"rows\": " + WRAPS_TO_1000 + "}",
        "{\"template\": \"retail\", \"seed\": " + WRAPS_TO_42 + "}"}) {
      assertFalse(v.validate(schema, asMap(args)).valid(), args);
    }
    assertTrue(v.validate(schema, asMap("{\"template\": \"retail\", \"rows\": 1000, \"seed\": -3}")).valid());
  }

  private static void checkRanges(String tool, String path, Object schema) {
    JsonNode n = JSON.valueToTree(schema);
    String type = n.path("type").asText();
    if (type.equals("integer") || type.equals("number")) {
      assertTrue(n.has("minimum") && n.has("maximum"), tool + path + " states minimum and maximum");
    }
    for (Map.Entry<String, JsonNode> e : n.path("properties").properties()) {
      checkRanges(tool, path + "." + e.getKey(), e.getValue());
    }
    if (n.has("items")) {
      checkRanges(tool, path + "[]", n.get("items"));
    }
  }

  private static Map<String, Object> asMap(Object o) {
    try {
      Object tree = o instanceof String s ? JSON.readTree(s) : o;
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.convertValue(tree, Map.class);
      return m;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
