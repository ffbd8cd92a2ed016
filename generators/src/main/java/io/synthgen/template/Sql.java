package io.synthgen.template;

import io.synthgen.plan.ColumnGen;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Expression text the recipes write: string literals, weighted choices, batch-dependent choices. */
final class Sql {

  private Sql() {
  }

  /** A SQL string literal. */
  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A number as the expression language reads it, without a trailing {@code .0}. */
  static String number(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** {@code rand_weighted(v1, w1, v2, w2, ...)} over string values. */
  static String weighted(List<String> values, List<? extends Number> weights) {
    if (values.size() != weights.size() || values.isEmpty()) {
      throw new IllegalArgumentException(values.size() + " values for " + weights.size() + " weights");
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      parts.add(quote(values.get(i)));
      parts.add(number(weights.get(i).doubleValue()));
    }
    return "rand_weighted(" + String.join(", ", parts) + ")";
  }

  /**
   * The draw a {@code values} column of strings makes, as an expression: its weighted choice (even weights when it
   * has none), or null when the column is not a list of strings.
   */
  static String draw(ColumnGen gen) {
    if (!(gen instanceof ColumnGen.Values v) || v.values().isEmpty()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Object o : v.values()) {
      if (!(o instanceof String s)) {
        return null;
      }
      values.add(s);
    }
    List<Double> weights = v.weights() != null ? v.weights() : values.stream().map(x -> 1.0).toList();
    return weighted(values, weights);
  }

  /** {@code initial} at the full load (batch 0), {@code later} in every later batch. */
  static String initialThen(String initial, String later) {
    return "CASE WHEN batch() = 0 THEN " + initial + " ELSE " + later + " END";
  }
}
