package io.synthgen.plan.json;

import static io.synthgen.plan.json.Decoding.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Column;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Destination;
import io.synthgen.plan.PerParent;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Rounding;
import io.synthgen.plan.Series;
import io.synthgen.plan.Shaped;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.plan.validate.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a plan tree into the model, collecting every structural problem (unknown fields, wrong types, missing
 * fields, unknown ids). Where a field is wrong it substitutes a placeholder (null, NaN, an empty list) so the rest of
 * the document is still read and the semantic validator can run on the result; the codec then drops validator
 * findings at paths already reported here.
 */
final class PlanDecoder {

  /** The decoded plan (never null) and the structural violations found. */
  record Result(Plan plan, List<Violation> violations) {
  }

  static final Map<String, Rounding> ROUNDINGS = names(Rounding.values());
  static final Map<String, Destination.Kind> KINDS = names(Destination.Kind.values());
  static final Map<String, Destination.Format> FORMATS = names(Destination.Format.values());
  static final Map<String, Destination.Compression> COMPRESSIONS = names(Destination.Compression.values());

  private final Decoding in = new Decoding();
  private final ColumnDecoder columns = new ColumnDecoder(in, this);
  private final SeriesDecoder series = new SeriesDecoder(in);
  private final QualityDecoder quality = new QualityDecoder(in);

  static Result decode(JsonNode root) {
    PlanDecoder d = new PlanDecoder();
    Plan p = d.plan(root);
    return new Result(p, List.copyOf(d.in.violations()));
  }

