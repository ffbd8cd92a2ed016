package io.synthgen.server.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.resolve.ResolvedPlan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compiled SQL of the structural strategies on real Spark equals the local engine cell for cell. */
class CoreSqlTest {

  static final String KEYS = """
      {"format": "synthgen.plan/v1", "name": "core", "seed": 7, "reference_date": "2025-01-01", "tier": 1,
       "destination": {"kind": "local", "path": "out", "format": "parquet"},
       "tables": [
        {"name": "regions", "rows": 20, "primary_key": "region_id", "columns": [
          {"name": "region_id", "type": "int", "strategy": "sequence", "start": 10, "step": 5},
          {"name": "weight", "type": "bigint", "strategy": "sequence", "start": 0, "step": 3},
          {"name": "label", "type": "string", "strategy": "constant", "value": "it's north"},
          {"name": "ratio", "type": "double", "strategy": "constant", "value": -0.125},
          {"name": "code", "type": "bigint", "strategy": "sequence", "start": 1, "step": 2,
           "unique": true}]},
        {"name": "customers", "rows": 500, "primary_key": "customer_id", "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1000, "step": 1},
          {"name": "region_id", "type": "int", "strategy": "foreign_key", "references": "regions.region_id"},
          {"name": "region_w", "type": "int", "strategy": "foreign_key", "references": "regions.region_id",
           "distribution": {"type": "weighted", "by": "weight"}, "null_rate": 0.1},
          {"name": "region_code", "type": "bigint", "strategy": "foreign_key", "references": "regions.code"},
          {"name": "region_label", "type": "string", "strategy": "lookup", "via": "region_w", "column": "label"},
          {"name": "helper", "type": "bigint", "strategy": "lookup", "via": "region_id", "column": "weight",
           "omit": true},
          {"name": "price", "type": "decimal(10,2)", "strategy": "constant", "value": 12.5},
          {"name": "since", "type": "date", "strategy": "constant", "value": "2024-02-29"},
          {"name": "at", "type": "timestamp", "strategy": "constant", "value": "2024-02-29 10:11:12"},
          {"name": "flag", "type": "boolean", "strategy": "constant", "value": true, "null_rate": 0.5}]},
        {"name": "orders", "rows": 3000, "columns": [
          {"name": "order_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "customer_id", "type": "bigint", "strategy": "foreign_key", "references": "customers.customer_id",
           "null_rate": 0.05},
          {"name": "cust_region_label", "type": "string", "strategy": "lookup", "via": "customer_id",
           "column": "region_label"},
          {"name": "cust_since", "type": "date", "strategy": "lookup", "via": "customer_id", "column": "since"},
          {"name": "cust_region_code", "type": "bigint", "strategy": "lookup", "via": "customer_id",
           "column": "region_code"}]}
       ]}
      """;

