package io.synthgen.column;

import io.synthgen.plan.DataType;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;

/** Turns parent row indices into the parent's key values: arithmetic for sequence keys, evaluation otherwise. */
public final class ParentKeyValues {

  private final String parentTable;
  private final String keyColumn;
  private final DataType type;
  private final SequenceGen sequence;

  /** {@code sequence} is the key's generator when it is a sequence (the fast path), else null. */
  public ParentKeyValues(String parentTable, String keyColumn, DataType type, SequenceGen sequence) {
    this.parentTable = parentTable;
    this.keyColumn = keyColumn;
    this.type = type;
    this.sequence = sequence;
  }

  public String parentTable() {
    return parentTable;
  }

  public String keyColumn() {
    return keyColumn;
  }

  /**
   * The key of the parent row {@code parentRowSql} (a BIGINT SQL expression, never NULL) as the parent writes it:
   * arithmetic for a sequence key, else the parent's key column read through the key column {@code fkColumn} (the
   * compiler answers a generator's reads through its own key with the unmasked parent row).
   */
  String sql(io.synthgen.sql.SqlScope scope, String fkColumn, String parentRowSql) {
    return sequence != null ? sequence.valueSql(parentRowSql) : scope.parentColumn(fkColumn, keyColumn);
  }

  Vec keys(BatchContext ctx, long[] parentRows, int n) {
    if (sequence != null) {
      LongVec out = new LongVec(type, n);
      for (int i = 0; i < n; i++) {
        out.values[i] = sequence.valueAt(parentRows[i]);
      }
      return out;
    }
    return ctx.evaluate(parentTable, keyColumn, parentRows, n);
  }
}