  static <E extends Enum<E>> Map<String, E> names(E[] values) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : values) {
      m.put(e.name().toLowerCase(Locale.ROOT), e);
    }
    return m;
  }

  private Plan plan(JsonNode root) {
    if (root == null || !root.isObject()) {
      in.add("", root, "a plan must be a JSON object",
          "start the document with {\"format\": \"" + Plan.FORMAT + "\", \"name\": ..., \"tables\": [...]}");
      return new Plan(null, null, null, null, Plan.DEFAULT_SEED, null, null, 0, null, List.of());
    }
    in.object(root, "", PlanFields.PLAN, "a plan");
    String format = in.string(root, "", "format", true);
    String name = in.string(root, "", "name", true);
    String industry = in.string(root, "", "industry", false);
    String description = in.string(root, "", "description", false);
    long seed = in.integer(root, "", "seed", Plan.DEFAULT_SEED, Plan.DEFAULT_SEED);
    var referenceDate = in.date(root, "", "reference_date", true);
    String mainTable = in.string(root, "", "main_table", false);
    long tier = in.integer(root, "", "tier", 0L, 0);
    if (tier != (int) tier) {
      in.add("tier", root.get("tier"), "out of range", "write 1, 2 or 3, or leave it out");
      tier = 0;
    }
    Series planSeries = root.has("series") ? series.series(root.get("series"), "series") : null;
    List<Table> tables = new ArrayList<>();
    JsonNode ts = in.array(root, "", "tables", true);
    if (ts != null) {
      for (int i = 0; i < ts.size(); i++) {
        int mark = in.mark();
        tables.add(table(ts.get(i), at("tables", i)));
        in.beyondLimit(i, PlanLimits.MAX_TABLES, mark);
      }
    }
    if (mainTable == null && root.get("main_table") == null && !tables.isEmpty()) {
      mainTable = tables.get(0).name();
    }
    Destination destination = root.has("destination")
        ? destinationAt(root.get("destination"), "destination", name)
        : defaultDestination(name);
    return new Plan(format, name, industry, description, seed, referenceDate, mainTable, (int) tier, destination,
        tables, planSeries);
  }

  /** The destination used when a plan names none: Parquet with ZSTD under {@code output/<plan name>}. */
  static Destination defaultDestination(String planName) {
    return Destination.local("output/" + (planName == null ? "plan" : planName));
  }

  /** A destination on its own, decoded at {@code path}, and the structural violations found. */
  static DestinationResult destination(JsonNode d, String path, String planName) {
    PlanDecoder dec = new PlanDecoder();
    Destination out = dec.destinationAt(d, path, planName);
    return new DestinationResult(out, List.copyOf(dec.in.violations()));
  }

  /** A decoded destination and its structural violations. */
  record DestinationResult(Destination destination, List<Violation> violations) {
  }

  private Destination destinationAt(JsonNode d, String path, String planName) {
    Destination fallback = defaultDestination(planName);
    if (d == null || !d.isObject()) {
      in.object(d, path, List.of("kind", "path"), "a destination");
      return fallback;
    }
    JsonNode kindNode = d.get("kind");
    String kindName = kindNode != null && kindNode.isTextual() ? kindNode.asText() : null;
    List<String> fields = new ArrayList<>();
    fields.add("kind");
    if (kindName != null && PlanFields.DESTINATION.containsKey(kindName)) {
      fields.addAll(PlanFields.DESTINATION.get(kindName));
    } else {
      Set<String> all = new LinkedHashSet<>();
      PlanFields.DESTINATION.values().forEach(all::addAll);
      fields.addAll(all);
    }
    String what = kindName != null && PlanFields.DESTINATION.containsKey(kindName)
        ? "a " + kindName + " destination" : "a destination";
    in.object(d, path, fields, what);
    Destination.Kind kind = in.choice(d, path, "kind", KINDS, null);
    Destination.Compression compression = in.choice(d, path, "compression", COMPRESSIONS,
        Destination.Compression.ZSTD);
    if (kind == Destination.Kind.UNITY_CATALOG) {
      return new Destination(kind, null, Destination.Format.PARQUET, compression,
          in.string(d, path, "catalog", true), in.string(d, path, "schema", true), in.string(d, path, "volume", false));
    }
    String p = in.string(d, path, "path", false);
    Destination.Format format = in.choice(d, path, "format", FORMATS, Destination.Format.PARQUET);
    // left out, the compression is zstd for Parquet and none for the text formats (which write none or gzip)
    if (!d.has("compression") && format != null && format != Destination.Format.PARQUET) {
      compression = Destination.Compression.NONE;
    }
    return new Destination(kind == null ? Destination.Kind.LOCAL : kind, d.has("path") ? p : fallback.path(),
        format, compression, null, null, null);
  }

  private Table table(JsonNode t, String path) {
    if (t != null && t.isObject() && t.has("history")) {
      return HistoryTables.decode(in, series, t, path);
    }
    if (!in.object(t, path, PlanFields.TABLE, "a table")) {
      return new Table(null, 0, null, null, null, List.of());
    }
    String name = in.string(t, path, "name", true);
    long rows = in.integer(t, path, "rows", null, 0);
    String primaryKey = in.string(t, path, "primary_key", false);
    String description = in.string(t, path, "description", false);
    PerParent perParent = t.has("per_parent") ? perParent(t.get("per_parent"), at(path, "per_parent")) : null;
    List<Column> cols = new ArrayList<>();
    JsonNode cs = in.array(t, path, "columns", true);
    if (cs != null) {
      for (int i = 0; i < cs.size(); i++) {
        int mark = in.mark();
        cols.add(columns.column(cs.get(i), at(at(path, "columns"), i)));
        in.beyondLimit(i, PlanLimits.MAX_COLUMNS, mark);
      }
    }
    Batching batching = t.has("batch") ? series.batching(t.get("batch"), at(path, "batch")) : Batching.STATIC;
    ChangeFeed feed = t.has("change_feed") ? series.changeFeed(t.get("change_feed"), at(path, "change_feed"), name)
        : null;
    Quality q = t.has("quality") ? quality.quality(t.get("quality"), at(path, "quality")) : null;
    return new Table(name, rows, primaryKey, description, perParent, cols, batching, feed, null, q);
  }

  private PerParent perParent(JsonNode p, String path) {
    if (!in.object(p, path, PlanFields.PER_PARENT, "per_parent")) {
      return new PerParent(null, null);
    }
    String table = in.string(p, path, "table", true);
    JsonNode count = in.field(p, path, "count", true, Decoding.Kind.OBJECT);
    return new PerParent(table, count == null ? null : shaped(count, at(path, "count"), "a per_parent count"));
  }

  /** A shaped draw from an object holding {@link PlanFields#SHAPED} (and, for columns, the column fields). */
  Shaped shaped(JsonNode o, String path, String what) {
    if (what != null && !in.object(o, path, PlanFields.SHAPED, what)) {
      return new Shaped(null, 1, 0, null, null, Rounding.NONE);
    }
    JsonNode dist = in.field(o, path, "distribution", true, Decoding.Kind.OBJECT);
    var distribution = dist == null ? null : DistributionDecoder.distribution(in, dist, at(path, "distribution"));
    double scale = in.number(o, path, "scale", 1.0);
    double offset = in.number(o, path, "offset", 0.0);
    Double min = in.optionalNumber(o, path, "min");
    Double max = in.optionalNumber(o, path, "max");
    Rounding rounding = in.choice(o, path, "rounding", ROUNDINGS, Rounding.NONE);
    return new Shaped(distribution, scale, offset, min, max, rounding == null ? Rounding.NONE : rounding);
  }

  /** The column type from its SQL spelling, or null (reported). Only lowercase spellings are accepted. */
  DataType type(JsonNode c, String path) {
    String text = in.string(c, path, "type", true);
    if (text == null) {
      return null;
    }
    DataType t = DataType.parse(text);
    if (t != null && !text.equals(text.toLowerCase(Locale.ROOT))) {
      in.add(at(path, "type"), c.get("type"), "type names are lowercase", "write \"" + t + "\"");
      return null;
    }
    if (t == null || !text.equals(text.trim())) {
      String lower = text.trim().toLowerCase(Locale.ROOT);
      String fix = lower.startsWith("decimal")
          ? "write decimal(p,s) with precision p 1.." + DataType.MAX_DECIMAL_PRECISION + " and scale s 0..p"
          : Suggest.didYouMean(lower, List.of("bigint", "int", "double", "string", "boolean", "date", "timestamp",
              "decimal")) + "types are: " + DataType.ALLOWED + "; " + io.synthgen.plan.VocabularyHint.see("types");
      in.add(at(path, "type"), c.get("type"), "unknown type", fix);
      return null;
    }
    return t;
  }
}
