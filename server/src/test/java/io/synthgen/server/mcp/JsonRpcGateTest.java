package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of malformed message gets the JSON-RPC error the specification defines, with the id when it has one. */
class JsonRpcGateTest {

  private final JsonRpcGate gate = new JsonRpcGate(McpJsonDefaults.getMapper(), 1 << 20);

  @ParameterizedTest(name = "{0} -> {1}, id {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "hello|-32700|null",
      "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"`|-32700|null",
      "`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}}`|-32700|null",
      "[]|-32600|null",
      "`[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]`|-32600|null",
      "null|-32600|null",
      "42|-32600|null",
      "`\"ping\"`|-32600|null",
      "`{\"jsonrpc\":\"2.0\"}`|-32600|null",
      "`{}`|-32600|null",
      "`{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}`|-32600|7",
      "`{\"id\":7,\"method\":\"ping\"}`|-32600|7",
      "`{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}`|-32600|null",
      "`{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}`|-32600|null",
      "`{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}`|-32600|null",
      "`{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"ping\"}`|-32600|null",
      "`{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":5}`|-32600|a",
      "`{\"jsonrpc\":\"2.0\",\"id\":\"a\"}`|-32600|a",
      "`{\"jsonrpc\":\"2.0\",\"method\":7}`|-32600|null",
      "`{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":[1]}`|-32602|3",
      "`{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":5}}`|-32602|3",
      "`{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{}}`|-32602|3",
      "`{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"x\","
          + "\"arguments\":[]}}`|-32602|3",
      "`{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":{\"uri\":null}}`|-32602|3",
      "`{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":1}}`|-32602|3",
      "`{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"_meta\":{\"progressToken\":[]}}}`|-32602|3",
  })
  void malformedRequestsGetTheirError(String message, int code, String id) {
    JsonRpcGate.Reject r = assertInstanceOf(JsonRpcGate.Reject.class, gate.check(message), message);
    JsonNode res = r.response();
    assertEquals("2.0", res.path("jsonrpc").asText());
    assertEquals(code, res.path("error").path("code").asInt(), res.toString());
    assertEquals(id, res.get("id").isNull() ? "null" : res.get("id").asText(), res.toString());
    String text = res.path("error").path("message").asText();
    assertFalse(text.contains("Source") || text.contains("Exception") || text.contains("jackson"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":5}",
      "{\"jsonrpc\":\"1.0\",\"method\":\"notifications/initialized\"}",
      "{\"jsonrpc\":\"2.0\",\"result\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"x\"}}",
  })
  void malformedNotificationsAndResponsesAreDroppedUnanswered(String message) {
    assertInstanceOf(JsonRpcGate.Drop.class, gate.check(message), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"x-1\",\"method\":\"tools/list\",\"params\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such/method\"}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{\"action\":\"accept\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"x\","
          + "\"arguments\":{\"a\":\"\u00e9\ud83d\ude00\"},"
          + "\"_meta\":{\"progressToken\":\"t\"}}}",
  })
  void wellFormedMessagesPass(String message) {
    JsonRpcGate.Accept a = assertInstanceOf(JsonRpcGate.Accept.class, gate.check(message), message);
    assertTrue(a.message() instanceof McpSchema.JSONRPCMessage);
  }

  @ParameterizedTest
  @ValueSource(ints = {JsonRpcGate.MAX_DEPTH + 1, 5_000, 100_000})
  void deepNestingIsAnInvalidRequestNotACrash(int depth) {
    String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":" + "[".repeat(depth)
        + "]".repeat(depth) + "}}";
    JsonRpcGate.Reject r = assertInstanceOf(JsonRpcGate.Reject.class, gate.check(deep));
    assertEquals(McpSchema.ErrorCodes.INVALID_REQUEST, r.code());
    assertTrue(r.response().path("error").path("message").asText().contains("deeper than 64 levels"));
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 100_000})
  void hugeNumbersAreRefused(int digits) {
    String m = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"n\":" + "9".repeat(digits) + "}}";
    assertInstanceOf(JsonRpcGate.Reject.class, gate.check(m));
  }

  @org.junit.jupiter.api.Test
  void anOversizedMessageSaysTheLimit() {
    JsonNode r = gate.tooLarge(5_000_000);
    assertEquals(-32600, r.path("error").path("code").asInt());
    assertTrue(r.get("id").isNull());
    assertTrue(r.path("error").path("message").asText().contains("limit of 1048576 bytes"), r.toString());
  }
}
