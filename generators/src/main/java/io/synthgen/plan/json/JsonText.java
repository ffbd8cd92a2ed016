package io.synthgen.plan.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Writes a tree as readable JSON: a container goes on one line when it fits (so a column or a list of weights is a
 * single line), otherwise one member per line. Keys keep the tree's order, so output is stable.
 */
final class JsonText {

  private static final int WIDTH = 120;

  private JsonText() {
  }

  static String pretty(JsonNode node) {
    StringBuilder b = new StringBuilder();
    write(b, node, 0, 0);
    return b.append('\n').toString();
  }

  /** {@code used} is how many characters of the current line are taken before the value starts. */
  private static void write(StringBuilder b, JsonNode n, int indent, int used) {
    if (!n.isContainerNode() || n.isEmpty()) {
      b.append(n.isContainerNode() ? (n.isArray() ? "[]" : "{}") : n.toString());
      return;
    }
    String flat = oneLine(n);
    if (used + flat.length() <= WIDTH) {
      b.append(flat);
      return;
    }
    String pad = "  ".repeat(indent + 1);
    if (n.isArray()) {
      b.append('[');
      for (int i = 0; i < n.size(); i++) {
        b.append(i == 0 ? "\n" : ",\n").append(pad);
        write(b, n.get(i), indent + 1, pad.length());
      }
    } else {
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        b.append(first ? "\n" : ",\n").append(pad);
        first = false;
        String key = com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()).toString() + ": ";
        b.append(key);
        write(b, e.getValue(), indent + 1, pad.length() + key.length());
      }
    }
    b.append('\n').append("  ".repeat(indent)).append(n.isArray() ? ']' : '}');
  }

  /** Compact JSON with a space after each colon and comma. */
  static String oneLine(JsonNode n) {
    if (!n.isContainerNode()) {
      return n.toString();
    }
    StringBuilder b = new StringBuilder();
    if (n.isArray()) {
      b.append('[');
      for (int i = 0; i < n.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(oneLine(n.get(i)));
      }
      return b.append(']').toString();
    }
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      b.append(first ? "" : ", ");
      first = false;
      b.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey())).append(": ")
          .append(oneLine(e.getValue()));
    }
    return b.append('}').toString();
  }
}
