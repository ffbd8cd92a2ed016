package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random and mutated JSON-RPC messages from a seed, and the oracle that says what the specification requires in
 * answer to each: a request (jsonrpc "2.0", a string method, a string or integer id) gets exactly one response with
 * its id; a notification gets none (over HTTP, a refused one may get an error without id, as MCP allows); anything
 * else gets at most one error, with code -32700, -32600 or -32602 and the message's id or null. Every answer must be
 * a conforming JSON-RPC message without Java internals (checked by {@link RawRpc}).
 */
final class ProtocolFuzz {

  /**
   * Messages per transport and run: a few hundred, well under a minute ({@code -Dsynthgen.fuzz.tries=N} and
   * {@code -Dsynthgen.fuzz.seed=S} run a longer campaign, as for the plan fuzzer).
   */
  static final int MESSAGES = Integer.getInteger("synthgen.fuzz.tries", 300);

  static final long SEED = Long.getLong("synthgen.fuzz.seed", 20261201L);

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static {
    // the oracle reads what the server must refuse too
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000)
        .maxNumberLength(1_000_000).build());
  }

  private static final Set<Integer> INVALID_CODES = Set.of(-32700, -32600, -32602);

  private static final String[] TOOLS = {"list_templates", "get_plan", "list_plans", "get_job", "cancel_job",
      "generate_sample", "approve_plan", "revise_plan", "write_to_uc", "no_such_tool", ""};
  private static final String[] ARGS = {"{}", "{\"plan_id\":\"p-none\"}", "{\"plan_id\":5}", "{\"job_id\":\"j\"}",
      "{\"template\":\"nope\"}", "{\"version\":-1,\"plan_id\":\"x\"}", "{\"wait_seconds\":1e308}",
      "{\"plan_id\":\"\\u0000\\ud800\"}", "{\"ops\":[{\"op\":\"set_rows\"}]}", "{\"a\":[[[[[[[]]]]]]]}"};
  private static final String[] URIS = {"synthgen://templates", "synthgen://plans/x/1/plan.json", "file:///etc/passwd",
      "", "synthgen://templates/retail", "http://127.0.0.1:1@evil.example/", "synthgen://plans/%00/1/plan.json"};
  private static final String[] METHODS = {"ping", "tools/list", "tools/call", "resources/list",
      "resources/templates/list", "resources/read", "prompts/list", "prompts/get", "logging/setLevel",
      "completion/complete", "no/such/method", "notifications/initialized", "notifications/cancelled",
      "notifications/roots/list_changed", "notifications/unknown", "initialize", "sampling/createMessage"};
  private static final String[] ODD = {"\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u2028\\u2029\"",
      "\"\uD83D\uDE00\u202E\u0301\"", "\"\\uFFFF\"", "null", "true", "0", "-1", "1.5", "-0", "1e999999",
      "123456789012345678901234567890", "9223372036854775808", "[]", "{}", "[null]", "{\"\":{}}"};

  enum Kind { REQUEST, NOTIFICATION, INVALID }

  record Expect(Kind kind, Object id) {
  }

  private final Random rnd;
  private int serial;

  ProtocolFuzz(long seed) {
    this.rnd = new Random(seed);
  }

  /** The next message: usually a valid one mutated, sometimes raw garbage. */
  String next() {
    serial++;
    if (rnd.nextInt(12) == 0) {
      return garbage();
    }
    ObjectNode m = base();
    int mutations = rnd.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      mutate(m);
    }
    String text = m.toString();
    switch (rnd.nextInt(16)) {
      case 0:
        return "[" + text + "]";
      case 1:
        return "[" + text + "," + text + "]";
      case 2:
        return text.substring(0, rnd.nextInt(text.length()));
      case 3:
        int at = rnd.nextInt(text.length());
        return text.substring(0, at) + (char) (rnd.nextInt(94) + 33) + text.substring(at + 1);
      case 4:
        return "\uFEFF" + text;
      case 5:
        return text.replaceFirst("\\{", "{\"id\":\"dup-" + serial + "\",");
      default:
        return text;
    }
  }

  private ObjectNode base() {
    ObjectNode m = JSON.createObjectNode();
    m.put("jsonrpc", "2.0");
    String method = METHODS[rnd.nextInt(METHODS.length)];
    if (!method.startsWith("notifications/")) {
      if (rnd.nextBoolean()) {
        m.put("id", "f-" + serial);
      } else {
        m.put("id", 1_000_000 + serial);
      }
    }
    m.put("method", method);
    ObjectNode p = JSON.createObjectNode();
    switch (method) {
      case "tools/call":
        p.put("name", TOOLS[rnd.nextInt(TOOLS.length)]);
        p.putRawValue("arguments", new RawValue(ARGS[rnd.nextInt(ARGS.length)]));
        if (rnd.nextInt(4) == 0) {
          p.putObject("_meta").put("progressToken", "pt-" + serial);
        }
        break;
      case "resources/read":
        p.put("uri", URIS[rnd.nextInt(URIS.length)]);
        break;
      case "prompts/get":
        p.put("name", rnd.nextBoolean() ? "generate_retail" : "nope");
        p.putObject("arguments").put("rows", rnd.nextBoolean() ? "5000" : "many");
        break;
      case "logging/setLevel":
        p.put("level", rnd.nextBoolean() ? "debug" : "loud");
        break;
      case "notifications/cancelled":
        p.put("requestId", "f-" + (serial - 1));
        p.put("reason", "fuzz");
        break;
      case "initialize":
        p.put("protocolVersion", rnd.nextBoolean() ? "2025-06-18" : "1999-01-01");
        p.putObject("capabilities");
        p.putObject("clientInfo").put("name", "fuzz").put("version", "1");
        break;
      default:
        if (rnd.nextBoolean()) {
          p.put("cursor", "c" + rnd.nextInt(5));
        }
    }
    m.set("params", p);
    return m;
  }

  private void mutate(ObjectNode m) {
    ObjectNode params = m.get("params") instanceof ObjectNode o ? o : null;
    switch (rnd.nextInt(9)) {
      case 0:
        removeRandom(rnd.nextBoolean() || params == null ? m : params);
        break;
      case 1:
        m.putRawValue("id", new RawValue(ODD[rnd.nextInt(ODD.length)]));
        break;
      case 2:
        m.putRawValue("method", new RawValue(rnd.nextBoolean() ? ODD[rnd.nextInt(ODD.length)]
            : "\"" + "x/".repeat(rnd.nextInt(2_000)) + "\""));
        break;
      case 3:
        m.putRawValue("jsonrpc", new RawValue(rnd.nextBoolean() ? "\"1.0\"" : ODD[rnd.nextInt(ODD.length)]));
        break;
      case 4:
        m.putRawValue("params", new RawValue(ODD[rnd.nextInt(ODD.length)]));
        break;
      case 5:
        int depth = 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 3_000);
        (params != null ? params : m).putRawValue("deep", new RawValue("[".repeat(depth) + "]".repeat(depth)));
        break;
      case 6:
        if (params != null) {
          List<String> keys = keys(params);
          String key = keys.isEmpty() ? "name" : keys.get(rnd.nextInt(keys.size()));
          params.putRawValue(key, new RawValue(ODD[rnd.nextInt(ODD.length)]));
        }
        break;
      case 7:
        m.putRawValue("result", new RawValue("{}"));
        break;
      default:
        (params != null ? params : m).put("s" + rnd.nextInt(3), "\u00e9\u4e2d\uD83D\uDE00".repeat(rnd.nextInt(500)));
    }
  }

  private void removeRandom(ObjectNode o) {
    List<String> keys = keys(o);
    if (!keys.isEmpty()) {
      o.remove(keys.get(rnd.nextInt(keys.size())));
    }
  }

  private static List<String> keys(ObjectNode o) {
    List<String> keys = new ArrayList<>();
    Iterator<String> it = o.fieldNames();
    it.forEachRemaining(keys::add);
    return keys;
  }

  private String garbage() {
    String[] g = {"hello", "[]", "null", "{", "}", "{\"jsonrpc\":\"2.0\"}", "\"\\ud800\"", "1e999999", "[[[[[[[[",
        "{\"a\":" + "{\"a\":".repeat(rnd.nextInt(5_000)), "\u0000\u0001\u0002", "{}{}", "true", "-", "\u00ff\u00fe",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}junk"};
    return g[rnd.nextInt(g.length)];
  }

  /** What the specification requires in answer to a message. */
  static Expect expect(String message) {
    JsonNode m;
    try {
      m = JSON.readTree(message);
    } catch (Exception e) {
      return new Expect(Kind.INVALID, null);
    }
    if (m == null || !m.isObject() || depth(m) > JsonRpcGate.MAX_DEPTH || longNumber(m)) {
      return new Expect(Kind.INVALID, null);
    }
    JsonNode v = m.get("jsonrpc");
    JsonNode method = m.get("method");
    if (v == null || !v.isTextual() || !v.asText().equals("2.0") || method == null || !method.isTextual()
        || method.asText().isEmpty() || m.has("result") || m.has("error")) {
      return new Expect(Kind.INVALID, null);
    }
    if (!m.has("id")) {
      return new Expect(Kind.NOTIFICATION, null);
    }
    JsonNode id = m.get("id");
    if (id.isTextual() && JsonRpcGate.wellFormed(id.asText())) {
      return new Expect(Kind.REQUEST, id.asText());
    }
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      return new Expect(Kind.REQUEST, id.asLong());
    }
    return new Expect(Kind.INVALID, null);
  }

  /** Checks the answers to one message against the oracle; the message is named in every failure. */
  static void check(String message, List<JsonNode> answers) {
    Expect e = expect(message);
    List<JsonNode> responses = answers.stream().filter(a -> !a.has("method")).toList();
    String what = "for " + abbreviate(message) + " (" + e.kind() + "): " + answers;
    switch (e.kind()) {
      case REQUEST:
        assertEquals(1, responses.size(), "one response " + what);
        assertTrue(RawRpc.idEquals(responses.get(0).get("id"), e.id()), "the response has the id " + what);
        break;
      case NOTIFICATION:
        // nothing answers a notification; over HTTP a refused one may carry an error without id (MCP transports)
        assertTrue(responses.isEmpty() || responses.size() == 1 && responses.get(0).has("error")
            && responses.get(0).get("id").isNull(), "no response to a notification " + what);
        break;
      case INVALID:
        assertTrue(responses.size() <= 1, "at most one response " + what);
        for (JsonNode r : responses) {
          assertTrue(r.has("error"), "an error " + what);
          int code = r.path("error").path("code").asInt();
          assertTrue(INVALID_CODES.contains(code), "code -32700, -32600 or -32602 " + what);
        }
        break;
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
  }

  private static int depth(JsonNode n) {
    int d = 0;
    for (JsonNode c : n) {
      d = Math.max(d, depth(c));
    }
    return n.isContainerNode() ? d + 1 : 0;
  }

  private static boolean longNumber(JsonNode n) {
    if (n.isNumber()) {
      return n.asText().length() > JsonRpcGate.MAX_NUMBER_CHARS;
    }
    for (JsonNode c : n) {
      if (longNumber(c)) {
        return true;
      }
    }
    return false;
  }
}
