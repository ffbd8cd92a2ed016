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
    Advice a = c.gen().accept(new Blame(r.lo() < type.lo()));
    out.add(new Violation(path + a.field(), TypeRange.render(r, t), rule, a.narrow() + ", or widen the type"
        + wider(t, r)));
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

  /** The parameter to report (after the column's path) and how to narrow the values, for one strategy. */
  private record Advice(String field, String narrow) {
  }

  /** Which parameter makes a strategy's values leave the type, and how to narrow them. */
  private static final class Blame implements ColumnGen.Visitor<Advice> {
    private static final String NARROW = "narrow the range";
    private static final String PARENT_TYPE = "give this column the parent column's type";
    private final boolean low;

    Blame(boolean low) {
      this.low = low;
    }

    @Override
    public Advice sequence(ColumnGen.Sequence g) {
      // as the plan rules report a sequence that leaves its type
      return new Advice(".start", "lower start or step (the last row's value is start + step * (rows - 1))");
    }

    @Override
    public Advice uniform(ColumnGen.Uniform g) {
      return new Advice(low ? ".min" : ".max", NARROW);
    }

    @Override
    public Advice values(ColumnGen.Values g) {
      return new Advice(".values", NARROW);
    }

    @Override
    public Advice dist(ColumnGen.Dist g) {
      return new Advice(low ? ".min" : ".max", "add a clamp (\"min\" and \"max\") inside the type's range");
    }

    @Override
    public Advice dateRange(ColumnGen.DateRange g) {
      return new Advice(low ? ".start" : ".end", NARROW);
    }

    @Override
    public Advice dictionary(ColumnGen.Dictionary g) {
      return new Advice(".type", NARROW);
    }

    @Override
    public Advice pattern(ColumnGen.Pattern g) {
      return new Advice(".type", NARROW);
    }

    @Override
    public Advice uuid(ColumnGen.Uuid g) {
      return new Advice(".type", NARROW);
    }

    @Override
    public Advice bool(ColumnGen.Bool g) {
      return new Advice(".type", NARROW);
    }

    @Override
    public Advice constant(ColumnGen.Constant g) {
      return new Advice(".value", NARROW);
    }

    @Override
    public Advice foreignKey(ColumnGen.ForeignKey g) {
      return new Advice(".type", PARENT_TYPE);
    }

    @Override
    public Advice parent(ColumnGen.Parent g) {
      return new Advice(".type", PARENT_TYPE);
    }

    @Override
    public Advice childIndex(ColumnGen.ChildIndex g) {
      return new Advice(".type", NARROW);
    }

    @Override
    public Advice lookup(ColumnGen.Lookup g) {
      return new Advice(".type", PARENT_TYPE);
    }

    @Override
    public Advice childAggregate(ColumnGen.ChildAggregate g) {
      return new Advice(".type", "lower the per_parent count's max or the children's values");
    }

    @Override
    public Advice expression(ColumnGen.Expression g) {
      return new Advice(".expr", "bound the expression, e.g. with least(greatest(x, lo), hi), or narrow "
          + "its inputs' ranges");
    }
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
