package io.synthgen.draft.predict;

import io.synthgen.draft.predict.Predictions.CategorySpread;
import io.synthgen.draft.predict.Predictions.ColumnShares;
import io.synthgen.draft.predict.Predictions.KeySpread;
import io.synthgen.draft.predict.Predictions.Method;
import io.synthgen.draft.predict.Predictions.PerParentCount;
import io.synthgen.draft.predict.Predictions.Share;
import io.synthgen.draft.predict.Predictions.TopShare;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.FkDistribution;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predicts what a resolved plan will make ({@link Predictions}). Weighted {@code values} columns and uniform and zipf
 * foreign keys are analytic; a weighted foreign key is weighed over its parent rows ({@link ParentWeights}); a
 * table generated per parent has its exact mean count from the layout. The work is bounded whatever the plan: at
 * most {@link #MAX_FOREIGN_KEYS} keys, each evaluating at most {@link #EXACT_PARENT_ROWS} parent rows.
 */
public final class Predictor {

  /** Weighted columns predicted; later ones are counted as left off. */
  public static final int MAX_COLUMNS = 20;

  /** Foreign keys predicted: weighted first, then zipf, then uniform, each in plan order; the rest are left off. */
  public static final int MAX_FOREIGN_KEYS = 10;

  /** Tables generated per parent predicted. */
  public static final int MAX_PER_PARENT = 10;

  /** Values or parent categories listed per column or key: the most frequent ones, the rest summed. */
  public static final int MAX_CATEGORIES = 8;

  /** A weighted key's parent table up to this many rows is weighed row by row, exactly as the run weighs it. */
  public static final long EXACT_PARENT_ROWS = 50_000;

  /** Evenly spaced parent rows a larger parent table is weighed through. */
  public static final int SAMPLE_ROWS = 10_000;

  /** The fractions of most-chosen parents whose share of the children is given for skewed keys. */
  static final double[] TOP_FRACTIONS = {0.01, 0.10};

  private Predictor() {
  }

  public static Predictions predict(ResolvedPlan plan) {
    List<ColumnShares> columns = new ArrayList<>();
    List<KeySpread> keys = new ArrayList<>();
    List<PerParentCount> perParent = new ArrayList<>();
    int columnsOff = 0;
    int keysOff = 0;
    int perParentOff = 0;
    Set<ResolvedColumn> chosen = keysToPredict(plan);
    for (ResolvedTable t : plan.tables()) {
      if (t.layout() != null) {
        if (perParent.size() < MAX_PER_PARENT) {
          perParent.add(perParent(t));
        } else {
          perParentOff++;
        }
      }
      for (ResolvedColumn c : t.columns()) {
        ColumnGen g = c.spec().gen();
        if (g instanceof ColumnGen.Values v && !c.spec().omit() && v.weights() != null && !v.weights().isEmpty()) {
          if (columns.size() < MAX_COLUMNS) {
            columns.add(shares(t, c, v));
          } else {
            columnsOff++;
          }
        } else if (g instanceof ColumnGen.ForeignKey fk) {
          if (chosen.contains(c)) {
            keys.add(foreignKey(plan, t, c, fk));
          } else {
            keysOff++;
          }
        }
      }
    }
    return new Predictions(columns, keys, perParent, columnsOff, keysOff, perParentOff);
  }

  /** The foreign keys to predict, at most {@link #MAX_FOREIGN_KEYS}: the most skewed kinds first. */
  private static Set<ResolvedColumn> keysToPredict(ResolvedPlan plan) {
    List<ResolvedColumn> all = new ArrayList<>();
    for (ResolvedTable t : plan.tables()) {
      for (ResolvedColumn c : t.columns()) {
        if (c.spec().gen() instanceof ColumnGen.ForeignKey) {
          all.add(c);
        }
      }
    }
    all.sort(Comparator.comparingInt(c -> rank(((ColumnGen.ForeignKey) c.spec().gen()).distribution())));
    Set<ResolvedColumn> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
    chosen.addAll(all.subList(0, Math.min(MAX_FOREIGN_KEYS, all.size())));
    return chosen;
  }

  private static int rank(FkDistribution d) {
    if (d instanceof FkDistribution.Weighted) {
      return 0;
    }
    return d instanceof FkDistribution.Zipf ? 1 : 2;
  }

  /** A weighted column: value i has the share (1 - null rate) w_i / sum(w). */
  static ColumnShares shares(ResolvedTable t, ResolvedColumn c, ColumnGen.Values v) {
    Map<String, Double> byValue = ParentWeights.valueShares(c);
    double nullShare = c.spec().nullRate();
    List<Share> all = new ArrayList<>();
    byValue.forEach((value, share) -> {
      if (value != null) {
        all.add(new Share(value, share, share * t.rows()));
      }
    });
    List<Share> listed = mostFrequent(all, Share::share);
    double other = 0;
    for (Share s : all) {
      if (!listed.contains(s)) {
        other += s.share();
      }
    }
    return new ColumnShares(t.name(), c.name(), t.rows(), listed, nullShare, all.size() - listed.size(), other,
        Method.ANALYTIC);
  }

  static PerParentCount perParent(ResolvedTable t) {
    long parents = t.layout().parentCount();
    long rows = t.layout().childRows();
    var count = t.spec().perParent().count();
    return new PerParentCount(t.name(), t.layout().parentTable(), parents, rows,
        parents == 0 ? 0 : (double) rows / parents, count.min(), count.max(), Method.EXACT);
  }

  static KeySpread foreignKey(ResolvedPlan plan, ResolvedTable t, ResolvedColumn c, ColumnGen.ForeignKey fk) {
    String parentName = fk.references().substring(0, fk.references().indexOf('.'));
    ResolvedTable parent = plan.table(parentName);
    long n = parent.rows();
    double keyed = t.rows() * (1 - c.spec().nullRate());
    double perParent = n == 0 ? 0 : keyed / n;
    FkDistribution d = fk.distribution() == null ? new FkDistribution.Uniform() : fk.distribution();
    if (d instanceof FkDistribution.Uniform) {
      return new KeySpread(t.name(), c.name(), fk.references(), parentName, d.type(), null, null, t.rows(), keyed, n,
          perParent, List.of(), 0, List.of(), Method.ANALYTIC, 0);
    } else if (d instanceof FkDistribution.Zipf z) {
      List<TopShare> top = new ArrayList<>();
      for (double f : TOP_FRACTIONS) {
        long k = Math.max(1, (long) Math.ceil(f * n));
        top.add(new TopShare((double) k / Math.max(1, n), ZipfShares.topShare(k, n, z.exponent())));
      }
      return new KeySpread(t.name(), c.name(), fk.references(), parentName, d.type(), null, null, t.rows(), keyed, n,
          perParent, List.of(), 0, n == 0 ? List.of() : top, Method.ANALYTIC, 0);
    } else if (d instanceof FkDistribution.Weighted w) {
      if (n == 0) {
        return new KeySpread(t.name(), c.name(), fk.references(), parentName, d.type(), w.by(), null, t.rows(), keyed,
            n, 0, List.of(), 0, List.of(), Method.EXACT, 0);
      }
      ParentWeights.Estimate e = ParentWeights.of(plan, parent, w.by());
      List<CategorySpread> spread = new ArrayList<>();
      for (Map.Entry<String, Double> p : e.parents().entrySet()) {
        double childShare = e.total() > 0 ? e.weight().get(p.getKey()) / e.total() : 0;
        double parents = p.getValue();
        spread.add(new CategorySpread(p.getKey(), parents, parents / n,
            parents > 0 ? keyed * childShare / parents : 0, childShare));
      }
      List<CategorySpread> listed = mostFrequent(spread, CategorySpread::childShare);
      return new KeySpread(t.name(), c.name(), fk.references(), parentName, d.type(), w.by(), e.category(),
          t.rows(), keyed, n, perParent, listed, spread.size() - listed.size(), e.top(), e.method(),
          e.method() == Method.ANALYTIC ? 0 : e.sampleRows());
    }
    throw new IllegalArgumentException("no prediction for foreign key distribution " + d.type());
  }

  /** The {@link #MAX_CATEGORIES} entries of the largest share, in their original order. */
  private static <T> List<T> mostFrequent(List<T> all, java.util.function.ToDoubleFunction<T> share) {
    if (all.size() <= MAX_CATEGORIES) {
      return all;
    }
    List<T> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingDouble(share).reversed());
    Set<T> keep = new HashSet<>(sorted.subList(0, MAX_CATEGORIES));
    return all.stream().filter(keep::contains).toList();
  }
}
