package io.synthgen.plan.reach;

/**
 * The values a column or an expression can reach: {@code [lo, hi]} for numbers (decimals as their value, dates as
 * epoch days, timestamps as epoch microseconds, booleans as 0/1) and the longest text for strings. Bounds are
 * rounded outwards, so an interval always contains every reachable value. {@code assumed} is null when the range was
 * computed from the plan, else why it is the conservative range of a type ("CAST from string").
 */
public record Interval(double lo, double hi, long maxLength, String assumed) {

  /** A range computed from the plan. */
  public static Interval of(double lo, double hi) {
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      return new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, null);
    }
    // + 0.0 turns -0.0 into 0.0, so equal ranges are equal records
    return new Interval(Math.min(lo, hi) + 0.0, Math.max(lo, hi) + 0.0, 0, null);
  }

  public static Interval point(double v) {
    return of(v, v);
  }

  /** Strings of at most {@code maxLength} characters. */
  public static Interval text(long maxLength) {
    return new Interval(Double.NaN, Double.NaN, Math.max(0, maxLength), null);
  }

  /** A column that produces no value (a table of 0 rows). */
  public static Interval empty() {
    return new Interval(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, null);
  }

  public boolean isEmpty() {
    return lo > hi;
  }

  public boolean isText() {
    return Double.isNaN(lo);
  }

  public boolean isFinite() {
    return isEmpty() || (Double.isFinite(lo) && Double.isFinite(hi));
  }

  /** The same range marked as assumed for {@code why}, unless it already is. */
  public Interval assumed(String why) {
    return assumed != null || why == null ? this : new Interval(lo, hi, maxLength, why);
  }

  /** Keeps the first reason an input's range was assumed. */
  private Interval inherit(Interval a, Interval b) {
    String why = a.assumed != null ? a.assumed : b == null ? null : b.assumed;
    return assumed(why);
  }

  /** Every value of either. */
  public Interval hull(Interval o) {
    if (isEmpty()) {
      return o;
    }
    if (o.isEmpty()) {
      return this;
    }
    Interval r = isText() || o.isText() ? text(Math.max(maxLength, o.maxLength))
        : of(Math.min(lo, o.lo), Math.max(hi, o.hi));
    return r.inherit(this, o);
  }

  public Interval add(Interval o) {
    if (isEmpty() || o.isEmpty()) {
      return empty();
    }
    return of(sumDown(lo, o.lo), sumUp(hi, o.hi)).inherit(this, o);
  }

  public Interval sub(Interval o) {
    if (isEmpty() || o.isEmpty()) {
      return empty();
    }
    return of(sumDown(lo, -o.hi), sumUp(hi, -o.lo)).inherit(this, o);
  }

  public Interval mul(Interval o) {
    if (isEmpty() || o.isEmpty()) {
      return empty();
    }
    double[] p = {times(lo, o.lo), times(lo, o.hi), times(hi, o.lo), times(hi, o.hi)};
    double[][] f = {{lo, o.lo}, {lo, o.hi}, {hi, o.lo}, {hi, o.hi}};
    double l = Double.POSITIVE_INFINITY;
    double h = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < 4; k++) {
      boolean exact = p[k] == 0 || !Double.isFinite(p[k]) || Math.fma(f[k][0], f[k][1], -p[k]) == 0;
      l = Math.min(l, exact ? p[k] : down(p[k]));
      h = Math.max(h, exact ? p[k] : up(p[k]));
    }
    return of(l, h).inherit(this, o);
  }

  /** {@code offset + scale * x} for every x. */
  public Interval affine(double scale, double offset) {
    return mul(point(scale)).add(point(offset)).inherit(this, null);
  }

  public Interval negate() {
    return isEmpty() ? this : of(-hi, -lo).inherit(this, null);
  }

  /** Values limited to [min, max] (null: unbounded), as a clamp does. */
  public Interval clamp(Double min, Double max) {
    if (isEmpty()) {
      return this;
    }
    double l = lo;
    double h = hi;
    if (min != null) {
      l = Math.max(l, min);
      h = Math.max(h, min);
    }
    if (max != null) {
      l = Math.min(l, max);
      h = Math.min(h, max);
    }
    return of(l, h).inherit(this, null);
  }

  /** Widened by {@code slack} on both sides (rounding). */
  public Interval widen(double slack) {
    return isEmpty() ? this : of(sumDown(lo, -slack), sumUp(hi, slack)).inherit(this, null);
  }

  /** The largest magnitude. */
  public double magnitude() {
    return Math.max(Math.abs(lo), Math.abs(hi));
  }

  /** 0 * infinity is 0 here: an unbounded factor times an exact zero stays zero. */
  private static double times(double x, double y) {
    return x == 0 || y == 0 ? 0 : x * y;
  }

  /** a + b rounded down (exact sums are kept: TwoSum finds the rounding error). */
  static double sumDown(double a, double b) {
    double s = a + b;
    return roundingError(a, b, s) == 0 ? s : down(s);
  }

  static double sumUp(double a, double b) {
    double s = a + b;
    return roundingError(a, b, s) == 0 ? s : up(s);
  }

  private static double roundingError(double a, double b, double s) {
    if (!Double.isFinite(s)) {
      return 0;
    }
    double bb = s - a;
    return (a - (s - bb)) + (b - bb);
  }

  static double down(double v) {
    return Double.isFinite(v) ? Math.nextDown(v) : v;
  }

  static double up(double v) {
    return Double.isFinite(v) ? Math.nextUp(v) : v;
  }
}
