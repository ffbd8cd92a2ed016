package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;
import io.synthgen.random.XxHash64;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** coalesce, nullif, if, least, greatest and hash. */
final class ConditionalFunctions {

  private ConditionalFunctions() {
  }

  static List<FunctionDef> defs() {
    return List.of(
        new FunctionDef("coalesce", "coalesce(a, b, ...)", 1, -1, false, c -> pick(c, Pick.FIRST)),
        new FunctionDef("nullif", "nullif(a, b)", 2, 2, false, ConditionalFunctions::nullif),
        new FunctionDef("if", "if(condition, a, b)", 3, 3, false, ConditionalFunctions::ifThen),
        new FunctionDef("least", "least(a, b, ...)", 2, -1, false, c -> pick(c, Pick.LEAST)),
        new FunctionDef("greatest", "greatest(a, b, ...)", 2, -1, false, c -> pick(c, Pick.GREATEST)),
        new FunctionDef("hash", "hash(a, ...)", 1, -1, false, ConditionalFunctions::hash));
  }

  /** The common type of the call's arguments from {@code from} on; null (after a problem) when there is none. */
  static DataType common(Call c, int from, List<Node> args) {
    DataType t = null;
    for (Node a : args.subList(from, args.size())) {
      if (a.failed()) {
        return null;
      }
      if (a.type == null) {
        continue;
      }
      DataType next = t == null ? a.type : Types.common(t, a.type);
      if (next == null) {
        c.problem("arguments mix " + t + " and " + a.type + "; CAST them to one type");
        return null;
      }
      t = next;
    }
    return t == null ? DataType.STRING : t;
  }

  private static Node ifThen(Call c) {
    Node cond = c.arg(0);
    if (cond.type != null && cond.type.kind() != Kind.BOOLEAN) {
      return c.problem("argument 1 must be a boolean condition, got " + cond.type);
    }
    DataType t = common(c, 1, c.args);
    if (t == null || c.bad()) {
      return Node.failure();
    }
    Node condition = cond.type == null ? Const.nullOf(DataType.BOOLEAN) : cond;
    return new CaseNode(t, List.of(condition), List.of(CastNode.of(c.arg(1), t), CastNode.of(c.arg(2), t)));
  }

  private static Node nullif(Call c) {
    DataType t = common(c, 0, c.args);
    if (t == null) {
      return Node.failure();
    }
    Node eq = c.translator().operators().compare(Compare.Op.EQ, c.arg(0), c.arg(1));
    if (eq.failed()) {
      return eq;
    }
    Node a = CastNode.of(c.arg(0), t);
    return new CaseNode(t, List.of(eq), List.of(Const.nullOf(t), a));
  }

  enum Pick { FIRST, LEAST, GREATEST }

