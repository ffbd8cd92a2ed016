package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;

/**
 * Joins string operands row by row into a plain-layout vector. Without a separator (|| and concat) any NULL part
 * makes the row NULL; with one (concat_ws) NULL parts are skipped and a NULL separator gives NULL.
 */
final class ConcatNode extends Node {

  private final List<Node> parts;
  private final Node separator;

  ConcatNode(List<Node> parts, Node separator) {
    super(DataType.STRING, separator == null ? parts : prepend(separator, parts));
    this.parts = List.copyOf(parts);
    this.separator = separator;
  }

  private static List<Node> prepend(Node first, List<Node> rest) {
    java.util.ArrayList<Node> r = new java.util.ArrayList<>();
    r.add(first);
    r.addAll(rest);
    return r;
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    StrVec[] vs = new StrVec[parts.size()];
    for (int k = 0; k < vs.length; k++) {
      vs[k] = (StrVec) parts.get(k).eval(in);
    }
    StrVec sep = separator == null ? null : (StrVec) separator.eval(in);
    String[] out = new String[n];
    boolean[] nulls = null;
    StringBuilder b = new StringBuilder(64);
    for (int i = 0; i < n; i++) {
      b.setLength(0);
      boolean isNull = false;
      boolean first = true;
      String s = sep == null ? null : sep.str(i);
      if (sep != null && s == null) {
        isNull = true;
      }
      for (int k = 0; k < vs.length && !isNull; k++) {
        String v = vs[k].str(i);
        if (v == null) {
          isNull = sep == null;
          continue;
        }
        if (s != null && !first) {
          b.append(s);
        }
        b.append(v);
        first = false;
      }
      if (isNull) {
        nulls = MapNodes.mark(nulls, i, n);
      } else {
        out[i] = b.toString();
      }
    }
    return Vecs.plain(out, nulls, n);
  }
}
