package io.synthgen.server.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.resolve.ResolvedPlan;
import java.util.List;
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
          {"name": "opened", "type": "date", "strategy": "constant", "value": "2020-01-01"}]},
        {"name": "visits", "rows": 40, "primary_key": "visit_id", "batch": {"mode": "append"},
         "columns": [
          {"name": "visit_id", "type": "bigint", "strategy": "sequence", "start": 100, "step": 1},
          {"name": "store_id", "type": "bigint", "strategy": "foreign_key", "references": "stores.store_id"},
          {"name": "store_opened", "type": "date", "strategy": "lookup", "via": "store_id", "column": "opened"},
          {"name": "day", "type": "date", "strategy": "constant", "value": "2024-06-01"},
          {"name": "at", "type": "timestamp", "strategy": "constant", "value": "2024-06-01 08:30:00",
           "null_rate": 0.2}]},
        {"name": "payments", "rows": 90, "batch": {"mode": "append"}, "columns": [
          {"name": "payment_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "visit_id", "type": "bigint", "strategy": "foreign_key", "references": "visits.visit_id"},
          {"name": "visit_day", "type": "date", "strategy": "lookup", "via": "visit_id", "column": "day"},
          {"name": "visit_at", "type": "timestamp", "strategy": "lookup", "via": "visit_id", "column": "at"},
          {"name": "paid", "type": "timestamp", "strategy": "constant", "value": "2024-06-01 09:00:00"}]}
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
          {"name": "account_tier", "type": "int", "strategy": "lookup", "via": "account_id", "column": "tier"}]}
       ]}
      """;

  @Test
  void batchThreeOfASeriesMovesAdvanceColumnsAndKeysIntoAppendParents() {
    ResolvedPlan plan = CoreSqlCheck.resolve(SERIES);
    for (String t : List.of("stores", "visits", "payments")) {
      assertEquals(List.of(), CoreSqlCheck.mismatches(plan, t, 3L, 0, -1));
    }
    // the rows of batch 3 of an append table are its rows [3 * 90, 4 * 90); the static table's are batch 0's
    assertEquals(List.of(270L, 359L), CoreSqlCheck.rowRange(plan, "payments", 3L));
    assertEquals(List.of(0L, 6L), CoreSqlCheck.rowRange(plan, "stores", 3L));
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
