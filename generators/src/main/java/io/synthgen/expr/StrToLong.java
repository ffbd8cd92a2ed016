package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;
import java.util.function.ToLongFunction;

/** A per-value string measure (length), computed once per dictionary entry on dictionary-coded input. */
final class StrToLong extends Node {

  private final Node input;
  private final ToLongFunction<String> f;
  private final MapNodes.Sql1 sql;
  private final DictCache<long[]> cache = new DictCache<>();

  /** {@code sql} is f in Spark SQL over the input's SQL, of {@code type}. */
  StrToLong(DataType type, Node input, ToLongFunction<String> f, MapNodes.Sql1 sql) {
    super(type, List.of(input));
    this.input = input;
    this.f = f;
    this.sql = sql;
  }

  @Override
  String sql(SqlScope scope) {
    return sql.of(input.sql(scope));
  }

  @Override
  Vec eval(ExprInput in) {
    int n = in.size();
    StrVec s = (StrVec) input.eval(in);
    long[] r = new long[n];
    if (s.isDictionary()) {
      long[] per = cache.get(s.dict, d -> {
        long[] a = new long[d.size()];
        for (int c = 0; c < a.length; c++) {
          a[c] = f.applyAsLong(d.get(c));
        }
        return a;
      });
      for (int i = 0; i < n; i++) {
        r[i] = per[s.codes[i]];
      }
    } else {
      for (int i = 0; i < n; i++) {
        r[i] = s.plain[i] == null ? 0 : f.applyAsLong(s.plain[i]);
      }
    }
    LongVec v = new LongVec(type, r, n);
    v.setNulls(Vecs.copy(s.nulls()));
    return v;
  }
}
