package io.synthgen.expr;

import io.synthgen.distribution.Sampler;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.reach.DistributionReach;
import io.synthgen.plan.reach.Interval;
import io.synthgen.random.Stream;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;

/**
 * Seeded random functions. Each call site draws from its own stream, {@code scope.stream().child("call:" + k)} for
 * the k-th random call in the expression (0-based, left to right), so a value is a pure function of (stream, row)
 * and two calls are independent. Parameters must be constants: samplers are built once, when compiling.
 */
final class RandomFunctions {

  private RandomFunctions() {
  }

  static List<FunctionDef> defs() {
    return List.of(
        new FunctionDef("rand", "rand()", 0, 0, true, c -> doubles(c.stream()::uniform,
            sc -> SqlText.uniform(sc, c.stream().key()))),
        new FunctionDef("rand_int", "rand_int(lo, hi)", 2, 2, true, RandomFunctions::randInt),
        sampled("rand_uniform", "rand_uniform(lo, hi)", false, c -> {
          double lo = c.constantDouble(0);
          double hi = c.constantDouble(1);
          check(c, lo <= hi, "lo must not exceed hi");
          return new Distribution.Uniform(lo, hi);
        }),
        sampled("rand_normal", "rand_normal(mean, stddev)", false, c -> {
          double sd = c.constantDouble(1);
          check(c, sd >= 0, "stddev must be >= 0");
          return new Distribution.Normal(c.constantDouble(0), sd);
        }),
        sampled("rand_lognormal", "rand_lognormal(mu, sigma)", false, c -> {
          double sigma = c.constantDouble(1);
          check(c, sigma >= 0, "sigma must be >= 0");
          return new Distribution.LogNormal(c.constantDouble(0), sigma);
        }),
        sampled("rand_exp", "rand_exp(rate)", false, c -> {
          double rate = c.constantDouble(0);
          check(c, rate > 0, "rate must be > 0");
          return new Distribution.Exponential(rate);
        }),
        sampled("rand_gamma", "rand_gamma(shape, scale)", false, c -> {
          double shape = c.constantDouble(0);
          double scale = c.constantDouble(1);
          check(c, shape > 0 && scale > 0, "shape and scale must be > 0");
          return new Distribution.Gamma(shape, scale);
        }),
        sampled("rand_beta", "rand_beta(alpha, beta)", false, c -> {
          double a = c.constantDouble(0);
          double b = c.constantDouble(1);
          check(c, a > 0 && b > 0, "alpha and beta must be > 0");
          return new Distribution.Beta(a, b);
        }),
        sampled("rand_pareto", "rand_pareto(alpha, xm)", false, c -> {
          double a = c.constantDouble(0);
          double xm = c.constantDouble(1);
          check(c, a > 0 && xm > 0, "alpha and xm must be > 0");
          return new Distribution.Pareto(a, xm);
        }),
        sampled("rand_poisson", "rand_poisson(lambda)", true, c -> {
          double lambda = c.constantDouble(0);
          check(c, lambda > 0, "lambda must be > 0");
          return new Distribution.Poisson(lambda);
        }),
        sampled("rand_zipf", "rand_zipf(n, exponent)", true, c -> {
          long n = c.constantLong(0);
          double s = c.constantDouble(1);
          check(c, n >= 1 && s > 0, "n must be >= 1 and exponent > 0");
          return new Distribution.Zipf(n, s);
        }),
        new FunctionDef("rand_bool", "rand_bool(p)", 1, 1, true, RandomFunctions::randBool),
        new FunctionDef("rand_choice", "rand_choice(v1, v2, ...)", 1, -1, true, c -> pick(c, false)),
        new FunctionDef("rand_weighted", "rand_weighted(v1, w1, v2, w2, ...)", 2, -1, true, c -> pick(c, true)),
        new FunctionDef("dict", "dict('name')", 1, 1, true, RandomFunctions::dict));
  }

  private interface Params {
    Distribution of(Call c);
  }

  private interface RowDouble {
    double at(long rowHash);
  }

  /** Parameters whose draws could be NaN or infinite, as the plan's distribution rules refuse them. */
  private static String drawProblem(Distribution d) {
    double[] shapes = d instanceof Distribution.Gamma g ? new double[] {g.shape()}
        : d instanceof Distribution.Beta b ? new double[] {b.alpha(), b.beta()} : new double[0];
    for (double s : shapes) {
      if (!(s >= DistributionReach.MIN_SHAPE && s <= DistributionReach.MAX_SHAPE)) {
        return "shape parameters must be between " + DistributionReach.MIN_SHAPE + " and 1e12, got " + s
            + "; below that draws underflow to 0";
      }
    }
    if (!DistributionReach.finite(d)) {
      Interval r = DistributionReach.range(d);
      return "its extreme draws reach " + r.lo() + " .. " + r.hi() + ", beyond a finite double; use smaller "
          + "parameters (a larger alpha or rate, a smaller mu, sigma or range)";
    }
    return null;
  }

