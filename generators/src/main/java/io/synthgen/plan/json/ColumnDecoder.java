package io.synthgen.plan.json;

import static io.synthgen.plan.json.Decoding.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.TimeProfile;
import io.synthgen.plan.VocabularyHint;
import io.synthgen.plan.validate.PlanLimits;
import io.synthgen.plan.validate.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Decodes a column: the common fields and the parameters of its strategy, which sit flat on the same object. */
final class ColumnDecoder {

  private final Decoding in;
  private final PlanDecoder plan;

  ColumnDecoder(Decoding in, PlanDecoder plan) {
    this.in = in;
    this.plan = plan;
  }

  /** The interval a date_range uses when none is given: a second for timestamps, a day otherwise. */
  static String defaultInterval(DataType type) {
    return type != null && type.kind() == DataType.Kind.TIMESTAMP ? "1 second" : "1 day";
  }

  Column column(JsonNode c, String path) {
    JsonNode s = c == null ? null : c.get("strategy");
    String strategy = s != null && s.isTextual() && PlanFields.STRATEGY.containsKey(s.asText()) ? s.asText() : null;
    List<String> allowed;
    if (strategy != null) {
      allowed = PlanFields.columnFields(strategy);
    } else {
      Set<String> all = new LinkedHashSet<>(PlanFields.COLUMN);
      PlanFields.STRATEGY.values().forEach(all::addAll);
      allowed = List.copyOf(all);
    }
    if (!in.object(c, path, allowed, strategy == null ? "a column" : "a " + strategy + " column")) {
      return new Column(null, null, null, 0, false, false, null);
    }
    String name = in.string(c, path, "name", true);
    DataType type = plan.type(c, path);
    if (s == null) {
      in.field(c, path, "strategy", true, Decoding.Kind.STRING);
    } else if (strategy == null) {
      String given = s.isTextual() ? s.asText() : null;
      in.add(at(path, "strategy"), s, "unknown strategy",
          Suggest.didYouMean(given, ColumnGen.STRATEGIES) + "strategies are: " + Suggest.list(ColumnGen.STRATEGIES)
              + "; " + VocabularyHint.see("strategies"));
    }
    double nullRate = in.number(c, path, "null_rate", 0.0);
    boolean omit = in.bool(c, path, "omit", false);
    boolean unique = in.bool(c, path, "unique", false);
    String note = in.string(c, path, "note", false);
    ColumnGen gen = strategy == null ? null : gen(strategy, c, path, type);
    return new Column(name, type, gen, nullRate, omit, unique, note);
  }

  private ColumnGen gen(String strategy, JsonNode c, String path, DataType type) {
    switch (strategy) {
      case "sequence":
        return new ColumnGen.Sequence(in.integer(c, path, "start", 1L, 1), in.integer(c, path, "step", 1L, 1));
      case "uniform":
        return new ColumnGen.Uniform(in.number(c, path, "min", null), in.number(c, path, "max", null),
            in.optionalNumber(c, path, "step"));
      case "values":
        return new ColumnGen.Values(values(c, path), in.numbers(c, path, "weights"));
      case "distribution":
        return new ColumnGen.Dist(plan.shaped(c, path, null));
      case "date_range": {
        String interval = in.string(c, path, "interval", false);
        return new ColumnGen.DateRange(in.string(c, path, "start", true), in.string(c, path, "end", true),
            c.has("interval") ? interval : defaultInterval(type),
            c.has("profile") ? profile(c.get("profile"), at(path, "profile")) : TimeProfile.flat());
      }
      case "dictionary":
        return new ColumnGen.Dictionary(in.string(c, path, "dictionary", true));
      case "pattern":
        return new ColumnGen.Pattern(in.string(c, path, "pattern", true));
      case "uuid":
        return new ColumnGen.Uuid();
      case "boolean":
        return new ColumnGen.Bool(in.number(c, path, "probability", null));
      case "constant": {
        JsonNode v = in.field(c, path, "value", true, Decoding.Kind.SCALAR);
        return new ColumnGen.Constant(v == null ? null : in.scalar(v, at(path, "value")));
      }
      case "foreign_key": {
        FkDistribution d = c.has("distribution")
            ? DistributionDecoder.fkDistribution(in, c.get("distribution"), at(path, "distribution"))
            : new FkDistribution.Uniform();
        return new ColumnGen.ForeignKey(in.string(c, path, "references", true), d);
      }
      case "parent":
        return new ColumnGen.Parent(in.string(c, path, "references", true));
      case "child_index":
        return new ColumnGen.ChildIndex(in.integer(c, path, "start", 1L, 1));
      case "lookup":
        return new ColumnGen.Lookup(in.string(c, path, "via", true), in.string(c, path, "column", true));
      case "child_aggregate":
        return new ColumnGen.ChildAggregate(in.string(c, path, "table", true), in.string(c, path, "function", true),
            in.string(c, path, "column", false));
      case "expression":
        return new ColumnGen.Expression(in.string(c, path, "expr", true));
      default:
        throw new IllegalStateException("strategy " + strategy + " has no decoder");
    }
  }

