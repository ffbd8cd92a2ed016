package io.synthgen.column;

import io.synthgen.distribution.AliasTable;
import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;

/** One of a list of values with given weights, by the alias method; strings come out dictionary-coded. */
public final class ValuesGen implements ColumnGenerator {

  private final DataType type;
  private final Stream stream;
  private final AliasTable table;
  private final StrDict dict;
  private final long[] longs;
  private final double[] doubles;
  private final boolean[] bools;

  /** {@code values} are already converted to the column's Java representation by {@link ValueConversion}. */
  public ValuesGen(DataType type, Stream stream, List<Object> values, List<Double> weights) {
    this.type = type;
    this.stream = stream;
    double[] w = new double[values.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights == null || weights.isEmpty() ? 1.0 : weights.get(i);
    }
    this.table = new AliasTable(w);
    int n = values.size();
    if (type.kind() == DataType.Kind.STRING) {
      List<String> s = new ArrayList<>(n);
      for (Object v : values) {
        s.add((String) v);
      }
      dict = new StrDict(s);
      longs = null;
      doubles = null;
      bools = null;
    } else if (type.kind() == DataType.Kind.DOUBLE) {
      dict = null;
      longs = null;
      bools = null;
      doubles = new double[n];
      for (int i = 0; i < n; i++) {
        doubles[i] = (Double) values.get(i);
      }
    } else if (type.kind() == DataType.Kind.BOOLEAN) {
      dict = null;
      longs = null;
      doubles = null;
      bools = new boolean[n];
      for (int i = 0; i < n; i++) {
        bools[i] = (Boolean) values.get(i);
      }
    } else {
      dict = null;
      doubles = null;
      bools = null;
      longs = new long[n];
      for (int i = 0; i < n; i++) {
        longs[i] = (Long) values.get(i);
      }
    }
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    if (dict != null) {
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        codes[i] = table.sample(stream.uniform(h[i]));
      }
      return StrVec.dictionary(dict, codes, n);
    }
    if (doubles != null) {
      DoubleVec out = new DoubleVec(n);
      for (int i = 0; i < n; i++) {
        out.values[i] = doubles[table.sample(stream.uniform(h[i]))];
      }
      return out;
    }
    if (bools != null) {
      BoolVec out = new BoolVec(n);
      for (int i = 0; i < n; i++) {
        out.values[i] = bools[table.sample(stream.uniform(h[i]))];
      }
      return out;
    }
    LongVec out = new LongVec(type, n);
    for (int i = 0; i < n; i++) {
      out.values[i] = longs[table.sample(stream.uniform(h[i]))];
    }
    return out;
  }

  /**
   * The alias table's pick of the column's uniform (see {@link AliasTable#sql}), then the value at that index of a
   * constant array of the column type's literals (long-backed values converted after the pick).
   */
  @Override
  public String sql(SqlScope scope) {
    String index = table.sql(scope, "values", SqlText.uniform(scope, stream.key()));
    List<String> items = new ArrayList<>(table.size());
    if (dict != null) {
      items.addAll(ValueSql.strings(dict.values()));
    } else if (doubles != null) {
      for (double d : doubles) {
        items.add(SqlText.lit(d));
      }
    } else if (bools != null) {
      for (boolean b : bools) {
        items.add(b ? "TRUE" : "FALSE");
      }
    } else {
      for (long l : longs) {
        items.add(SqlText.lit(l));
      }
      return ValueSql.fromLong(type, ValueSql.pick(scope, "values", items, index));
    }
    return ValueSql.pick(scope, "values", items, index);
  }

  @Override
  public long distinctEstimate(long rows) {
    return Math.min(table.size(), rows);
  }
}