  private static void check(Call c, boolean ok, String rule) {
    if (!ok && !c.bad()) {
      c.problem(rule);
    }
  }

  private static FunctionDef sampled(String name, String sig, boolean integral, Params params) {
    int arity = sig.split(",").length;
    return new FunctionDef(name, sig, arity, arity, true, c -> {
      Distribution d = params.of(c);
      if (c.bad()) {
        return Node.failure();
      }
      String wrong = drawProblem(d);
      if (wrong != null) {
        return c.problem(wrong);
      }
      Sampler s = Sampler.of(d, c.stream());
      return integral ? longs(DataType.BIGINT, h -> (long) s.sample(h), sc -> "CAST(" + s.sql(sc) + " AS BIGINT)")
          : doubles(s::sample, s::sql);
    });
  }

  private static Node randInt(Call c) {
    long lo = c.constantLong(0);
    long hi = c.constantLong(1);
    check(c, lo <= hi && hi - lo < (1L << 53) && hi - lo >= 0, "lo must not exceed hi, and hi - lo must be < 2^53");
    if (c.bad()) {
      return Node.failure();
    }
    Stream s = c.stream();
    long span = hi - lo + 1;
    return longs(DataType.BIGINT, h -> lo + Stream.below(s.bits(h), span),
        sc -> "(" + SqlText.lit(lo) + " + " + SqlText.below(SqlText.bits(sc, s.key()), span) + ")");
  }

  private static Node randBool(Call c) {
    double p = c.constantDouble(0);
    check(c, p >= 0 && p <= 1, "p must be between 0 and 1");
    if (c.bad()) {
      return Node.failure();
    }
    Stream s = c.stream();
    return random(DataType.BOOLEAN, (hashes, n) -> {
      boolean[] r = new boolean[n];
      for (int i = 0; i < n; i++) {
        r[i] = s.uniform(hashes[i]) < p;
      }
      return new BoolVec(r, n);
    }, sc -> "(" + SqlText.uniform(sc, s.key()) + " < " + SqlText.lit(p) + ")");
  }

