package io.synthgen.plan.json;

import static io.synthgen.plan.json.Decoding.at;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.plan.Batching;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.History;
import io.synthgen.plan.Series;
import io.synthgen.plan.validate.PlanLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the time-series parts of a plan: the plan's {@code series}, a table's {@code batch}, {@code change_feed}
 * and {@code history}. Defaults are filled in here (a feed's name, weights, format and column names; a series'
 * batches), so the model holds what runs and the encoder writes it out; only {@code batch.advance} and
 * {@code change_feed.changes} stay null when left out, meaning "derived from the columns".
 */
final class SeriesDecoder {

  static final Map<String, Batching.Mode> MODES = PlanDecoder.names(Batching.Mode.values());
  static final Map<String, ChangeFeed.Format> FEED_FORMATS = PlanDecoder.names(ChangeFeed.Format.values());
  static final Map<String, String> APPEND_AS = appendAs();

  private final Decoding in;

  SeriesDecoder(Decoding in) {
    this.in = in;
  }

  private static Map<String, String> appendAs() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("APPEND", "APPEND");
    m.put("INSERT", "INSERT");
    return java.util.Collections.unmodifiableMap(m);
  }

  Series series(JsonNode s, String path) {
    if (!in.object(s, path, PlanFields.SERIES, "a series")) {
      return new Series(null, null, Series.DEFAULT_BATCHES);
    }
    String start = in.string(s, path, "start", true);
    String interval = in.string(s, path, "interval", true);
    long batches = in.integer(s, path, "batches", Series.DEFAULT_BATCHES, Series.DEFAULT_BATCHES);
    return new Series(start, interval, batches);
  }

  Batching batching(JsonNode b, String path) {
    if (!in.object(b, path, PlanFields.BATCH, "a table's batch")) {
      return Batching.STATIC;
    }
    Batching.Mode mode = in.choice(b, path, "mode", MODES, Batching.Mode.STATIC);
    List<String> advance = in.strings(b, path, "advance", false, PlanLimits.MAX_COLUMNS);
    return new Batching(mode == null ? Batching.Mode.STATIC : mode, advance);
  }

  ChangeFeed changeFeed(JsonNode f, String path, String table) {
    String defaultName = table == null ? null : ChangeFeed.defaultName(table);
    if (!in.object(f, path, PlanFields.CHANGE_FEED, "a change feed")) {
      return new ChangeFeed(defaultName, 1, ChangeFeed.Weights.GENERIC, null, ChangeFeed.Format.PLAIN, "APPEND",
          ChangeFeed.DEFAULT_OPERATION_COLUMN, ChangeFeed.DEFAULT_SEQUENCE_COLUMN);
    }
    String name = f.has("name") ? in.string(f, path, "name", false) : defaultName;
    long rowsPerBatch = in.integer(f, path, "rows_per_batch", null, 1);
    ChangeFeed.Weights weights = f.has("weights") ? weights(f.get("weights"), at(path, "weights"))
        : ChangeFeed.Weights.GENERIC;
    List<String> changes = in.strings(f, path, "changes", false, PlanLimits.MAX_COLUMNS);
    ChangeFeed.Format format = in.choice(f, path, "format", FEED_FORMATS, ChangeFeed.Format.PLAIN);
    String appendAs = in.choice(f, path, "append_as", APPEND_AS, "APPEND");
    String operation = f.has("operation_column") ? in.string(f, path, "operation_column", false)
        : ChangeFeed.DEFAULT_OPERATION_COLUMN;
    String sequence = f.has("sequence_column") ? in.string(f, path, "sequence_column", false)
        : ChangeFeed.DEFAULT_SEQUENCE_COLUMN;
    return new ChangeFeed(name, rowsPerBatch, weights, changes, format == null ? ChangeFeed.Format.PLAIN : format,
        appendAs == null ? "APPEND" : appendAs, operation, sequence);
  }

  /** Weights left out of the object are 0: {@code {"update": 1}} is a feed of updates only. */
  private ChangeFeed.Weights weights(JsonNode w, String path) {
    if (!in.object(w, path, PlanFields.WEIGHTS, "change feed weights")) {
      return ChangeFeed.Weights.GENERIC;
    }
    return new ChangeFeed.Weights(in.number(w, path, "append", 0.0), in.number(w, path, "update", 0.0),
        in.number(w, path, "delete", 0.0));
  }

  History history(JsonNode h, String path) {
    if (!in.object(h, path, PlanFields.HISTORY, "a history")) {
      return new History(null);
    }
    return new History(in.string(h, path, "of", true));
  }
}
