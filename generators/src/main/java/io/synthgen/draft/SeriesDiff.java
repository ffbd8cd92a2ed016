package io.synthgen.draft;

import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines of {@link PlanDiff} for the incremental side of a plan, in the words of the rendered plan
 * ({@link SeriesText}): the series, a table's part in it (static, append, its change feed) and its injected
 * defects, each added, removed or changed. A feed's changed fields are {@link PlanDiff}'s, one line each.
 */
final class SeriesDiff {

  private SeriesDiff() {
  }

  static void series(List<String> out, Plan before, Plan after) {
    if (Objects.equals(before.series(), after.series())) {
      return;
    }
    if (before.series() == null) {
      out.add("+ series: " + SeriesText.series(after));
    } else if (after.series() == null) {
      out.add("- series: " + SeriesText.series(before));
    } else {
      out.add("~ series: " + SeriesText.series(before) + " → " + SeriesText.series(after));
    }
  }

  /** Changes to the table's batching, feed and defects; {@code was} is the table before (renames followed). */
  static void table(List<String> out, Plan before, Table was, Plan after, Table now) {
    String t = now.name();
    if (!Objects.equals(was.batching(), now.batching()) && now.changeFeed() == null && was.changeFeed() == null) {
      out.add("~ " + t + " batches: " + role(before, was) + " → " + role(after, now));
    }
    ChangeFeed a = was.changeFeed();
    ChangeFeed b = now.changeFeed();
    if (a == null && b != null) {
      out.add("+ change feed " + SeriesText.batchRole(withAnySeries(after), now, now.rows()));
    } else if (a != null && b == null) {
      out.add("- change feed " + (a.name() != null ? a.name() : ChangeFeed.defaultName(was.name())) + " of " + t);
    }
    List<Defect> da = was.quality() == null ? List.of() : was.quality().defects();
    List<Defect> db = now.quality() == null ? List.of() : now.quality().defects();
    List<String> gone = new ArrayList<>();
    da.stream().filter(d -> !db.contains(d)).forEach(d -> gone.add(SeriesText.defect(d)));
    List<String> came = new ArrayList<>();
    db.stream().filter(d -> !da.contains(d)).forEach(d -> came.add(SeriesText.defect(d)));
    gone.forEach(d -> out.add("- defect " + t + ": " + d));
    came.forEach(d -> out.add("+ defect " + t + ": " + d));
    Quality.GroundTruth ga = was.quality() == null ? null : was.quality().groundTruth();
    Quality.GroundTruth gb = now.quality() == null ? null : now.quality().groundTruth();
    if (ga != null && gb != null && ga != gb) {
      out.add("~ " + t + " ground truth: " + truth(ga, was) + " → " + truth(gb, now));
    }
  }

  private static String truth(Quality.GroundTruth g, Table table) {
    return g == Quality.GroundTruth.COLUMNS ? "a _defects column" : SeriesText.truthTable(table);
  }

  private static String role(Plan p, Table t) {
    if (p.series() == null) {
      return t.batching().mode() == Batching.Mode.APPEND ? "append" : "static";
    }
    return SeriesText.batchRole(p, t, t.rows());
  }

  /** The plan with a series for the words of a feed (a feed's text does not depend on which). */
  private static Plan withAnySeries(Plan p) {
    return p.series() != null ? p : p.withSeries(new io.synthgen.plan.Series(SeriesEdits.DEFAULT_START,
        SeriesEdits.DEFAULT_INTERVAL, io.synthgen.plan.Series.DEFAULT_BATCHES));
  }
}
