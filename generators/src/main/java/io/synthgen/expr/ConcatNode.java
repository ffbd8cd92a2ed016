package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Utf8Builder;
import io.synthgen.vec.Vec;
import java.util.List;

/**
 * Joins string operands row by row. Without a separator (|| and concat) any NULL part makes the row NULL; with one
 * (concat_ws) NULL parts are skipped and a NULL separator gives NULL. Values are built as UTF-8 bytes: dictionary
 * parts and constants are copied from their dictionaries' encodings and integers cast to strings are written as
 * digits, so a row costs no intermediate strings.
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
  Interval range(RangeEnv env) {
    long len = 0;
    String why = null;
    for (Node p : parts) {
      Interval r = env.range(p);
      len += r.isText() ? r.maxLength() : CastNode.textLength(p.type);
      why = why != null ? why : r.assumed();
    }
    if (separator != null && parts.size() > 1) {
      len += (parts.size() - 1) * env.range(separator).maxLength();
    }
    return env.within(Interval.text(len).assumed(why), DataType.STRING, "the joined string",
        "keep strings under " + ExprLimits.MAX_STRING_LENGTH + " characters: join fewer or shorter parts");
  }

  /** The longest result of joining constant parts, computed before folding allocates it. */
  static long constantLength(List<Node> parts, Node separator) {
    long len = 0;
    for (Node p : parts) {
      if (p instanceof Const c && c.value instanceof String s) {
        len += s.length();
      }
    }
    if (separator instanceof Const c && c.value instanceof String s && parts.size() > 1) {
      len += (long) (parts.size() - 1) * s.length();
    }
    return len;
  }

  /** Spark's concat (NULL if any part is) and concat_ws (NULL parts skipped, NULL separator gives NULL). */
  @Override
  String sql(SqlScope scope) {
    List<String> ps = new java.util.ArrayList<>();
    for (Node p : parts) {
      ps.add(p.sql(scope));
    }
    if (separator == null) {
      return "concat(" + String.join(", ", ps) + ")";
    }
    ps.add(0, separator.sql(scope));
    return "concat_ws(" + String.join(", ", ps) + ")";
  }

  @Override
  Vec eval(ExprInput in) {
    return evalOutput(in).withStrings();
  }

  @Override
  StrVec evalOutput(ExprInput in) {
    int n = in.size();
    Piece[] ps = new Piece[parts.size()];
    for (int k = 0; k < ps.length; k++) {
      Node p = parts.get(k);
      LongVec digits = p instanceof CastNode c ? c.integerToString(in) : null;
      ps[k] = new Piece(digits != null ? digits : p.eval(in));
    }
    Piece sep = separator == null ? null : new Piece(separator.eval(in));
    Utf8Builder out = new Utf8Builder(n, 32);
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      boolean isNull = sep != null && sep.isNull(i);
      boolean first = true;
      for (int k = 0; k < ps.length && !isNull; k++) {
        Piece v = ps[k];
        if (v.isNull(i)) {
          isNull = sep == null;
          continue;
        }
        if (sep != null && !first) {
          sep.append(out, i);
        }
        v.append(out, i);
        first = false;
      }
      if (isNull) {
        out.discardRow();
        nulls = MapNodes.mark(nulls, i, n);
      }
      out.endRow();
    }
    StrVec r = out.build();
    r.setNulls(nulls);
    return r;
  }

  /**
   * One operand's vector with its layout worked out once per batch, so the row loop reads arrays instead of testing
   * the vector's class and layout for every row and part.
   */
  private static final class Piece {

    private final boolean[] nulls;
    private final long[] longs;
    private final int[] codes;
    private final StrDict dict;
    private final String[] plain;
    private final byte[] utf8;
    private final int[] offsets;

    Piece(Vec v) {
      this.nulls = v.nulls();
      LongVec l = v instanceof LongVec x ? x : null;
      StrVec s = l == null ? (StrVec) v : null;
      this.longs = l == null ? null : l.values;
      this.codes = s == null ? null : s.codes;
      this.dict = s == null ? null : s.dict;
      this.plain = s == null ? null : s.plain;
      this.utf8 = s == null ? null : s.utf8;
      this.offsets = s == null ? null : s.offsets;
    }

    boolean isNull(int i) {
      return nulls != null && nulls[i] || plain != null && plain[i] == null;
    }

    void append(Utf8Builder out, int i) {
      if (longs != null) {
        out.append(longs[i]);
      } else if (codes != null) {
        out.append(dict.utf8(codes[i]));
      } else if (plain != null) {
        out.append(plain[i]);
      } else {
        out.append(utf8, offsets[i], offsets[i + 1] - offsets[i]);
      }
    }
  }
}
