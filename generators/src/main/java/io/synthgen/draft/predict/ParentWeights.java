package io.synthgen.draft.predict;

import io.synthgen.draft.predict.Predictions.Method;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.ColumnGen;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weights a weighted foreign key gives its parent rows, grouped by the parent category they derive from. A
 * parent table of at most {@link Predictor#EXACT_PARENT_ROWS} rows is weighed row by row exactly as the run weighs
 * it; a larger one through {@link Predictor#SAMPLE_ROWS} evenly spaced rows. When the category is a weighted
 * {@code values} column and the sample shows one weight per category, the figures are analytic: the category
 * shares come from the column's weights, the weight per category from the sample.
 */
final class ParentWeights {

  private static final int CHUNK = 8_192;

  /**
   * Parents and their weight per category.
   *
   * @param category the categorical column, or null when the weight derives from none
   * @param parents expected parent rows per category value (null key: NULL), in category order
   * @param weight their total weight per category, on the same scale as {@code total}
   * @param total the weight of all parents
   * @param top the share of the weight the top fractions of parents hold
   * @param sampleRows parent rows evaluated
   */
  record Estimate(String category, Map<String, Double> parents, Map<String, Double> weight, double total,
      List<Predictions.TopShare> top, Method method, long sampleRows) {
  }

  private ParentWeights() {
  }

  static Estimate of(ResolvedPlan plan, ResolvedTable parent, String by) {
    String category = categoryOf(plan, parent, by);
    long n = parent.rows();
    boolean all = n <= Predictor.EXACT_PARENT_ROWS;
    int count = (int) (all ? n : Predictor.SAMPLE_ROWS);
    double[] w = new double[count];
    String[] cat = category == null ? null : new String[count];
    long[] rows = new long[CHUNK];
    for (int start = 0; start < count; start += CHUNK) {
      int k = Math.min(CHUNK, count - start);
      for (int i = 0; i < k; i++) {
        long j = start + i;
        rows[i] = all ? j : (long) ((double) j * n / count);
      }
      TableEvaluator ev = new TableEvaluator(plan, parent, Arrays.copyOf(rows, k), k);
      Vec wv = ev.column(by);
      Vec cv = category == null ? null : ev.column(category);
      for (int i = 0; i < k; i++) {
        w[start + i] = weight(wv, i);
        if (cv != null) {
          cat[start + i] = cv.isNull(i) ? null : key(cv.get(i));
        }
      }
    }
    if (Arrays.stream(w).noneMatch(x -> x > 0)) {
      Arrays.fill(w, 1); // every parent weighs 0: the run picks them equally, as documented
    }
    double scale = count == 0 ? 0 : (double) n / count;
    Map<String, Double> parents = new LinkedHashMap<>();
    Map<String, Double> weight = new LinkedHashMap<>();
    Map<String, double[]> range = new LinkedHashMap<>();
    for (String c : categoryOrder(plan, parent, category)) {
      parents.put(c, 0.0);
      weight.put(c, 0.0);
    }
    double total = 0;
    for (int i = 0; i < count; i++) {
      String c = cat == null ? "" : cat[i];
      parents.merge(c, scale, Double::sum);
      weight.merge(c, w[i] * scale, Double::sum);
      double x = w[i];
      range.merge(c, new double[] {x, x}, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      total += w[i] * scale;
    }
    List<Predictions.TopShare> top = topShares(w);
    if (category == null) {
      return new Estimate(null, Map.of(), Map.of(), total, top, all ? Method.EXACT : Method.SAMPLE, count);
    }
    parents.entrySet().removeIf(e -> e.getValue() == 0 && !range.containsKey(e.getKey()));
    weight.keySet().retainAll(parents.keySet());
    if (!all) {
      Estimate analytic = analytic(parent, category, n, range);
      if (analytic != null) {
        return analytic;
      }
    }
    return new Estimate(category, parents, weight, total, top, all ? Method.EXACT : Method.SAMPLE, count);
  }

  /**
   * Category shares from the values column's weights and one weight per category seen in the sample, or null when
   * a category with parents was not seen or weighs differently on different rows.
   */
  private static Estimate analytic(ResolvedTable parent, String category, long n, Map<String, double[]> range) {
    Map<String, Double> shares = valueShares(parent.column(category));
    if (shares == null) {
      return null;
    }
    Map<String, Double> parents = new LinkedHashMap<>();
    Map<String, Double> weight = new LinkedHashMap<>();
    double total = 0;
    List<double[]> perCategory = new ArrayList<>();
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      if (e.getValue() <= 0) {
        continue;
      }
      double[] r = range.get(e.getKey());
      if (r == null || r[1] - r[0] > 1e-12 * Math.max(1, Math.abs(r[1]))) {
        return null;
      }
      double p = n * e.getValue();
      parents.put(e.getKey(), p);
      weight.put(e.getKey(), p * r[0]);
      total += p * r[0];
      perCategory.add(new double[] {r[0], e.getValue()});
    }
    return new Estimate(category, parents, weight, total, topShares(perCategory), Method.ANALYTIC, 0);
  }

  /**
   * A values or boolean column's share per value (its null rate under the null key), or null for another strategy.
   */
  static Map<String, Double> valueShares(ResolvedColumn c) {
    if (c.spec().gen() instanceof ColumnGen.Bool b) {
      Map<String, Double> out = new LinkedHashMap<>();
      out.put("true", (1 - c.spec().nullRate()) * b.probability());
      out.put("false", (1 - c.spec().nullRate()) * (1 - b.probability()));
      if (c.spec().nullRate() > 0) {
        out.put(null, c.spec().nullRate());
      }
      return out;
    }
    if (!(c.spec().gen() instanceof ColumnGen.Values v)) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < v.values().size(); i++) {
      sum += v.weights() == null || v.weights().isEmpty() ? 1 : v.weights().get(i);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    double nonNull = 1 - c.spec().nullRate();
    for (int i = 0; i < v.values().size(); i++) {
      double wi = v.weights() == null || v.weights().isEmpty() ? 1 : v.weights().get(i);
      out.merge(key(v.values().get(i)), sum > 0 ? nonNull * wi / sum : 0, Double::sum);
    }
    if (c.spec().nullRate() > 0) {
      out.put(null, c.spec().nullRate());
    }
    return out;
  }

  /** The order categories are listed in: a values column's own order (a lookup's: its source's), NULL last. */
  private static List<String> categoryOrder(ResolvedPlan plan, ResolvedTable parent, String category) {
    if (category == null) {
      return List.of("");
    }
    ResolvedColumn c = parent.column(category);
    ResolvedColumn source = c.spec().gen() instanceof ColumnGen.Lookup ? categorySource(plan, parent, c) : c;
    Map<String, Double> shares = source == null ? null : valueShares(source);
    return shares == null ? List.of() : new ArrayList<>(shares.keySet());
  }

  /** Lookups followed at most this deep to the values or boolean column they read. */
  private static final int MAX_LOOKUP_DEPTH = 8;

  /**
   * The {@code values} or {@code boolean} column a lookup column reads (through a chain of lookups), or null when it
   * reads another kind of column.
   */
  static ResolvedColumn categorySource(ResolvedPlan plan, ResolvedTable table, ResolvedColumn c) {
    for (int depth = 0; depth < MAX_LOOKUP_DEPTH && c != null; depth++) {
      ColumnGen g = c.spec().gen();
      if (g instanceof ColumnGen.Values || g instanceof ColumnGen.Bool) {
        return c;
      }
      if (!(g instanceof ColumnGen.Lookup l) || table.spec().column(l.via()).isEmpty()) {
        return null;
      }
      ColumnGen via = table.spec().column(l.via()).get().gen();
      String ref = via instanceof ColumnGen.ForeignKey fk ? fk.references()
          : via instanceof ColumnGen.Parent pk ? pk.references() : null;
      if (ref == null || !ref.contains(".")) {
        return null;
      }
      String next = ref.substring(0, ref.indexOf('.'));
      if (plan.tables().stream().noneMatch(t -> t.name().equals(next))) {
        return null;
      }
      table = plan.table(next);
      if (table.spec().column(l.column()).isEmpty()) {
        return null;
      }
      c = table.column(l.column());
    }
    return null;
  }

  /**
   * The parent's categorical column the weight column derives from: the weight column itself when it is a
   * {@code values} or {@code boolean} column, else the only such column among the columns it is computed from; a
   * lookup of a values or boolean column of another table counts as one ("weighted by the customer's segment").
   */
  static String categoryOf(ResolvedPlan plan, ResolvedTable parent, String by) {
    Set<String> categorical = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(by));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (name.contains(".") || !seen.add(name)) {
        continue;
      }
      ResolvedColumn c = parent.column(name);
      ColumnGen g = c.spec().gen();
      if (g instanceof ColumnGen.Values || g instanceof ColumnGen.Bool
          || g instanceof ColumnGen.Lookup && categorySource(plan, parent, c) != null) {
        if (name.equals(by)) {
          return by;
        }
        categorical.add(name);
        continue;
      }
      todo.addAll(c.generator().dependencies());
    }
    return categorical.size() == 1 ? categorical.iterator().next() : null;
  }

  /** The weight's share held by the top 1 % and 10 % of the rows. */
  private static List<Predictions.TopShare> topShares(double[] w) {
    if (w.length == 0) {
      return List.of();
    }
    double[] s = w.clone();
    Arrays.sort(s);
    double total = 0;
    for (double x : s) {
      total += x;
    }
    List<Predictions.TopShare> out = new ArrayList<>();
    for (double f : Predictor.TOP_FRACTIONS) {
      int k = (int) Math.max(1, Math.ceil(f * s.length));
      double top = 0;
      for (int i = 0; i < k; i++) {
        top += s[s.length - 1 - i];
      }
      out.add(new Predictions.TopShare((double) k / s.length, total > 0 ? top / total : 0));
    }
    return out;
  }

  /** As above from (weight, share of parents) per category: the heaviest categories first, a boundary one in part. */
  private static List<Predictions.TopShare> topShares(List<double[]> perCategory) {
    List<double[]> c = new ArrayList<>(perCategory);
    c.sort((a, b) -> Double.compare(b[0], a[0]));
    double total = 0;
    for (double[] x : c) {
      total += x[0] * x[1];
    }
    List<Predictions.TopShare> out = new ArrayList<>();
    for (double f : Predictor.TOP_FRACTIONS) {
      double left = f;
      double top = 0;
      for (double[] x : c) {
        double take = Math.min(left, x[1]);
        top += take * x[0];
        left -= take;
        if (left <= 0) {
          break;
        }
      }
      out.add(new Predictions.TopShare(f, total > 0 ? top / total : 0));
    }
    return out;
  }

  /** A weight as the run reads it: NULL, NaN and negative weigh 0, infinite the largest double. */
  private static double weight(Vec v, int i) {
    if (v.isNull(i)) {
      return 0;
    }
    Object o = v.get(i);
    double x = o instanceof Number num ? num.doubleValue() : 0;
    if (Double.isNaN(x) || x < 0) {
      return 0;
    }
    return Double.isInfinite(x) ? Double.MAX_VALUE : x;
  }

  /** A category value as text, numbers without trailing zeros (1.50 and 1.5 are one value). */
  static String key(Object v) {
    if (v instanceof Number num) {
      try {
        return new BigDecimal(num.toString()).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return num.toString(); // NaN or infinity
      }
    }
    return String.valueOf(v);
  }
}
