package io.synthgen.expr;

import io.synthgen.plan.DataType;

/**
 * A decimal node's SQL at the narrowest decimal type Spark types it with: {@code precision} digits of which
 * {@code scale} after the point, the scale always the node's own. Decimal arithmetic composes these so that Spark
 * types each intermediate within 18 digits (a long, not java.math.BigDecimal) wherever the operands' precisions bound
 * the exact result there; the node's own type (18 digits) is restored only where a value leaves the arithmetic.
 */
record DecimalSql(String sql, int precision, int scale) {

  /** The SQL of a node of decimal type {@code t} whose SQL is of that type, pinned to it. */
  static DecimalSql of(String sql, DataType t) {
    // pinned below 18 digits, since the precision is relied on; Spark drops a cast to the type the SQL already has
    String pinned = t.precision() == DataType.MAX_DECIMAL_PRECISION ? sql
        : "try_cast(" + sql + " AS " + SqlOps.type(t) + ")";
    return new DecimalSql(pinned, t.precision(), t.scale());
  }

  /** Digits before the point. */
  int integerDigits() {
    return precision - scale;
  }

  /** Whether the exact value always fits the engine's 18-digit decimals (no overflow guard needed). */
  boolean compact() {
    return precision <= DataType.MAX_DECIMAL_PRECISION;
  }

  /** This value as the node's decimal type {@code t} (same scale, 18 digits); a widening cast, which cannot fail. */
  String as(DataType t) {
    return precision == t.precision() ? sql : "CAST(" + sql + " AS " + SqlOps.type(t) + ")";
  }
}
