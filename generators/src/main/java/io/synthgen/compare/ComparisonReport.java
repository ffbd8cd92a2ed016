package io.synthgen.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The comparison of a run's synthetic tables with the source they were planned from: per table the column
 * distances, the correlation differences and the row check. It holds statistics only, never a source value.
 *
 * @param source the source as it was named
 * @param run the run folder
 * @param tables one comparison per synthetic table with a source table of the same name, in plan order
 * @param unmatched synthetic tables with no source table of their name, and source tables with no synthetic one
 */
public record ComparisonReport(String source, String run, List<TableComparison> tables, List<String> unmatched) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ComparisonReport {
    tables = List.copyOf(tables);
    unmatched = List.copyOf(unmatched);
  }

  /** True when some synthetic row equals a source row (confirmed exactly). */
  public boolean sourceRowReproduced() {
    return tables.stream().anyMatch(t -> t.rowCheck().reproducedRows() > 0);
  }

  /** True when every table's row check is complete and found no synthetic row equal to a source row. */
  public boolean rowChecksPassed() {
    return tables.stream().allMatch(t -> t.rowCheck().passed());
  }

  /**
   * The report as JSON, snake_case; a distance or correlation that is not defined is null. With {@code maxColumns}
   * at most that many columns per table are listed (the largest distances first) and correlation pairs are reduced
   * to the largest differences, for a compact answer; -1 lists everything in table order.
   */
  public ObjectNode toJson(int maxColumns) {
    ObjectNode root = JSON.createObjectNode();
    root.put("source", source);
    root.put("run", run);
    root.put("source_row_reproduced", sourceRowReproduced());
    root.put("row_checks_passed", rowChecksPassed());
    ArrayNode ts = root.putArray("tables");
    for (TableComparison t : tables) {
      ObjectNode o = ts.addObject();
      o.put("table", t.table());
      o.put("source", t.source());
      o.put("source_rows", t.sourceRows());
      o.put("synthetic_rows", t.syntheticRows());
      number(o, "max_distance", t.maxDistance());
      List<ColumnComparison> cols = t.columns();
      if (maxColumns >= 0 && cols.size() > maxColumns) {
        cols = cols.stream().sorted((a, b) -> Double.compare(nanLow(b.value()), nanLow(a.value())))
            .limit(maxColumns).toList();
        o.put("columns_listed", "the " + maxColumns + " of " + t.columns().size() + " columns with the largest "
            + "distances");
      }
      ArrayNode cs = o.putArray("columns");
      for (ColumnComparison c : cols) {
        ObjectNode co = cs.addObject();
        co.put("column", c.column());
        co.put("kind", c.kind());
        co.put("distance", c.distance());
        number(co, "value", c.value());
        number(co, "source_null_rate", c.sourceNullRate());
        number(co, "synthetic_null_rate", c.syntheticNullRate());
        number(co, "null_rate_difference", c.nullRateDifference());
        number(co, "source_distinct_ratio", c.sourceDistinctRatio());
        number(co, "synthetic_distinct_ratio", c.syntheticDistinctRatio());
        number(co, "distinct_ratio_difference", c.distinctRatioDifference());
      }
      ObjectNode corr = o.putObject("correlations");
      Correlations k = t.correlations();
      k.columns().forEach(corr.putArray("columns")::add);
      number(corr, "max_abs_difference", k.maxAbsDifference());
      List<Correlations.Pair> pairs = k.pairs();
      if (maxColumns >= 0 && pairs.size() > maxColumns) {
        pairs = pairs.stream().sorted((a, b) -> Double.compare(nanLow(Math.abs(b.difference())),
            nanLow(Math.abs(a.difference())))).limit(maxColumns).toList();
        corr.put("pairs_listed", "the " + maxColumns + " of " + k.pairs().size() + " pairs with the largest "
            + "differences");
      }
      ArrayNode ps = corr.putArray("pairs");
      for (Correlations.Pair p : pairs) {
        ObjectNode po = ps.addObject();
        po.put("a", p.a());
        po.put("b", p.b());
        number(po, "source", p.source());
        number(po, "synthetic", p.synthetic());
        number(po, "difference", p.difference());
      }
      RowCheck r = t.rowCheck();
      ObjectNode ro = o.putObject("row_check");
      r.columns().forEach(ro.putArray("columns")::add);
      r.excluded().forEach(ro.putArray("excluded_columns")::add);
      ro.put("source_rows", r.sourceRows());
      ro.put("bloom_false_positive_rate", r.falsePositiveRate());
      ro.put("candidates", r.candidates());
      ro.put("reproduced_rows", r.reproducedRows());
      ro.put("distinct_reproduced", r.distinctReproduced());
      ro.put("common_rows", r.commonRows());
      ro.put("min_count", r.minCount());
      r.examples().forEach(ro.putArray("example_synthetic_rows")::add);
      ro.put("complete", r.complete());
      ro.put("passed", r.passed());
      t.sourceOnly().forEach(o.putArray("source_only_columns")::add);
      t.syntheticOnly().forEach(o.putArray("synthetic_only_columns")::add);
      t.notes().forEach(o.putArray("notes")::add);
    }
    unmatched.forEach(root.putArray("unmatched")::add);
    return root;
  }

  /** A few lines per table for people: distances, correlation, the row check. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (TableComparison t : tables) {
      sb.append(String.format(Locale.ROOT, "%s: %,d synthetic rows vs %,d source rows (%s)%n", t.table(),
          t.syntheticRows(), t.sourceRows(), t.source()));
      sb.append(String.format(Locale.ROOT, "  %-28s %-11s %-9s %8s %10s %10s%n", "column", "kind", "distance",
          "value", "null diff", "distinct diff"));
      for (ColumnComparison c : t.columns()) {
        sb.append(String.format(Locale.ROOT, "  %-28s %-11s %-9s %8s %+10.4f %+10.4f%n", c.column(), c.kind(),
            c.distance(), Double.isNaN(c.value()) ? "n/a" : String.format(Locale.ROOT, "%.4f", c.value()),
            c.nullRateDifference(), c.distinctRatioDifference()));
      }
      Correlations k = t.correlations();
      if (k.columns().size() >= 2) {
        sb.append(String.format(Locale.ROOT, "  correlations of %d numeric columns: largest difference %s%n",
            k.columns().size(), Double.isNaN(k.maxAbsDifference()) ? "n/a"
                : String.format(Locale.ROOT, "%.4f", k.maxAbsDifference())));
      }
      RowCheck r = t.rowCheck();
      if (r.columns().isEmpty()) {
        sb.append("  no row check: every shared column is a key synthgen generates\n");
      } else if (r.reproducedRows() > 0) {
        sb.append(String.format(Locale.ROOT, "  REPRODUCED: %,d synthetic rows (%,d distinct) equal a source row "
            + "held by fewer than %d source rows, over %d columns; first synthetic rows: %s%n", r.reproducedRows(),
            r.distinctReproduced(), r.minCount(), r.columns().size(), r.examples()));
      } else {
        sb.append(String.format(Locale.ROOT, "  no synthetic row reproduces a source row over %d columns "
            + "(%,d candidates from the Bloom filter, false-positive rate %.2g, all checked exactly)%n",
            r.columns().size(), r.candidates(), r.falsePositiveRate()));
      }
      if (r.commonRows() > 0) {
        sb.append(String.format(Locale.ROOT, "  %,d synthetic rows equal a combination at least %d source rows share "
            + "(common, no record reproduced)%n", r.commonRows(), r.minCount()));
      }
      if (!r.complete()) {
        sb.append("  row check incomplete: more than " + CompareLimits.MAX_CANDIDATES
            + " distinct candidates, the rest were not confirmed\n");
      }
      t.notes().forEach(n -> sb.append("  note: ").append(n).append('\n'));
    }
    unmatched.forEach(u -> sb.append("not compared: ").append(u).append('\n'));
    return sb.toString();
  }

  private static double nanLow(double v) {
    return Double.isNaN(v) ? -1 : v;
  }

  private static void number(ObjectNode o, String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(field);
    } else {
      o.put(field, Math.round(v * 1e6) / 1e6);
    }
  }
}
