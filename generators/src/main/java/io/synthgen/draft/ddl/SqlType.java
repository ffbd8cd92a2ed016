package io.synthgen.draft.ddl;

import io.synthgen.plan.DataType;
import java.util.List;

/**
 * A column type of the DDL mapped to the plan: the plan type and what the SQL type itself implies about the values
 * (an integer's range, a string's length, an ENUM's members, a UUID). {@code problem} is set, with a {@code fix},
 * when the type has no plan type.
 *
 * @param sql the type as written, normalised (upper case, single spaces)
 * @param lo smallest value the SQL type holds when narrower than the plan type (SMALLINT: -32768), else null
 * @param hi largest value, likewise
 * @param maxLength longest string the type holds (VARCHAR(n)), or null
 * @param values the members of an ENUM or SET, or null
 * @param scale the decimal places a MySQL DOUBLE(p,s) / FLOAT(p,s) rounds its values to, or null
 */
record SqlType(String sql, DataType type, Double lo, Double hi, Integer maxLength, List<String> values, boolean uuid,
    String note, String problem, String fix, Integer scale) {

  static SqlType of(String sql, DataType type) {
    return new SqlType(sql, type, null, null, null, null, false, null, null, null, null);
  }

  static SqlType unsupported(String sql, String problem, String fix) {
    return new SqlType(sql, DataType.STRING, null, null, null, null, false, null, problem, fix, null);
  }

  SqlType withRange(Double lo, Double hi) {
    return new SqlType(sql, type, lo, hi, maxLength, values, uuid, note, problem, fix, scale);
  }

  SqlType withLength(int n) {
    return new SqlType(sql, type, lo, hi, n, values, uuid, note, problem, fix, scale);
  }

  SqlType withValues(List<String> v) {
    return new SqlType(sql, type, lo, hi, maxLength, List.copyOf(v), uuid, note, problem, fix, scale);
  }

  SqlType asUuid() {
    return new SqlType(sql, type, lo, hi, maxLength, values, true, note, problem, fix, scale);
  }

  SqlType withNote(String n) {
    return new SqlType(sql, type, lo, hi, maxLength, values, uuid, n, problem, fix, scale);
  }

  SqlType withScale(int s) {
    return new SqlType(sql, type, lo, hi, maxLength, values, uuid, note, problem, fix, s);
  }
}
