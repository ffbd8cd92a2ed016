package io.synthgen.column;

import io.synthgen.plan.DataType;
import io.synthgen.sql.SqlScope;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;

/** The same value on every row; a null constant gives a column of NULLs. */
public final class ConstantGen implements ColumnGenerator {

  private final DataType type;
  private final Object value;
  private final StrDict dict;

  /** {@code value} is in the column's Java representation ({@link ValueConversion}) or null. */
  public ConstantGen(DataType type, Object value) {
    this.type = type;
    this.value = value;
    this.dict = type.kind() == DataType.Kind.STRING && value != null ? new StrDict(List.of((String) value)) : null;
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    Vec out;
    switch (type.kind()) {
      case STRING:
        out = dict != null ? StrVec.dictionary(dict, new int[n], n) : StrVec.plain(new String[n], n);
        break;
      case DOUBLE: {
        DoubleVec d = new DoubleVec(n);
        java.util.Arrays.fill(d.values, value == null ? 0 : (Double) value);
        out = d;
        break;
      }
      case BOOLEAN: {
        BoolVec b = new BoolVec(n);
        java.util.Arrays.fill(b.values, value != null && (Boolean) value);
        out = b;
        break;
      }
      default: {
        LongVec l = new LongVec(type, n);
        java.util.Arrays.fill(l.values, value == null ? 0 : (Long) value);
        out = l;
      }
    }
    if (value == null) {
      boolean[] all = new boolean[n];
      java.util.Arrays.fill(all, true);
      out.setNulls(all);
    }
    return out;
  }

  @Override
  public String sql(SqlScope scope) {
    return value == null ? "CAST(NULL AS " + ValueSql.sparkType(type) + ")" : ValueSql.literal(type, value);
  }

  @Override
  public long distinctEstimate(long rows) {
    return 1;
  }
}
