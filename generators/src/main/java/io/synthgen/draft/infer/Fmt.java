package io.synthgen.draft.infer;

import io.synthgen.plan.DataType;
import java.util.Locale;

/** Numbers and types as notes show them, and the bounds a type can hold. */
final class Fmt {

  private Fmt() {
  }

  /** 25, 0.01, 5,000, 1.5. */
  static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) d);
    }
    String s = String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Rounded to 4 decimals, so that plans show tidy parameters. */
  static double tidy(double d) {
    return Math.round(d * 1e4) / 1e4;
  }

  /** The largest value the type holds, or infinity. */
  static double maxOf(DataType t) {
    switch (t.kind()) {
      case INT:
        return Integer.MAX_VALUE;
      case BIGINT:
        return 9.0e18;
      case DECIMAL:
        return Math.pow(10, t.precision() - t.scale()) - Math.pow(10, -t.scale());
      case DOUBLE: case STRING: case BOOLEAN: case DATE: case TIMESTAMP:
        return Double.POSITIVE_INFINITY;
    }
    throw new IllegalArgumentException(t.toString());
  }

  /** The smallest value the type holds. */
  static double minOf(DataType t) {
    return -maxOf(t);
  }
}