  private static Node dict(Call c) {
    String name = c.constantString(0);
    if (c.bad()) {
      return Node.failure();
    }
    StrDict d = c.translator().scope().dictionary(name);
    if (d == null || d.size() == 0) {
      List<String> names = c.translator().scope().dictionaryNames();
      return c.problem("unknown dictionary '" + name + "';" + Suggest.didYouMean(name, names)
          + " dictionaries are: " + String.join(", ", names) + "; "
          + io.synthgen.plan.VocabularyHint.see("dictionaries"));
    }
    Stream s = c.stream();
    int size = d.size();
    return random(DataType.STRING, (hashes, n) -> {
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = (int) Stream.below(s.bits(hashes[i]), size);
      }
      return StrVec.dictionary(d, codes, n);
    }, sc -> {
      List<String> items = new ArrayList<>();
      for (String v : d.values()) {
        items.add(SqlText.lit(v));
      }
      return "element_at(" + sc.constantArray("dict_" + name, SqlText.array(items)) + ", CAST("
          + SqlText.below(SqlText.bits(sc, s.key()), size) + " AS INT) + 1)";
    });
  }

  /** rand_choice (uniform) and rand_weighted (value, weight pairs): constants of one type, dictionary-coded if strings. */
  private static Node pick(Call c, boolean weighted) {
    if (weighted && c.size() % 2 != 0) {
      return c.problem("takes value, weight pairs, got " + c.size() + " arguments; e.g. rand_weighted('a', 70, 'b', 30)");
    }
    int step = weighted ? 2 : 1;
    List<Node> values = new ArrayList<>();
    for (int i = 0; i < c.size(); i += step) {
      values.add(c.arg(i));
    }
    Call valuesOnly = new Call(c.def, values, c.translator(), c.stream());
    DataType t = ConditionalFunctions.common(valuesOnly, 0, values);
    if (t == null) {
      return c.problem("values must share one type");
    }
    List<Node> consts = new ArrayList<>();
    double[] cumulative = new double[values.size()];
    double total = 0;
    for (int k = 0; k < values.size(); k++) {
      consts.add(c.constant(k * step, t));
      double w = weighted ? c.constantDouble(k * 2 + 1) : 1;
      check(c, w >= 0 && Double.isFinite(w), "weights must be finite and >= 0");
      total += w;
      cumulative[k] = total;
    }
    check(c, total > 0, "weights must not all be 0");
    check(c, Double.isFinite(total), "the weights' sum must be a finite number; use smaller weights");
    if (c.bad()) {
      return Node.failure();
    }
    Stream s = c.stream();
    Merge merge = new Merge(t, consts);
    Vec[] one = new Vec[consts.size()];
    for (int k = 0; k < one.length; k++) {
      one[k] = consts.get(k).eval(new SizeOnly(1));
    }
    double sum = total;
    int count = consts.size();
    return random(t, (hashes, n) -> {
      int[] choice = new int[n];
      for (int i = 0; i < n; i++) {
        if (weighted) {
          double u = s.uniform(hashes[i]) * sum;
          int idx = java.util.Arrays.binarySearch(cumulative, u);
          idx = idx >= 0 ? idx + 1 : -idx - 1;
          while (idx < count - 1 && cumulative[idx] <= u) {
            idx++;
          }
          choice[i] = Math.min(idx, count - 1);
        } else {
          choice[i] = (int) Stream.below(s.bits(hashes[i]), count);
        }
      }
      if (merge.constant()) {
        return merge.pick(new Vec[count], choice, n);
      }
      return gather(t, one, choice, n);
    }, sc -> pickSql(sc, s, consts, weighted ? cumulative : null, sum));
  }

  /**
   * The drawn value in SQL: for rand_choice the element at {@code below(bits, count)}; for rand_weighted the first
   * value whose cumulative weight exceeds {@code uniform * sum} (the last when none does), as the local search.
   */
  private static String pickSql(SqlScope sc, Stream s, List<Node> consts, double[] cumulative, double sum) {
    List<String> values = new ArrayList<>();
    for (Node k : consts) {
      values.add(k.sql(sc));
    }
    if (cumulative == null) {
      return "element_at(" + SqlText.array(values) + ", CAST(" + SqlText.below(SqlText.bits(sc, s.key()),
          values.size()) + " AS INT) + 1)";
    }
    return SqlOps.let("(" + SqlText.uniform(sc, s.key()) + " * " + SqlText.lit(sum) + ")", u -> {
      StringBuilder b = new StringBuilder("CASE");
      for (int k = 0; k < values.size() - 1; k++) {
        b.append(" WHEN ").append(u).append(" < ").append(SqlText.lit(cumulative[k])).append(" THEN ")
            .append(values.get(k));
      }
      return b.append(" ELSE ").append(values.get(values.size() - 1)).append(" END").toString();
    }, String.join(", ", values));
  }

  private static Vec gather(DataType t, Vec[] one, int[] choice, int n) {
    Object[] vals = new Object[n];
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      Vec v = one[choice[i]];
      if (v.isNull(0)) {
        nulls = MapNodes.mark(nulls, i, n);
      } else if (v instanceof LongVec l) {
        vals[i] = l.values[0];
      } else if (v instanceof DoubleVec d) {
        vals[i] = d.values[0];
      } else if (v instanceof BoolVec b) {
        vals[i] = b.values[0];
      }
    }
    return Formats.fill(t, vals, nulls, n);
  }

  interface Batch {
    Vec make(long[] rowHashes, int n);
  }

  /** A random node: {@code f} draws a batch from the row hashes, {@code sql} the same draw at the scope's row. */
  static Node random(DataType t, Batch f, Function<SqlScope, String> sql) {
    return new Node(t, List.of()) {
      @Override
      Vec eval(ExprInput in) {
        return f.make(in.rowHashes(), in.size());
      }

      @Override
      String sql(SqlScope scope) {
        return sql.apply(scope);
      }

      @Override
      boolean isConstant() {
        return false;
      }
    };
  }

  private static Node doubles(RowDouble f, Function<SqlScope, String> sql) {
    return random(DataType.DOUBLE, (hashes, n) -> {
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        r[i] = f.at(hashes[i]);
      }
      return new DoubleVec(r, n);
    }, sql);
  }

  private static Node longs(DataType t, java.util.function.LongUnaryOperator f, Function<SqlScope, String> sql) {
    return random(t, (hashes, n) -> {
      long[] r = new long[n];
      for (int i = 0; i < n; i++) {
        r[i] = f.applyAsLong(hashes[i]);
      }
      return new LongVec(t, r, n);
    }, sql);
  }

  /** An input of n rows with no columns, for evaluating constants. */
  private record SizeOnly(int size) implements ExprInput {
    @Override
    public long[] rows() {
      return new long[size];
    }

    @Override
    public long[] rowHashes() {
      return new long[size];
    }

    @Override
    public Vec column(String name) {
      throw new IllegalStateException(name);
    }
  }
}
