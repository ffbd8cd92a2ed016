package io.synthgen.server.export;

/** Plans the export tests run on Spark. */
public final class ExportPlans {

  /** Structural strategies, with notes and a description holding quotes, backslashes and comment closers. */
  public static final String STRUCTURAL = """
      {"format": "synthgen.plan/v1", "name": "exported", "seed": 11, "reference_date": "2025-01-01", "tier": 1,
       "destination": {"kind": "local", "path": "out", "format": "parquet"},
       "tables": [
        {"name": "regions", "rows": 12, "primary_key": "region_id",
         "description": "Regions */ with \\"quotes\\", 'apostrophes' and \\\\ backslashes \\"\\"\\"",
         "columns": [
          {"name": "region_id", "type": "int", "strategy": "sequence", "start": 10, "step": 5,
           "note": "key */ -- not a comment 'x' \\"\\"\\" \\\\"},
          {"name": "weight", "type": "bigint", "strategy": "sequence", "start": 1, "step": 3},
          {"name": "label", "type": "string", "strategy": "constant",
           "value": "it's \\"north\\" */ # COMMAND ----------"}]},
        {"name": "customers", "rows": 300, "primary_key": "customer_id", "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1000, "step": 1},
          {"name": "region_id", "type": "int", "strategy": "foreign_key", "references": "regions.region_id",
           "null_rate": 0.1},
          {"name": "region_w", "type": "int", "strategy": "foreign_key", "references": "regions.region_id",
           "distribution": {"type": "weighted", "by": "weight"}},
          {"name": "region_label", "type": "string", "strategy": "lookup", "via": "region_w", "column": "label"},
          {"name": "price", "type": "decimal(10,2)", "strategy": "constant", "value": 12.5},
          {"name": "since", "type": "date", "strategy": "constant", "value": "2024-02-29"},
          {"name": "at", "type": "timestamp", "strategy": "constant", "value": "2024-02-29 10:11:12"},
          {"name": "flag", "type": "boolean", "strategy": "constant", "value": true, "null_rate": 0.5}]},
        {"name": "orders", "rows": 1500, "columns": [
          {"name": "order_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "customer_id", "type": "bigint", "strategy": "foreign_key", "references": "customers.customer_id",
           "null_rate": 0.02},
          {"name": "cust_since", "type": "date", "strategy": "lookup", "via": "customer_id", "column": "since"},
          {"name": "amount", "type": "double", "strategy": "constant", "value": -0.125}]}
       ]}
      """;

  private ExportPlans() {
  }
}
