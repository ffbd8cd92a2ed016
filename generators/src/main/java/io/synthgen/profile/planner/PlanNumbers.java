package io.synthgen.profile.planner;

import io.synthgen.plan.DataType;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Numbers as a plan from data writes them: robust bounds rounded outward to 3 significant digits (within what the
 * column type holds), fitted parameters to 6, offsets down to 1, shares as percentages, ranks as ordinals.
 */
final class PlanNumbers {

  private PlanNumbers() {
  }

  /**
   * A robust lower bound rounded down to 3 significant digits (to the column's scale at the finest), so that the
   * plan holds no source value: only a round number at or below the k-th smallest.
   */
  static double outwardDown(double v, DataType type) {
    return -outwardUp(-v, type);
  }

  static double outwardUp(double v, DataType type) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double r = roundUp(v, type);
    // a rounded bound the type cannot hold (99.99 of a decimal(4,2) rounded to 100) stays as it was
    double limit = type.kind() == DataType.Kind.DECIMAL ? Math.pow(10, type.precision() - type.scale())
        : type.kind() == DataType.Kind.INT ? Integer.MAX_VALUE : type.kind() == DataType.Kind.BIGINT ? 0x1p62
        : Double.MAX_VALUE;
    return Math.abs(r) < limit ? r : v;
  }

  /** The step a bound near v is rounded to: its 3rd significant digit, at least the type's finest. */
  static double unit(double v, DataType type) {
    double unit = v == 0 ? 1e-300 : Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
    if (type.isIntegral()) {
      unit = Math.max(1, unit);
    } else if (type.kind() == DataType.Kind.DECIMAL) {
      unit = Math.max(Math.pow(10, -type.scale()), unit);
    } else if (v == 0) {
      unit = 1e-3;
    }
    return unit;
  }

  /** Whether the column type holds v. */
  static boolean fits(double v, DataType type) {
    double limit = type.kind() == DataType.Kind.DECIMAL ? Math.pow(10, type.precision() - type.scale())
        : type.kind() == DataType.Kind.INT ? Integer.MAX_VALUE : type.kind() == DataType.Kind.BIGINT ? 0x1p62
        : Double.MAX_VALUE;
    return Math.abs(v) < limit;
  }

  /** v moved by steps units, without binary noise. */
  static double step(double v, double unit, int steps) {
    return new BigDecimal(v + steps * unit).round(new java.math.MathContext(15)).doubleValue();
  }

  private static double roundUp(double v, DataType type) {
    double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
    if (type.isIntegral()) {
      unit = Math.max(1, unit);
    } else if (type.kind() == DataType.Kind.DECIMAL) {
      unit = Math.max(Math.pow(10, -type.scale()), unit);
    }
    double r = Math.ceil(v / unit - 1e-9) * unit;
    return new BigDecimal(r).round(new java.math.MathContext(15)).doubleValue();
  }

  /** Six significant digits: a fitted parameter, not a value of the source. */
  static double sig(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
  }

  /** Rounded away from the data: one significant digit, downwards, so it names no value of the source. */
  static double outward(double v) {
    double e = Math.pow(10, Math.floor(Math.log10(Math.abs(v))));
    return Math.floor(v / e) * e;
  }

  static double round(double v, int places) {
    return BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  static String percent(double share) {
    double p = 100 * share;
    return p == 0 || p >= 1 ? String.format(Locale.ROOT, "%.1f%%", p)
        : new BigDecimal(p).round(new java.math.MathContext(2)).toPlainString() + "%";
  }

  static String ordinal(int k) {
    return k + (k % 100 >= 11 && k % 100 <= 13 ? "th" : k % 10 == 1 ? "st" : k % 10 == 2 ? "nd"
        : k % 10 == 3 ? "rd" : "th");
  }
}
