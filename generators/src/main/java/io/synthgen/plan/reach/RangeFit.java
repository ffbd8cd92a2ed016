package io.synthgen.plan.reach;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Violation;
import java.math.BigDecimal;
import java.util.List;

/** The violations of a column whose reachable values do not fit its type, with the fix for its strategy. */
final class RangeFit {

  private RangeFit() {
  }

  /** Adds the violation of a column whose range does not fit its type; true when it fits. */
  static boolean check(List<Violation> out, String path, Column c, Interval r) {
    DataType t = c.type();
    if (t == null || c.gen() == null || TypeRange.fits(r, t)) {
      return true;
    }
    if (t.kind() == DataType.Kind.DOUBLE && r.assumed() != null) {
      return true; // a double holds any value of an unknown range; only a computed overflow to infinity is refused
    }
    Interval type = TypeRange.of(t, null);
    String rule = "the column's values can reach " + TypeRange.render(r, t) + ", outside its type " + t + " ("
        + TypeRange.render(type, t) + ")" + detail(r, t) + assumed(r);
    out.add(new Violation(path + field(c.gen(), r, type), TypeRange.render(r, t), rule, fix(c.gen(), t, r)));
    return false;
  }

  /**
   * A uniform over a long-backed type picks one of (max - min) / step + 1 points: that count must fit a long. A
   * double uniform draws min + (max - min) * u: its width must be a finite double, or every draw is infinite.
   */
  static void uniformWidth(List<Violation> out, String path, Column c, ColumnGen.Uniform u) {
    DataType t = c.type();
    if (t == null || !Double.isFinite(u.min()) || !Double.isFinite(u.max())) {
      return;
    }
    if (t.kind() == DataType.Kind.DOUBLE) {
      if (!Double.isFinite(u.max() - u.min())) {
        out.add(new Violation(path + ".max", TypeRange.value(u.max(), t), "max - min (" + TypeRange.value(u.max(), t)
            + " - " + TypeRange.value(u.min(), t) + ") overflows a double (above " + Double.MAX_VALUE
            + "), so every draw would be infinite", "narrow the range so that max - min is at most 1.7e308 (e.g. "
            + "min -8e307 and max 8e307), or scale the values down"));
      }
      return;
    }
    if (!t.isLongBacked()) {
      return;
    }
    BigDecimal unit = t.kind() == DataType.Kind.DECIMAL ? BigDecimal.ONE.movePointLeft(t.scale()) : BigDecimal.ONE;
    BigDecimal step = u.step() == null || !(u.step() > 0) ? unit : new BigDecimal(u.step()).max(unit);
    BigDecimal points = new BigDecimal(u.max()).subtract(new BigDecimal(u.min())).divide(step, 0,
        java.math.RoundingMode.FLOOR);
    if (points.compareTo(new BigDecimal(Long.MAX_VALUE)) >= 0) {
      out.add(new Violation(path + ".max", TypeRange.value(u.max(), t), "max - min spans " + points.toBigInteger()
          + " steps, more than a 64-bit count (2^63 - 1)", "narrow the range to less than 9.2e18 steps "
          + "(e.g. min -4e18 and max 4e18 for a bigint), or use a larger step"));
    }
  }

  private static String field(ColumnGen g, Interval r, Interval type) {
    boolean low = r.lo() < type.lo();
    if (g instanceof ColumnGen.Uniform) {
      return low ? ".min" : ".max";
    } else if (g instanceof ColumnGen.Sequence) {
      return ".start"; // as the plan rules report a sequence that leaves its type
    } else if (g instanceof ColumnGen.Values) {
      return ".values";
    } else if (g instanceof ColumnGen.Constant) {
      return ".value";
    } else if (g instanceof ColumnGen.Dist) {
      return low ? ".min" : ".max";
    } else if (g instanceof ColumnGen.DateRange) {
      return low ? ".start" : ".end";
    } else if (g instanceof ColumnGen.Expression) {
      return ".expr";
    }
    return ".type";
  }

  private static String detail(Interval r, DataType t) {
    if (t.kind() == DataType.Kind.DECIMAL && r.isFinite() && !r.isText()) {
      int digits = TypeRange.integerDigits(rounded(r.magnitude(), t));
      return "; " + digits + " integer digits are needed and the type has " + (t.precision() - t.scale());
    }
    return "";
  }

  private static double rounded(double v, DataType t) {
    return new BigDecimal(v).setScale(t.scale(), java.math.RoundingMode.HALF_UP).doubleValue();
  }

  private static String assumed(Interval r) {
    return r.assumed() == null ? "" : " (" + r.assumed() + ", so the whole range of its type is assumed)";
  }

  private static String fix(ColumnGen g, DataType t, Interval r) {
    String narrow = g instanceof ColumnGen.Dist ? "add a clamp (\"min\" and \"max\") inside the type's range"
        : g instanceof ColumnGen.Sequence ? "lower start or step (the last row's value is start + step * (rows - 1))"
        : g instanceof ColumnGen.Expression ? "bound the expression, e.g. with least(greatest(x, lo), hi), or narrow "
            + "its inputs' ranges"
        : g instanceof ColumnGen.ForeignKey || g instanceof ColumnGen.Parent || g instanceof ColumnGen.Lookup
            ? "give this column the parent column's type"
        : g instanceof ColumnGen.ChildAggregate ? "lower the per_parent count's max or the children's values"
        : "narrow the range";
    return narrow + ", or widen the type" + wider(t, r);
  }

  private static String wider(DataType t, Interval r) {
    return switch (t.kind()) {
      case INT -> " to bigint";
      case BIGINT -> " to double (or decimal(18,0) when under 10^18)";
      case DECIMAL -> {
        if (!r.isFinite() || r.isText()) {
          yield " to double";
        }
        int digits = TypeRange.integerDigits(rounded(r.magnitude(), t));
        yield digits + t.scale() <= DataType.MAX_DECIMAL_PRECISION
            ? " to decimal(" + (digits + t.scale()) + "," + t.scale() + ")" : " to double";
      }
      case DATE, TIMESTAMP -> "; dates and timestamps must stay within years 0001 to 9999";
      case STRING -> "; strings hold at most " + TypeRange.MAX_STRING_LENGTH + " characters";
      case DOUBLE, BOOLEAN -> "";
    };
  }
}
