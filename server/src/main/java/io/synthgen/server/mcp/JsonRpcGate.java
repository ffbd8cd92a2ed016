package io.synthgen.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Locale;

/**
 * Checks one raw JSON-RPC message before the MCP SDK sees it, on both transports, so that anything that is not a
 * well-formed MCP message gets the JSON-RPC error the specification defines instead of reaching code that would
 * throw: not JSON is -32700 (parse error); JSON that is not a request, notification or response (an array, a
 * scalar, a wrong {@code jsonrpc}, a wrong type of {@code id} or {@code method}) is -32600 (invalid request), with
 * {@code id: null} when no id can be read; a request whose parameters have the wrong shape is -32602 (invalid
 * params). Notifications and responses are never answered; a malformed one is dropped. Error messages say what
 * to send instead and carry no Java detail.
 */
final class JsonRpcGate {

  /** Deepest nesting of objects and arrays accepted in a message; a plan needs about ten levels. */
  static final int MAX_DEPTH = 64;

  /**
   * The code of a request the HTTP server refuses before reading it (Host, Origin, bearer token, an HTTP error): a
   * server error of the range JSON-RPC leaves to implementations.
   */
  static final int REFUSED = -32000;

  /** Longest number literal accepted, in characters. */
  static final int MAX_NUMBER_CHARS = 100;

  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
        .maxNumberLength(MAX_NUMBER_CHARS).build());
  }

  /** What to do with a message. */
  sealed interface Verdict permits Accept, Reject, Drop {
  }

  /** A well-formed message for the SDK. */
  record Accept(McpSchema.JSONRPCMessage message) implements Verdict {
  }

  /** A malformed request: answer it with this error response and do not pass it on. */
  record Reject(ObjectNode response) implements Verdict {

    int code() {
      return response.path("error").path("code").asInt();
    }
  }

  /** A malformed notification or response: nothing may be answered; it is dropped. */
  record Drop(String reason) implements Verdict {
  }

  private final McpJsonMapper mapper;
  private final int maxBytes;

  JsonRpcGate(McpJsonMapper mapper, int maxBytes) {
    this.mapper = mapper;
    this.maxBytes = maxBytes;
  }

  int maxBytes() {
    return maxBytes;
  }

  /** The answer to a message of {@code bytes} bytes that was not read because it is larger than the limit. */
  ObjectNode tooLarge(long bytes) {
    return error(null, McpSchema.ErrorCodes.INVALID_REQUEST, String.format(Locale.ROOT, "Invalid request: the "
        + "message has %s bytes, more than the limit of %d bytes (%d MiB); send a smaller message (for a large "
        + "plan: propose it in parts and add tables with revise_plan)", bytes < 0 ? "more" : String.valueOf(bytes),
        maxBytes, maxBytes >> 20));
  }

  Verdict check(String text) {
    JsonNode m;
    try {
      m = STRICT.readTree(text);
    } catch (StreamConstraintsException e) {
      return new Reject(error(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: the message nests "
          + "deeper than " + MAX_DEPTH + " levels or has a number longer than " + MAX_NUMBER_CHARS
          + " digits; flatten it"));
    } catch (JsonProcessingException e) {
      return new Reject(error(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: the message is not valid JSON ("
          + clean(e.getOriginalMessage()) + "); send one JSON-RPC 2.0 object per message"));
    }
    if (m == null || m.isMissingNode()) {
      return new Reject(error(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: the message is empty; send "
          + "one JSON-RPC 2.0 object per message"));
    }
    if (m.isArray()) {
      return new Reject(error(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: batches (JSON arrays) "
          + "are not supported by MCP; send each request as its own message"));
    }
    if (!m.isObject()) {
      return new Reject(error(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: a JSON-RPC message is "
          + "an object with jsonrpc, method and (for a request) id; got " + kind(m)));
    }
    JsonNode idNode = m.get("id");
    boolean hasId = m.has("id");
    Object id = null;
    if (hasId) {
      id = id(idNode);
      if (id == null) {
        return new Reject(error(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: id must be a string "
            + "of well-formed Unicode or an integer of at most 64 bits; got " + kind(idNode)));
      }
    }
    JsonNode method = m.get("method");
    boolean isResponse = method == null && (m.has("result") || m.has("error"));
    JsonNode version = m.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.asText().equals("2.0")) {
      boolean notification = !hasId && method != null && method.isTextual();
      return isResponse || notification ? new Drop("a message without jsonrpc \"2.0\"")
          : new Reject(error(id, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: jsonrpc must be \"2.0\""));
    }
    if (isResponse) {
      if (!hasId || m.has("result") == m.has("error")) {
        return new Drop("a response needs an id and exactly one of result and error");
      }
      return deserialize(text, id, false);
    }
    if (method != null && (m.has("result") || m.has("error"))) {
      return new Reject(error(id, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: a message is a request "
          + "or notification (method) or a response (result or error), not both"));
    }
    if (method == null || !method.isTextual() || method.asText().isEmpty()) {
      return new Reject(error(id, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: method must be a "
          + "non-empty string, e.g. \"tools/call\"" + (method == null ? "" : "; got " + kind(method))));
    }
    String problem = params(method.asText(), m.get("params"), m.has("params"));
    if (problem != null) {
      return hasId ? new Reject(error(id, McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid params: " + problem))
          : new Drop(method.asText() + ": " + problem);
    }
    return deserialize(text, id, hasId);
  }

  private Verdict deserialize(String text, Object id, boolean isRequest) {
    try {
      return new Accept(McpSchema.deserializeJsonRpcMessage(mapper, text));
    } catch (Exception e) {
      return isRequest ? new Reject(error(id, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request: not a "
          + "JSON-RPC 2.0 request of MCP")) : new Drop("not a JSON-RPC 2.0 message of MCP");
    }
  }

  /** What is wrong with the params of a method, or null. */
  private static String params(String method, JsonNode params, boolean present) {
    if (present && (params == null || !params.isObject())) {
      return "params must be an object; got " + kind(params);
    }
    if (params != null) {
      JsonNode meta = params.get("_meta");
      if (meta != null && !meta.isObject()) {
        return "params._meta must be an object; got " + kind(meta);
      }
      JsonNode token = meta == null ? null : meta.get("progressToken");
      if (token != null && !token.isTextual() && !token.canConvertToLong()) {
        return "params._meta.progressToken must be a string or an integer; got " + kind(token);
      }
    }
    switch (method) {
      case "tools/call":
      case "prompts/get":
        return require(params, "name", true) != null ? require(params, "name", true)
            : optionalObject(params, "arguments");
      case "resources/read":
        return require(params, "uri", true);
      case "initialize":
        String p = require(params, "protocolVersion", true);
        if (p != null) {
          return p;
        }
        p = require(params, "clientInfo", false);
        return p != null ? p : optionalObject(params, "capabilities");
      default:
        return null;
    }
  }

  private static String require(JsonNode params, String field, boolean text) {
    JsonNode v = params == null ? null : params.get(field);
    if (v == null || v.isNull()) {
      return "params." + field + " is required";
    }
    if (text ? !v.isTextual() : !v.isObject()) {
      return "params." + field + " must be " + (text ? "a string" : "an object") + "; got " + kind(v);
    }
    return null;
  }

  private static String optionalObject(JsonNode params, String field) {
    JsonNode v = params == null ? null : params.get(field);
    return v == null || v.isNull() || v.isObject() ? null : "params." + field + " must be an object; got " + kind(v);
  }

  /** The id as the SDK holds it (String, Integer or Long), or null when it is not a valid id. */
  private static Object id(JsonNode id) {
    if (id == null) {
      return null;
    }
    if (id.isTextual()) {
      // an id must be sent back exactly: text with a lone surrogate has no UTF-8 form
      return wellFormed(id.asText()) ? id.asText() : null;
    }
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      long v = id.asLong();
      return v == (int) v ? (Object) (int) v : (Object) v;
    }
    return null;
  }

  /** True when the text has no lone surrogate (so it has a UTF-8 form). */
  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** JSON text with every lone surrogate written as its escape, so that it survives UTF-8 unchanged. */
  static String escapeLoneSurrogates(String json) {
    if (wellFormed(json)) {
      return json;
    }
    StringBuilder b = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
        b.append(c).append(json.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static ObjectNode error(Object id, int code, String message) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("jsonrpc", "2.0");
    if (id instanceof String s) {
      r.put("id", s);
    } else if (id instanceof Integer i) {
      r.put("id", i);
    } else if (id instanceof Long l) {
      r.put("id", l);
    } else {
      r.putNull("id");
    }
    ObjectNode e = r.putObject("error");
    e.put("code", code);
    e.put("message", message);
    return r;
  }

  private static String kind(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    return v.isArray() ? "an array" : "an object";
  }

  /** A parser's message without its source excerpt. */
  private static String clean(String m) {
    if (m == null) {
      return "unreadable";
    }
    String s = m.replaceAll("\\s+", " ").replaceAll(" ?\\(?(start marker )?at \\[Source.*$", "").strip();
    return s.length() <= 160 ? s : s.substring(0, 160) + "…";
  }
}