  static final String SERIES = """
      {"format": "synthgen.plan/v1", "name": "feed", "seed": 11, "reference_date": "2025-01-01", "tier": 1,
       "destination": {"kind": "local", "path": "out", "format": "parquet"},
       "series": {"start": "2024-06-01", "interval": "1 day", "batches": 5},
       "tables": [
        {"name": "stores", "rows": 7, "primary_key": "store_id", "columns": [
          {"name": "store_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "opened", "type": "date", "strategy": "date_range", "start": "2020-01-01", "end": "2020-12-31",
           "interval": "1 day"}]},
        {"name": "visits", "rows": 40, "primary_key": "visit_id", "batch": {"mode": "append"}, "columns": [
          {"name": "visit_id", "type": "bigint", "strategy": "sequence", "start": 100, "step": 1},
          {"name": "store_id", "type": "bigint", "strategy": "foreign_key", "references": "stores.store_id"},
          {"name": "store_opened", "type": "date", "strategy": "lookup", "via": "store_id", "column": "opened"},
          {"name": "day", "type": "date", "strategy": "date_range", "start": "2024-06-01", "end": "2024-06-01",
           "interval": "1 day"},
          {"name": "at", "type": "timestamp", "strategy": "date_range", "start": "2024-06-01 00:00:00",
           "end": "2024-06-01 23:59:59", "interval": "1 second", "null_rate": 0.2},
          {"name": "n_payments", "type": "bigint", "strategy": "child_aggregate", "table": "payments",
           "function": "count"},
          {"name": "last_paid", "type": "timestamp", "strategy": "child_aggregate", "table": "payments",
           "function": "max", "column": "paid"}]},
        {"name": "payments", "rows": 80, "primary_key": "payment_id",
         "per_parent": {"table": "visits", "count": {"distribution": {"type": "poisson", "lambda": 2}, "max": 5}},
         "columns": [
          {"name": "payment_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "visit_id", "type": "bigint", "strategy": "parent", "references": "visits.visit_id"},
          {"name": "visit_day", "type": "date", "strategy": "lookup", "via": "visit_id", "column": "day"},
          {"name": "paid", "type": "timestamp", "strategy": "date_range", "start": "2024-06-01 08:00:00",
           "end": "2024-06-01 20:00:00", "interval": "1 second"}]},
        {"name": "refunds", "rows": 15, "batch": {"mode": "append"}, "columns": [
          {"name": "refund_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "visit_id", "type": "bigint", "strategy": "foreign_key", "references": "visits.visit_id"},
          {"name": "visit_at", "type": "timestamp", "strategy": "lookup", "via": "visit_id", "column": "at"},
          {"name": "payment_id", "type": "bigint", "strategy": "foreign_key", "references": "payments.payment_id"},
          {"name": "payment_paid", "type": "timestamp", "strategy": "lookup", "via": "payment_id",
           "column": "paid"},
          {"name": "when", "type": "timestamp", "strategy": "expression",
           "expr": "timestamp_add_seconds(coalesce(visit_at, payment_paid), 3600 + batch())"}]},
        {"name": "audits", "rows": 12, "per_parent": {"table": "stores",
           "count": {"distribution": {"type": "uniform", "min": 0, "max": 4}, "rounding": "floor"}},
         "batch": {"mode": "append"}, "columns": [
          {"name": "store_id", "type": "bigint", "strategy": "parent", "references": "stores.store_id"},
          {"name": "k", "type": "int", "strategy": "child_index", "start": 0},
          {"name": "on_day", "type": "date", "strategy": "date_range", "start": "2024-06-01", "end": "2024-06-01",
           "interval": "1 day"}]}
       ]}
      """;

  static final String LARGE = """
      {"format": "synthgen.plan/v1", "name": "large", "seed": 3, "reference_date": "2025-01-01", "tier": 3,
       "destination": {"kind": "local", "path": "out", "format": "parquet"},
       "series": {"start": "2024-01-01", "interval": "1 hour", "batches": 2000},
       "tables": [
        {"name": "accounts", "rows": 3000000000, "primary_key": "account_id", "columns": [
          {"name": "account_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 7},
          {"name": "tier", "type": "int", "strategy": "constant", "value": 3, "null_rate": 0.25}]},
        {"name": "events", "rows": 1000000000, "primary_key": "event_id", "batch": {"mode": "append"}, "columns": [
          {"name": "event_id", "type": "bigint", "strategy": "sequence", "start": 0, "step": 1},
          {"name": "account_id", "type": "bigint", "strategy": "foreign_key", "references": "accounts.account_id",
           "null_rate": 0.01},
          {"name": "account_tier", "type": "int", "strategy": "lookup", "via": "account_id", "column": "tier"},
          {"name": "hot_account", "type": "bigint", "strategy": "foreign_key", "references": "accounts.account_id",
           "distribution": {"type": "zipf", "exponent": 1.2}},
          {"name": "hot_tier", "type": "int", "strategy": "lookup", "via": "hot_account", "column": "tier"}]}
       ]}
      """;