  /** The values list; an element that is not a scalar becomes null (reported) so indexes keep their meaning. */
  private List<Object> values(JsonNode c, String path) {
    JsonNode a = in.array(c, path, "values", true);
    List<Object> out = new ArrayList<>();
    if (a != null) {
      for (int i = 0; i < a.size(); i++) {
        int mark = in.mark();
        out.add(in.scalar(a.get(i), at(at(path, "values"), i)));
        in.beyondLimit(i, PlanLimits.MAX_VALUES, mark);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private TimeProfile profile(JsonNode p, String path) {
    if (!in.object(p, path, PlanFields.PROFILE, "a time profile")) {
      return TimeProfile.flat();
    }
    List<TimeProfile.Holiday> holidays = new ArrayList<>();
    JsonNode hs = in.array(p, path, "holidays", false);
    for (int i = 0; hs != null && i < hs.size(); i++) {
      int mark = in.mark();
      String hp = at(at(path, "holidays"), i);
      JsonNode h = hs.get(i);
      if (in.object(h, hp, PlanFields.HOLIDAY, "a holiday")) {
        holidays.add(new TimeProfile.Holiday(in.date(h, hp, "date", true), in.number(h, hp, "factor", null),
            in.string(h, hp, "name", false)));
      } else {
        holidays.add(new TimeProfile.Holiday(null, Double.NaN, null));
      }
      in.beyondLimit(i, PlanLimits.MAX_PROFILE_ENTRIES, mark);
    }
    List<TimeProfile.Window> incidents = new ArrayList<>();
    JsonNode ws = in.array(p, path, "incidents", false);
    for (int i = 0; ws != null && i < ws.size(); i++) {
      int mark = in.mark();
      String wp = at(at(path, "incidents"), i);
      JsonNode w = ws.get(i);
      if (in.object(w, wp, PlanFields.INCIDENT, "an incident window")) {
        incidents.add(new TimeProfile.Window(in.string(w, wp, "start", true), in.string(w, wp, "end", true),
            in.number(w, wp, "multiplier", null), in.string(w, wp, "name", false)));
      } else {
        incidents.add(new TimeProfile.Window(null, null, Double.NaN, null));
      }
      in.beyondLimit(i, PlanLimits.MAX_PROFILE_ENTRIES, mark);
    }
    return new TimeProfile(in.numbers(p, path, "weekday_factors"), in.numbers(p, path, "month_factors"),
        in.numbers(p, path, "hour_weights"), Collections.unmodifiableList(holidays),
        p.has("us_holidays") ? (Double) in.number(p, path, "us_holidays", null) : null,
        Collections.unmodifiableList(incidents));
  }
}
