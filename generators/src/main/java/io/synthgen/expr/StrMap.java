package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A per-value string function (lower, trim, substr with constant bounds...). On a dictionary-coded input it maps
 * the dictionary once per source dictionary into a new deduplicated {@link StrDict} and recodes the rows, so the
 * result keeps dictionary layout; on plain input it maps row by row. A function returning null yields NULL.
 */
final class StrMap extends Node {

  /** A mapped dictionary: the new dictionary and each old code's new code (-1 where the value maps to NULL). */
  record Mapped(StrDict dict, int[] remap) {
  }

  private final Node input;
  private final Function<String, String> f;
  private final java.util.function.LongUnaryOperator length;
  private final ScopedSql sql;
  private final DictCache<Mapped> cache = new DictCache<>();

  /** f in Spark SQL over the input's SQL, with the scope for constant arrays. */
  interface ScopedSql {
    String of(SqlScope scope, String input);
  }

  /** {@code sql} is f in Spark SQL over the input's SQL (a NULL input must give NULL). */
  StrMap(Node input, Function<String, String> f, ScopedSql sql) {
    super(DataType.STRING, List.of(input));
    this.input = input;
    this.f = f;
    this.length = null;
    this.sql = sql;
  }

  /** {@code length} bounds the result's length from the input's longest (null: not tracked). */
  StrMap(Node input, Function<String, String> f, java.util.function.LongUnaryOperator length, MapNodes.Sql1 sql) {
    super(DataType.STRING, List.of(input));
    this.input = input;
    this.f = f;
    this.length = length;
    this.sql = (scope, x) -> sql.of(x);
  }

  @Override
  String sql(SqlScope scope) {
    return sql.of(scope, input.sql(scope));
  }

  @Override
  Interval range(RangeEnv env) {
    if (length == null) {
      return super.range(env);
    }
    Interval in = env.range(input);
    if (in.isEmpty()) {
      return in;
    }
    return env.within(Interval.text(length.applyAsLong(in.maxLength())).assumed(in.assumed()), DataType.STRING,
        "the string function's result", "keep strings under " + ExprLimits.MAX_STRING_LENGTH + " characters");
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    StrVec s = (StrVec) input.eval(in);
    boolean[] nulls = Vecs.copy(s.nulls());
    if (s.isDictionary()) {
      Mapped m = mapped(s.dict);
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        int c = m.remap[s.codes[i]];
        if (c < 0) {
          nulls = MapNodes.mark(nulls, i, n);
        } else {
          codes[i] = c;
        }
      }
      StrVec r = StrVec.dictionary(m.dict, codes, n);
      r.setNulls(nulls);
      return r;
    }
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      String v = s.plain[i];
      if (v != null && (nulls == null || !nulls[i])) {
        out[i] = f.apply(v);
        if (out[i] == null) {
          nulls = MapNodes.mark(nulls, i, n);
        }
      }
    }
    return Vecs.plain(out, nulls, n);
  }

  /** The derived dictionary for a source dictionary, built once and cached. */
  Mapped mapped(StrDict source) {
    return cache.get(source, d -> {
      Map<String, Integer> codes = new LinkedHashMap<>();
      int[] remap = new int[d.size()];
      for (int c = 0; c < remap.length; c++) {
        String v = f.apply(d.get(c));
        remap[c] = v == null ? -1 : codes.computeIfAbsent(v, x -> codes.size());
      }
      return new Mapped(new StrDict(new ArrayList<>(codes.keySet())), remap);
    });
  }

  int cachedDictionaries() {
    return cache.size();
  }
}