  static final String PER_PARENT = """
      {"format": "synthgen.plan/v1", "name": "nested", "seed": 5, "reference_date": "2025-01-01", "tier": 1,
       "destination": {"kind": "local", "path": "out", "format": "parquet"},
       "tables": [
        {"name": "customers", "rows": 300, "primary_key": "customer_id", "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "code", "type": "string", "strategy": "uuid", "unique": true},
          {"name": "weight", "type": "double", "strategy": "uniform", "min": 0, "max": 5},
          {"name": "n_orders", "type": "int", "strategy": "child_aggregate", "table": "orders", "function": "count"},
          {"name": "total", "type": "decimal(12,2)", "strategy": "child_aggregate", "table": "orders",
           "function": "sum", "column": "amount"},
          {"name": "avg_amount", "type": "decimal(12,2)", "strategy": "child_aggregate", "table": "orders",
           "function": "avg", "column": "amount"},
          {"name": "avg_amount_d", "type": "double", "strategy": "child_aggregate", "table": "orders",
           "function": "avg", "column": "amount"},
          {"name": "max_qty", "type": "int", "strategy": "child_aggregate", "table": "orders", "function": "max",
           "column": "qty"},
          {"name": "min_score", "type": "double", "strategy": "child_aggregate", "table": "orders",
           "function": "min", "column": "score"},
          {"name": "sum_score", "type": "double", "strategy": "child_aggregate", "table": "orders",
           "function": "sum", "column": "score"},
          {"name": "sum_qty", "type": "bigint", "strategy": "child_aggregate", "table": "orders", "function": "sum",
           "column": "qty"},
          {"name": "avg_qty", "type": "double", "strategy": "child_aggregate", "table": "orders", "function": "avg",
           "column": "qty"},
          {"name": "last_day", "type": "date", "strategy": "child_aggregate", "table": "orders", "function": "max",
           "column": "day"}]},
        {"name": "orders", "rows": 597, "primary_key": "order_id",
         "per_parent": {"table": "customers", "count": {"distribution": {"type": "poisson", "lambda": 2},
           "max": 6}},
         "columns": [
          {"name": "order_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "customer_id", "type": "bigint", "strategy": "parent", "references": "customers.customer_id"},
          {"name": "idx", "type": "int", "strategy": "child_index", "start": 1},
          {"name": "amount", "type": "decimal(10,2)", "strategy": "uniform", "min": 1, "max": 100,
           "null_rate": 0.1},
          {"name": "qty", "type": "int", "strategy": "uniform", "min": 1, "max": 5, "null_rate": 0.2},
          {"name": "score", "type": "double", "strategy": "distribution",
           "distribution": {"type": "normal", "mean": 0, "stddev": 1}},
          {"name": "day", "type": "date", "strategy": "date_range", "start": "2024-01-01", "end": "2024-12-31",
           "interval": "1 day"},
          {"name": "n_items", "type": "int", "strategy": "child_aggregate", "table": "items", "function": "count"},
          {"name": "items_price", "type": "double", "strategy": "child_aggregate", "table": "items",
           "function": "sum", "column": "price"}]},
        {"name": "items", "rows": 583, "primary_key": "item_id",
         "per_parent": {"table": "orders", "count": {"distribution": {"type": "uniform", "min": 0, "max": 3},
           "rounding": "floor"}},
         "columns": [
          {"name": "item_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "order_id", "type": "bigint", "strategy": "parent", "references": "orders.order_id"},
          {"name": "n", "type": "bigint", "strategy": "child_index", "start": 0},
          {"name": "price", "type": "double", "strategy": "distribution",
           "distribution": {"type": "lognormal", "mu": 2, "sigma": 0.5}, "null_rate": 0.1},
          {"name": "customer_id", "type": "bigint", "strategy": "lookup", "via": "order_id",
           "column": "customer_id"}]},
        {"name": "reviews", "rows": 2000, "columns": [
          {"name": "review_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "order_id", "type": "bigint", "strategy": "foreign_key", "references": "orders.order_id"},
          {"name": "order_idx", "type": "int", "strategy": "lookup", "via": "order_id", "column": "idx"},
          {"name": "order_customer", "type": "bigint", "strategy": "lookup", "via": "order_id",
           "column": "customer_id"},
          {"name": "item_id", "type": "bigint", "strategy": "foreign_key", "references": "items.item_id",
           "distribution": {"type": "zipf", "exponent": 1.1}, "null_rate": 0.05},
          {"name": "item_customer", "type": "bigint", "strategy": "lookup", "via": "item_id",
           "column": "customer_id"},
          {"name": "item_n", "type": "bigint", "strategy": "lookup", "via": "item_id", "column": "n"},
          {"name": "customer", "type": "string", "strategy": "foreign_key", "references": "customers.code",
           "distribution": {"type": "weighted", "by": "weight"}},
          {"name": "customer_total", "type": "decimal(12,2)", "strategy": "lookup", "via": "customer",
           "column": "total"}]}
       ]}
      """;

