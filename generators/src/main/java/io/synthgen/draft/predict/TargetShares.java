package io.synthgen.draft.predict;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weights that give a foreign key's children target shares by parent category. A weighted key picks a parent with
 * probability proportional to its weight, so category c, holding the fraction s_c of the parents, gets
 * s_c w_c / sum(s w) of the children. For a target t_c that is w_c = t_c / s_c (both normalised to sum to 1):
 * then sum(s w) = 1, the mean weight of a parent is 1, and a parent of any other category (or NULL) weighted 1
 * gets exactly as many children as an average parent.
 */
public final class TargetShares {

  /** Shares given as percentages must sum to 100 within this many points. */
  public static final double PERCENT_TOLERANCE = 0.5;

  /** Shares given as fractions must sum to 1 within this much. */
  public static final double FRACTION_TOLERANCE = 0.005;

  private TargetShares() {
  }

  /**
   * What the shares sum to as given: 100 for percentages, 1 for fractions, or NaN when the sum is neither (within
   * {@link #PERCENT_TOLERANCE} and {@link #FRACTION_TOLERANCE}).
   */
  public static double scale(double sum) {
    if (Math.abs(sum - 100) <= PERCENT_TOLERANCE) {
      return 100;
    }
    if (Math.abs(sum - 1) <= FRACTION_TOLERANCE) {
      return 1;
    }
    return Double.NaN;
  }

  /**
   * The weight per category for the target shares.
   *
   * @param parentShares each category's share of the parents (any positive scale), in the order of the result
   * @param targets each category's target share of the children (any positive scale), for the same categories;
   *     a category with a target above 0 must have parents
   * @throws IllegalArgumentException when the categories differ, a target needs parents that do not exist, or the
   *     shares are not positive somewhere
   */
  public static Map<String, Double> solve(Map<String, Double> parentShares, Map<String, Double> targets) {
    if (!parentShares.keySet().equals(targets.keySet())) {
      throw new IllegalArgumentException("targets " + targets.keySet() + " are not for the categories "
          + parentShares.keySet());
    }
    double ps = sum(parentShares);
    double ts = sum(targets);
    if (!(ps > 0) || !(ts > 0)) {
      throw new IllegalArgumentException("parent shares and targets must have a positive sum");
    }
    Map<String, Double> w = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : parentShares.entrySet()) {
      double s = e.getValue() / ps;
      double t = targets.get(e.getKey()) / ts;
      if (t > 0 && !(s > 0)) {
        throw new IllegalArgumentException("category " + e.getKey() + " has a target but no parents");
      }
      w.put(e.getKey(), t > 0 ? t / s : 0.0);
    }
    return w;
  }

  /** The children's share per category that {@code weights} give parents of {@code parentShares}. */
  public static Map<String, Double> childShares(Map<String, Double> parentShares, Map<String, Double> weights) {
    double total = 0;
    for (Map.Entry<String, Double> e : parentShares.entrySet()) {
      total += e.getValue() * weights.getOrDefault(e.getKey(), 0.0);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : parentShares.entrySet()) {
      out.put(e.getKey(), total > 0 ? e.getValue() * weights.getOrDefault(e.getKey(), 0.0) / total : 0.0);
    }
    return out;
  }

  private static double sum(Map<String, Double> m) {
    double s = 0;
    for (double v : m.values()) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("shares are finite numbers, 0 or more: " + m);
      }
      s += v;
    }
    return s;
  }
}
