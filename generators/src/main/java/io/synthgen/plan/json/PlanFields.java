package io.synthgen.plan.json;

import io.synthgen.plan.ColumnGen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field names the plan codec accepts in each JSON object, in the order it writes them. The codec checks input
 * against these lists and the schema and documentation tests compare against them, so the three cannot drift.
 */
public final class PlanFields {

  private PlanFields() {
  }

  /** The plan document itself. */
  public static final List<String> PLAN = List.of("format", "name", "industry", "description", "seed",
      "reference_date", "main_table", "tier", "series", "destination", "tables");

  /** A table. */
  public static final List<String> TABLE = List.of("name", "rows", "primary_key", "description", "per_parent",
      "history", "batch", "columns", "change_feed", "quality");

  /** The fields a history table accepts: its columns and rows are made from the source's change feed. */
  public static final List<String> HISTORY_TABLE = List.of("name", "description", "history");

  /** The plan's {@code series}. */
  public static final List<String> SERIES = List.of("start", "interval", "batches");

  /** A table's {@code batch}. */
  public static final List<String> BATCH = List.of("mode", "advance");

  /** A table's {@code change_feed}. */
  public static final List<String> CHANGE_FEED = List.of("name", "rows_per_batch", "weights", "changes", "format",
      "append_as", "operation_column", "sequence_column");

  /** A change feed's {@code weights}. */
  public static final List<String> WEIGHTS = List.of("append", "update", "delete");

  /** A history table's {@code history}. */
  public static final List<String> HISTORY = List.of("of");

  /** A table's {@code quality}. */
  public static final List<String> QUALITY = List.of("ground_truth", "defects");

  /** Defect id ({@code defect}) to its fields, {@code defect} excluded. */
  public static final Map<String, List<String>> DEFECT;

  /** A table's {@code per_parent} object. */
  public static final List<String> PER_PARENT = List.of("table", "count");

  /** A shaped draw: the {@code count} of per_parent, and the parameters of the distribution strategy. */
  public static final List<String> SHAPED = List.of("distribution", "scale", "offset", "min", "max", "rounding");

  /** Fields every column has, whatever its strategy. */
  public static final List<String> COLUMN = List.of("name", "type", "strategy", "null_rate", "omit", "unique",
      "note");

  /** Strategy id to the strategy's own parameters (flat on the column object next to {@link #COLUMN}). */
  public static final Map<String, List<String>> STRATEGY;

  /** Distribution id ({@code type}) to its parameters, {@code type} excluded. */
  public static final Map<String, List<String>> DISTRIBUTION;

  /** Foreign key distribution id ({@code type}) to its parameters, {@code type} excluded. */
  public static final Map<String, List<String>> FK_DISTRIBUTION;

  /** Destination kind to its fields, {@code kind} excluded. */
  public static final Map<String, List<String>> DESTINATION;

  /** A date_range column's {@code profile}. */
  public static final List<String> PROFILE = List.of("weekday_factors", "month_factors", "hour_weights",
      "holidays", "us_holidays", "incidents");

  /** One entry of {@code profile.holidays}. */
  public static final List<String> HOLIDAY = List.of("date", "factor", "name");

  /** One entry of {@code profile.incidents}. */
  public static final List<String> INCIDENT = List.of("start", "end", "multiplier", "name");

  /** child_aggregate functions (defined with the model, which the validator reads too). */
  public static final List<String> AGGREGATE_FUNCTIONS = ColumnGen.ChildAggregate.FUNCTIONS;

  static {
    Map<String, List<String>> s = new LinkedHashMap<>();
    s.put("sequence", List.of("start", "step"));
    s.put("uniform", List.of("min", "max", "step"));
    s.put("values", List.of("values", "weights"));
    s.put("distribution", SHAPED);
    s.put("date_range", List.of("start", "end", "interval", "profile"));
    s.put("dictionary", List.of("dictionary"));
    s.put("pattern", List.of("pattern"));
    s.put("uuid", List.of());
    s.put("boolean", List.of("probability"));
    s.put("constant", List.of("value"));
    s.put("foreign_key", List.of("references", "distribution"));
    s.put("parent", List.of("references"));
    s.put("child_index", List.of("start"));
    s.put("lookup", List.of("via", "column"));
    s.put("child_aggregate", List.of("table", "function", "column"));
    s.put("expression", List.of("expr"));
    if (!List.copyOf(s.keySet()).equals(ColumnGen.STRATEGIES)) {
      throw new IllegalStateException("codec strategies " + s.keySet() + " differ from " + ColumnGen.STRATEGIES);
    }
    STRATEGY = java.util.Collections.unmodifiableMap(s);

    Map<String, List<String>> d = new LinkedHashMap<>();
    d.put("normal", List.of("mean", "stddev"));
    d.put("lognormal", List.of("mu", "sigma"));
    d.put("exponential", List.of("rate"));
    d.put("gamma", List.of("shape", "scale"));
    d.put("beta", List.of("alpha", "beta"));
    d.put("pareto", List.of("alpha", "xm"));
    d.put("zipf", List.of("n", "exponent"));
    d.put("poisson", List.of("lambda"));
    d.put("uniform", List.of("min", "max"));
    DISTRIBUTION = java.util.Collections.unmodifiableMap(d);

    Map<String, List<String>> f = new LinkedHashMap<>();
    f.put("uniform", List.of());
    f.put("zipf", List.of("exponent"));
    f.put("weighted", List.of("by", "shares"));
    FK_DISTRIBUTION = java.util.Collections.unmodifiableMap(f);

    Map<String, List<String>> k = new LinkedHashMap<>();
    k.put("local", List.of("path", "format", "compression"));
    k.put("unity_catalog", List.of("catalog", "schema", "volume", "compression"));
    DESTINATION = java.util.Collections.unmodifiableMap(k);

    Map<String, List<String>> q = new LinkedHashMap<>();
    q.put("nulls", List.of("columns", "rate"));
    q.put("duplicates", List.of("rate"));
    q.put("near_duplicates", List.of("columns", "rate"));
    q.put("jitter", List.of("column", "rate", "max"));
    q.put("very_late", List.of("column", "rate", "max"));
    q.put("out_of_order", List.of("rate"));
    q.put("case_noise", List.of("columns", "rate"));
    q.put("whitespace", List.of("columns", "rate"));
    q.put("date_formats", List.of("column", "rate", "formats"));
    q.put("out_of_range", List.of("column", "rate", "value", "factor"));
    q.put("orphans", List.of("column", "rate"));
    DEFECT = java.util.Collections.unmodifiableMap(q);
  }

  /** Every field a column of {@code strategy} accepts: {@link #COLUMN} then the strategy's parameters. */
  public static List<String> columnFields(String strategy) {
    List<String> params = STRATEGY.get(strategy);
    if (params == null) {
      throw new IllegalArgumentException("unknown strategy " + strategy);
    }
    java.util.ArrayList<String> all = new java.util.ArrayList<>(COLUMN);
    all.addAll(params);
    return List.copyOf(all);
  }
}