  @Test
  void perParentTablesAggregatesAndKeysIntoThemEqualTheLocalEngine() {
    ResolvedPlan plan = CoreSqlCheck.resolve(PER_PARENT);
    assertTrue(plan.table("customers").columns().size() > 0);
    for (String t : List.of("customers", "orders", "items", "reviews")) {
      assertEquals(List.of(), CoreSqlCheck.mismatches(plan, t, null, 0, -1));
    }
  }

  @Test
  void batchThreeOfASeriesMovesAdvanceColumnsAndKeysIntoAppendParents() {
    ResolvedPlan plan = CoreSqlCheck.resolve(SERIES);
    assertEquals(Set.of("day", "at"), plan.table("visits").advance());
    assertTrue(plan.table("payments").appends() && plan.table("audits").appends());
    for (String t : List.of("stores", "visits", "payments", "refunds", "audits")) {
      assertEquals(List.of(), CoreSqlCheck.mismatches(plan, t, 3L, 0, -1));
    }
    // the rows of batch 3 of an append table are its rows [3 * 40, 4 * 40); the static table's are batch 0's
    assertEquals(List.of(120L, 159L), CoreSqlCheck.rowRange(plan, "visits", 3L));
    assertEquals(List.of(0L, 6L), CoreSqlCheck.rowRange(plan, "stores", 3L));
  }

  @Test
  void theSqlDoesNotReadTheSessionTimeZone() {
    ResolvedPlan plan = CoreSqlCheck.resolve(SERIES);
    String zone = CoreSqlCheck.spark().conf().get("spark.sql.session.timeZone");
    CoreSqlCheck.spark().conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    try {
      for (String t : List.of("visits", "payments", "refunds")) {
        assertEquals(List.of(), CoreSqlCheck.mismatches(plan, t, 2L, 0, -1));
      }
    } finally {
      CoreSqlCheck.spark().conf().set("spark.sql.session.timeZone", zone);
    }
  }

  @Test
  void slicesNearTwoToThe31AndTwoToThe40EqualTheLocalEngine() {
    ResolvedPlan plan = CoreSqlCheck.resolve(LARGE);
    assertEquals(List.of(), CoreSqlCheck.mismatches(plan, "accounts", null, (1L << 31) - 10, 2000));
    // rows 2^40 - 10 on of batch 1099 of a billion rows per batch; its keys point anywhere into 3 billion accounts
    long batch = 1099;
    long first = (1L << 40) - 10 - batch * 1_000_000_000L;
    assertTrue(first > 0 && first < 1_000_000_000L - 2000);
    assertEquals(List.of(), CoreSqlCheck.mismatches(plan, "events", batch, first, 2000));
  }

  @Test
  void theCheckSeesAnotherSeed() {
    ResolvedPlan plan = CoreSqlCheck.resolve(KEYS);
    ResolvedPlan other = CoreSqlCheck.resolve(KEYS.replace("\"seed\": 7", "\"seed\": 8"));
    List<String> found = CoreSqlCheck.mismatches(other, plan, "customers", null, 0, -1);
    assertTrue(found.stream().anyMatch(m -> m.startsWith("customers.region_id ")), found.toString());
  }

  @Test
  void keysLookupsConstantsAndNullRatesEqualTheLocalEngine() {
    ResolvedPlan plan = CoreSqlCheck.resolve(KEYS);
    for (String t : List.of("regions", "customers", "orders")) {
      assertEquals(List.of(), CoreSqlCheck.mismatches(plan, t, null, 0, -1));
    }
  }
}
