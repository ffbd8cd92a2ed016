package io.synthgen.server.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.testing.Plans;
import io.synthgen.vocab.Topic;
import io.synthgen.vocab.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The plans the equality test runs through both engines: the hand-written plan of every strategy, distribution,
 * time-profile field, foreign-key distribution, child aggregate and function ({@code compile/every-strategy.json});
 * the vocabulary's examples all in one plan (so a new strategy, function or dictionary with an example is compared
 * as soon as it has one); a plan whose tables are sliced far from row 0; and a series whose batches run far into an
 * append table.
 */
final class SqlEqualityPlans {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The hand-written plan, a test resource. */
  static final String EVERY_STRATEGY = "/compile/every-strategy.json";

  /** Rows per batch of the append table of {@link #farBatches()}: its batch {@link #FAR_BATCH} starts past 2^40. */
  static final long FAR_ROWS = 1_000_000_000L;

  /** The batch of {@link #farBatches()} holding row 2^40: rows [1099 * 10^9, 1100 * 10^9). */
  static final long FAR_BATCH = (1L << 40) / FAR_ROWS;

  /** Rows of the child table of {@link #offsets()}. */
  static final int CHILD_ROWS = 2_000;

  /**
   * Rows of the root table of {@link #offsets()}: beyond 2^31 by far, as many as a plan may have with its child
   * (just under 10^12, {@code PlanLimits.MAX_TOTAL_ROWS}, itself under 2^40: the slice at 2^40 is a batch).
   */
  static final long HUGE_ROWS = io.synthgen.plan.validate.PlanLimits.MAX_TOTAL_ROWS - CHILD_ROWS;

  private SqlEqualityPlans() {
  }

  static String everyStrategyJson() {
    try (InputStream in = SqlEqualityPlans.class.getResourceAsStream(EVERY_STRATEGY)) {
      if (in == null) {
        throw new IllegalStateException(EVERY_STRATEGY + " is missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResolvedPlan everyStrategy() {
    return Plans.resolve(everyStrategyJson());
  }

  /**
   * Every example column of the vocabulary in the vocabulary's own example plan at once (strategies, distributions,
   * types, time profiles, dictionaries, functions, operators), each in the table its entry names, replacing the
   * column of the same name: the plan a person gets by copying every example.
   */
  static ResolvedPlan vocabulary() {
    Vocabulary v = Vocabulary.standard();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", "synthgen.plan/v1").put("name", "vocabulary_examples").put("seed", 42)
        .put("reference_date", "2025-01-01");
    doc.set("tables", v.context().get("tables").deepCopy());
    for (Topic t : List.of(Topic.STRATEGIES, Topic.DISTRIBUTIONS, Topic.TYPES, Topic.TIME_PROFILES,
        Topic.DICTIONARIES, Topic.FUNCTIONS, Topic.OPERATORS)) {
      for (String name : v.names(t)) {
        JsonNode e = v.entry(t, name).get("entry");
        JsonNode column = e.has("example_column") ? e.get("example_column") : e.get("example");
        put(doc, e.path("table").asText("orders"), column);
      }
    }
    try {
      Set<String> dictionaries = Set.copyOf(Dictionaries.standard().names());
      return Resolver.resolve(PlanCodec.fromJson(doc, dictionaries));
    } catch (PlanException e) {
      throw new AssertionError("the vocabulary's examples do not make a plan together: " + e.getMessage(), e);
    }
  }

  /** Puts {@code column} into {@code table}, replacing the column of the same name (ignoring case). */
  private static void put(ObjectNode doc, String table, JsonNode column) {
    for (JsonNode t : doc.get("tables")) {
      if (!t.path("name").asText().equals(table)) {
        continue;
      }
      ArrayNode cols = (ArrayNode) t.get("columns");
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).path("name").asText().equalsIgnoreCase(column.path("name").asText())) {
          cols.set(i, column.deepCopy());
          return;
        }
      }
      cols.add(column.deepCopy());
      return;
    }
    throw new AssertionError("the vocabulary's example plan has no table " + table);
  }

  /**
   * A root table of {@link #HUGE_ROWS} rows (sliced at [2^31 - 1000, 2^31 + 1000) and at its last 2000 rows, just
   * under 2^40) and a small child whose keys point anywhere into it and read its columns back through lookups and
   * parent columns.
   */
  static ResolvedPlan offsets() {
    return Plans.resolve(Plans.document(31, """
        {"name": "accounts", "rows": %d, "primary_key": "account_id", "columns": [
          {"name": "account_id", "type": "bigint", "strategy": "sequence", "start": 7, "step": 3},
          {"name": "opened_at", "type": "timestamp", "strategy": "date_range", "start": "2000-01-01",
           "end": "2024-12-31T23:59:59"},
          {"name": "balance", "type": "decimal(14,2)", "strategy": "distribution",
           "distribution": {"type": "lognormal", "mu": 8, "sigma": 1.2}, "null_rate": 0.1},
          {"name": "segment", "type": "string", "strategy": "values", "values": ["retail", "sme", "corporate"],
           "weights": [80, 15, 5]},
          {"name": "owner", "type": "string", "strategy": "dictionary", "dictionary": "last_name"},
          {"name": "code", "type": "string", "strategy": "pattern", "pattern": "AC-????-####"},
          {"name": "token", "type": "string", "strategy": "uuid"},
          {"name": "weight", "type": "double", "strategy": "expression", "omit": true,
           "expr": "CASE segment WHEN 'corporate' THEN 20 WHEN 'sme' THEN 4 ELSE 1 END"},
          {"name": "label", "type": "string", "strategy": "expression",
           "expr": "concat(upper(segment), '-', CAST(account_id %% 1000 AS STRING), '-', CAST(rand_int(1, 9) AS STRING))"}]},
        {"name": "transfers", "rows": %d, "primary_key": "transfer_id", "columns": [
          {"name": "transfer_id", "type": "bigint", "strategy": "sequence"},
          {"name": "account_id", "type": "bigint", "strategy": "foreign_key", "references": "accounts.account_id"},
          {"name": "hot_account", "type": "bigint", "strategy": "foreign_key", "references": "accounts.account_id",
           "distribution": {"type": "zipf", "exponent": 1.05}, "null_rate": 0.05},
          {"name": "owner", "type": "string", "strategy": "lookup", "via": "account_id", "column": "owner"},
          {"name": "opened_at", "type": "timestamp", "strategy": "lookup", "via": "account_id", "column": "opened_at"},
          {"name": "hot_balance", "type": "decimal(14,2)", "strategy": "lookup", "via": "hot_account",
           "column": "balance"},
          {"name": "hot_label", "type": "string", "strategy": "lookup", "via": "hot_account", "column": "label"},
          {"name": "amount", "type": "double", "strategy": "distribution",
           "distribution": {"type": "gamma", "shape": 2, "scale": 40}}]}""".formatted(HUGE_ROWS, CHILD_ROWS)));
  }

