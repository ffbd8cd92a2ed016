package io.synthgen.server.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  @Test
  void keysLookupsConstantsAndNullRatesEqualTheLocalEngine() {
    ResolvedPlan plan = CoreSqlCheck.resolve(KEYS);
    for (String t : List.of("regions", "customers", "orders")) {
      assertEquals(List.of(), CoreSqlCheck.mismatches(plan, t, null, 0, -1));
    }
  }
}
