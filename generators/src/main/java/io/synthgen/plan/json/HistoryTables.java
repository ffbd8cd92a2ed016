package io.synthgen.plan.json;

import static io.synthgen.plan.json.Decoding.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Batching;
import io.synthgen.plan.History;
import io.synthgen.plan.Table;
import io.synthgen.plan.validate.Suggest;
import java.util.Iterator;
import java.util.List;

/**
 * A history (SCD2) table in the plan: {@code name}, {@code description} and {@code history} only. Its columns are
 * its source's plus the version columns and its rows are the source's versions, so every other table field is
 * refused with what to do instead.
 */
final class HistoryTables {

  private HistoryTables() {
  }

  static Table decode(Decoding in, SeriesDecoder series, JsonNode t, String path) {
    String name = in.string(t, path, "name", true);
    String description = in.string(t, path, "description", false);
    History h = series.history(t.get("history"), at(path, "history"));
    String source = h.of() == null ? "its source" : h.of();
    for (Iterator<String> it = t.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!PlanFields.HISTORY_TABLE.contains(f)) {
        in.add(at(path, f), t.get(f), "a history table has no '" + f + "'", fix(f, source));
      }
    }
    return new Table(name, 0, null, description, null, List.of(), Batching.STATIC, null, h, null);
  }

  private static String fix(String field, String source) {
    switch (field) {
      case "columns":
        return "remove \"columns\": a history table's columns are " + source + "'s plus " + History.EFFECTIVE_FROM
            + ", " + History.EFFECTIVE_TO + " and " + History.IS_CURRENT + "; change the columns of " + source;
      case "rows":
        return "remove \"rows\": a history table has one row per version of a row of " + source
            + ", made by its change_feed";
      case "primary_key":
      case "per_parent":
      case "batch":
      case "change_feed":
      case "quality":
        return "remove \"" + field + "\": a history table is made from " + source + "'s change feed; set it on "
            + source + " or on another table";
      default:
        return Suggest.didYouMean(field, PlanFields.HISTORY_TABLE) + "a history table's fields are: "
            + Suggest.list(PlanFields.HISTORY_TABLE);
    }
  }
}