  /**
   * A series of {@link #FAR_BATCH} + 1 daily batches whose append table has {@link #FAR_ROWS} rows per batch, so its
   * last batch holds row 2^40 (no table per parent of it: laying one out would count the children of every parent).
   */
  static ResolvedPlan farBatches() {
    return series(FAR_ROWS, FAR_BATCH + 1, false);
  }

  /**
   * A series of daily batches: a static table, an append table of {@code rowsPerBatch} rows per batch pointing to it
   * (zipf), with a lookup, an advance column, {@code batch()} and, with {@code items}, a table generated per parent
   * of it (append too) that it counts.
   */
  static ResolvedPlan series(long rowsPerBatch, long batches, boolean items) {
    String tables = """
        {"name": "stores", "rows": 300, "primary_key": "store_id", "columns": [
          {"name": "store_id", "type": "int", "strategy": "sequence", "start": 100},
          {"name": "city", "type": "string", "strategy": "dictionary", "dictionary": "city"},
          {"name": "opened", "type": "date", "strategy": "date_range", "start": "1990-01-01", "end": "2020-12-31"}]},
        {"name": "sales", "rows": %d, "primary_key": "sale_id", "batch": {"mode": "append"}, "columns": [
          {"name": "sale_id", "type": "bigint", "strategy": "sequence"},
          {"name": "store_id", "type": "int", "strategy": "foreign_key", "references": "stores.store_id",
           "distribution": {"type": "zipf", "exponent": 1.2}},
          {"name": "store_city", "type": "string", "strategy": "lookup", "via": "store_id", "column": "city"},
          {"name": "sold_at", "type": "timestamp", "strategy": "date_range", "start": "2020-01-01T00:00:00",
           "end": "2020-01-01T23:59:59", "profile": {"hour_weights": [0, 0, 0, 0, 0, 0, 1, 2, 4, 6, 8, 8, 9, 9, 8,
           8, 8, 9, 9, 7, 5, 3, 1, 0]}},
          {"name": "sold_on", "type": "date", "strategy": "expression", "expr": "to_date(sold_at)"},
          {"name": "amount", "type": "decimal(10,2)", "strategy": "distribution",
           "distribution": {"type": "gamma", "shape": 2, "scale": 15}, "min": 0.5},
          {"name": "state", "type": "string", "strategy": "expression",
           "expr": "CASE WHEN batch() = 0 THEN 'new' ELSE rand_weighted('new', 30, 'settled', 70) END"},
          {"name": "batch_no", "type": "bigint", "strategy": "expression", "expr": "batch()"}%s]}%s"""
        .formatted(rowsPerBatch, items ? """
        ,
          {"name": "items", "type": "int", "strategy": "child_aggregate", "table": "sale_items", "function": "count"}"""
            : "", items ? """
        ,
        {"name": "sale_items", "rows": %d, "primary_key": "item_id",
         "per_parent": {"table": "sales", "count": {"distribution": {"type": "uniform", "min": 1, "max": 4}}},
         "columns": [
          {"name": "item_id", "type": "bigint", "strategy": "sequence"},
          {"name": "sale_id", "type": "bigint", "strategy": "parent", "references": "sales.sale_id"},
          {"name": "line", "type": "int", "strategy": "child_index"},
          {"name": "sold_at", "type": "timestamp", "strategy": "lookup", "via": "sale_id", "column": "sold_at"},
          {"name": "price", "type": "decimal(8,2)", "strategy": "uniform", "min": 1, "max": 99}]}"""
            .formatted(rowsPerBatch * 2) : "");
    String doc = """
        {"format": "synthgen.plan/v1", "name": "batches", "seed": 77, "reference_date": "2025-01-01",
         "series": {"start": "2020-01-01", "interval": "1 day", "batches": %d},
         "tables": [%s]}""".formatted(batches, tables);
    return Plans.resolve(doc);
  }

  /** A template at {@code rows} main-table rows, resolved. */
  static ResolvedPlan template(String name, long rows) {
    return Plans.resolve(Plans.template(name, rows));
  }

  /** A benchmark plan ({@code bench/plans/}) at {@code rows} main-table rows, resolved. */
  static ResolvedPlan bench(String file, long rows) {
    Plan p = Plans.bench(file, rows);
    return Plans.resolve(p);
  }
}
