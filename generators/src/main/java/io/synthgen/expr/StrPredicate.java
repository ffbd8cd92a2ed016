package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;
import java.util.function.Predicate;

/** A per-value string predicate (LIKE, RLIKE), decided once per dictionary entry on dictionary-coded input. */
final class StrPredicate extends Node {

  private final Node input;
  private final Predicate<String> p;
  private final MapNodes.Sql1 sql;
  private final DictCache<boolean[]> cache = new DictCache<>();

  /** {@code sql} is p in Spark SQL over the input's SQL. */
  StrPredicate(Node input, Predicate<String> p, MapNodes.Sql1 sql) {
    super(DataType.BOOLEAN, List.of(input));
    this.input = input;
    this.p = p;
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
    boolean[] r = new boolean[n];
    if (s.isDictionary()) {
      boolean[] hit = cache.get(s.dict, d -> {
        boolean[] h = new boolean[d.size()];
        for (int c = 0; c < h.length; c++) {
          h[c] = p.test(d.get(c));
        }
        return h;
      });
      for (int i = 0; i < n; i++) {
        r[i] = hit[s.codes[i]];
      }
    } else {
      for (int i = 0; i < n; i++) {
        r[i] = s.plain[i] != null && p.test(s.plain[i]);
      }
    }
    return Vecs.bools(r, Vecs.copy(s.nulls()), n);
  }
}