  private static Node pick(Call c, Pick how) {
    DataType t = common(c, 0, c.args);
    if (t == null) {
      return Node.failure();
    }
    List<Node> args = new ArrayList<>();
    for (Node a : c.args) {
      args.add(CastNode.of(a, t));
    }
    Merge merge = new Merge(t, args);
    return new Node(t, args) {
      @Override
      String sql(SqlScope scope) {
        List<String> xs = new ArrayList<>();
        for (Node a : args) {
          xs.add(a.sql(scope));
        }
        return pickSql(how, t, xs);
      }

      /** Spark widens decimals of one scale to the most integer digits of the arguments: exact, as narrow. */
      @Override
      DecimalSql decimalSql(SqlScope scope) {
        if (t.kind() != Kind.DECIMAL) {
          return super.decimalSql(scope);
        }
        List<String> xs = new ArrayList<>();
        int digits = 0;
        for (Node a : args) {
          DecimalSql d = a.decimalSql(scope);
          xs.add(d.sql());
          digits = Math.max(digits, d.integerDigits());
        }
        return new DecimalSql(pickSql(how, t, xs), digits + t.scale(), t.scale());
      }

      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        Vec[] vs = new Vec[args.size()];
        for (int k = 0; k < vs.length; k++) {
          vs[k] = args.get(k).eval(in);
        }
        int[] choice = new int[n];
        for (int i = 0; i < n; i++) {
          int best = -1;
          for (int k = 0; k < vs.length; k++) {
            if (vs[k].isNull(i)) {
              continue;
            }
            if (best < 0) {
              best = k;
              if (how == Pick.FIRST) {
                break;
              }
            } else {
              int cmp = compare(vs[k], vs[best], i);
              if (how == Pick.LEAST ? cmp < 0 : cmp > 0) {
                best = k;
              }
            }
          }
          choice[i] = best;
        }
        return merge.pick(vs, choice, n);
      }
    };
  }

  /**
   * coalesce, least and greatest in SQL. Spark's least/greatest skip NULLs as the local ones do and agree on every
   * type but doubles (-0.0 and 0.0 are equal to Spark) and strings (code point order): those fold pairwise, left to
   * right, keeping the earlier of equal values as the local loop does.
   */
  static String pickSql(Pick how, DataType t, List<String> xs) {
    if (how == Pick.FIRST) {
      return "coalesce(" + String.join(", ", xs) + ")";
    }
    String name = how == Pick.LEAST ? "least" : "greatest";
    boolean dbl = t.kind() == Kind.DOUBLE;
    if (!dbl && t.kind() != Kind.STRING) {
      return name + "(" + String.join(", ", xs) + ")";
    }
    String op = how == Pick.LEAST ? "<" : ">";
    String acc = xs.get(0);
    for (String x : xs.subList(1, xs.size())) {
      acc = SqlOps.let2(acc, x, (a, b) -> "CASE WHEN " + a + " IS NULL THEN " + b + " WHEN " + b + " IS NULL THEN "
          + a + " WHEN " + (dbl ? SqlOps.compareDoubles(op, b, a, null) : SqlOps.compareStrings(op, b, a, null, null))
          + " THEN " + b + " ELSE " + a + " END");
    }
    return acc;
  }

  private static int compare(Vec a, Vec b, int i) {
    if (a instanceof LongVec x) {
      return Long.compare(x.values[i], ((LongVec) b).values[i]);
    }
    if (a instanceof DoubleVec x) {
      return Double.compare(x.values[i], ((DoubleVec) b).values[i]);
    }
    if (a instanceof BoolVec x) {
      return Boolean.compare(x.values[i], ((BoolVec) b).values[i]);
    }
    return ((StrVec) a).str(i).compareTo(((StrVec) b).str(i));
  }

  /**
   * Spark's xxhash64(a, ...): seed 42, each non-NULL argument's hash seeds the next; int and date hash 4 bytes,
   * bigint, timestamp and decimal (unscaled) 8 bytes, double its bits (-0.0 as 0.0), boolean as int 1/0, strings
   * their UTF-8 bytes.
   */
  private static Node hash(Call c) {
    for (Node a : c.args) {
      if (a.failed()) {
        return a;
      }
    }
    List<Node> args = c.args;
    return new Node(DataType.BIGINT, args) {
      @Override
      String sql(SqlScope scope) {
        List<String> xs = new ArrayList<>();
        for (Node a : args) {
          if (a.type != null) {
            xs.add(a.sql(scope));
          }
        }
        return xs.isEmpty() ? SqlText.lit(XxHash64.SPARK_SEED) : "xxhash64(" + String.join(", ", xs) + ")";
      }

      @Override
      Vec eval(ExprInput in) {
        int n = in.size();
        long[] h = new long[n];
        java.util.Arrays.fill(h, XxHash64.SPARK_SEED);
        for (Node a : args) {
          if (a.type == null) {
            continue;
          }
          Vec v = a.eval(in);
          for (int i = 0; i < n; i++) {
            if (!v.isNull(i)) {
              h[i] = hashOne(v, i, h[i]);
            }
          }
        }
        return new LongVec(DataType.BIGINT, h, n);
      }
    };
  }

  private static long hashOne(Vec v, int i, long seed) {
    if (v instanceof LongVec l) {
      Kind k = l.type().kind();
      return k == Kind.INT || k == Kind.DATE ? XxHash64.hashInt((int) l.values[i], seed)
          : XxHash64.hashLong(l.values[i], seed);
    }
    if (v instanceof DoubleVec d) {
      double x = d.values[i] == 0.0 ? 0.0 : d.values[i];
      return XxHash64.hashLong(Double.doubleToLongBits(x), seed);
    }
    if (v instanceof BoolVec b) {
      return XxHash64.hashInt(b.values[i] ? 1 : 0, seed);
    }
    StrVec s = (StrVec) v;
    if (s.isDictionary()) {
      byte[] b = s.dict.utf8(s.codes[i]);
      return XxHash64.hashBytes(b, 0, b.length, seed);
    }
    byte[] b = s.plain[i].getBytes(StandardCharsets.UTF_8);
    return XxHash64.hashBytes(b, 0, b.length, seed);
  }
}
