package io.synthgen.server.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema the server itself checks a tool call's arguments against: the tool's input schema with every
 * subschema that refers to a definition ({@code "$ref": "#/$defs/..."}) accepted as it is. The definitions are
 * those of the plan and draft schemas (described tables, columns, revision operations), declared so that a client
 * can check a call before making it; the tools check that content in full and report every problem at once, each
 * with its path, value, rule and fix. Checked here as well, one schema error would answer the call before the tool
 * runs and hide the tool's other findings. The arguments themselves (names, types, ranges) are still checked here.
 */
final class ArgumentSchemas {

  private static final String PREFIX = "#/$defs/";

  /** By identity: the SDK passes a tool's schema object on every call. */
  private final Map<Object, Map<String, Object>> shallow = Collections.synchronizedMap(new IdentityHashMap<>());

  /** The schema to check with: {@code schema} itself when it has no definitions. */
  Map<String, Object> of(Map<String, Object> schema) {
    if (schema == null || !schema.containsKey("$defs")) {
      return schema;
    }
    return shallow.computeIfAbsent(schema, s -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> copy = (Map<String, Object>) strip(schema);
      copy.remove("$defs");
      return copy;
    });
  }

  private static Object strip(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      Object ref = m.get("$ref");
      boolean defined = ref instanceof String r && r.startsWith(PREFIX);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(defined && "$ref".equals(e.getKey()))) {
          out.put(String.valueOf(e.getKey()), strip(e.getValue()));
        }
      }
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(strip(x)));
      return out;
    }
    return node;
  }
}
