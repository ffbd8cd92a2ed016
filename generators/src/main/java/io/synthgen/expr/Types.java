package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.plan.DataType.Kind;

/** Type rules shared by operators and functions. A null type is the NULL literal's and fits anything. */
final class Types {

  private Types() {
  }

  /** The decimal type intermediate results carry: widest precision, the given scale. */
  static DataType decimal(int scale) {
    return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, Math.min(scale, DataType.MAX_DECIMAL_PRECISION));
  }

  static String name(DataType t) {
    return t == null ? "null" : t.toString();
  }

  /** The common type two values are compared or merged as, or null when there is none. Both must be non-null. */
  static DataType common(DataType a, DataType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a.isIntegral() && b.isIntegral()) {
      return DataType.BIGINT;
    }
    if (a.isNumeric() && b.isNumeric()) {
      if (a.kind() == Kind.DOUBLE || b.kind() == Kind.DOUBLE) {
        return DataType.DOUBLE;
      }
      return decimal(Math.max(a.scale(), b.scale()));
    }
    if (a.isTemporal() && b.isTemporal()) {
      return DataType.TIMESTAMP;
    }
    return null;
  }

  /** A numeric type as arithmetic sees it: int widens to bigint, decimals to the widest precision. */
  static DataType arithmetic(DataType t) {
    if (t.isIntegral()) {
      return DataType.BIGINT;
    }
    return t.kind() == Kind.DECIMAL ? decimal(t.scale()) : t;
  }

  /** Whether {@code CAST(x AS to)} is defined for x of type {@code from}. */
  static boolean castable(DataType from, DataType to) {
    if (from == null || from.equals(to) || to.kind() == Kind.STRING || from.kind() == Kind.STRING) {
      return true;
    }
    return switch (from.kind()) {
      case BIGINT, INT, DOUBLE -> to.isNumeric() || to.kind() == Kind.BOOLEAN || to.kind() == Kind.TIMESTAMP;
      case DECIMAL, BOOLEAN -> to.isNumeric() || to.kind() == Kind.BOOLEAN;
      case DATE -> to.isTemporal();
      case TIMESTAMP -> to.isTemporal() || to.kind() == Kind.BIGINT || to.kind() == Kind.INT
          || to.kind() == Kind.DOUBLE;
      case STRING -> true;
    };
  }

  /** Whether a value of {@code from} converts to {@code to} without an explicit CAST (when stored or passed). */
  static boolean assignable(DataType from, DataType to) {
    if (from == null || from.equals(to) || to.kind() == Kind.STRING) {
      return true;
    }
    if (from.isNumeric() && to.isNumeric()) {
      return true;
    }
    if (from.isTemporal() && to.isTemporal()) {
      return true;
    }
    return from.kind() == Kind.STRING && to.isTemporal();
  }
}
