package io.synthgen.plan;

/** Plan documents shared by the codec, validator and schema tests. */
public final class PlanFixtures {

  private PlanFixtures() {
  }

  /** A retail plan using every strategy, every distribution, a time profile, per_parent tables and aggregates. */
  public static final String RICH = """
      {
        "format": "synthgen.plan/v1",
        "name": "retail",
        "industry": "retail",
        "description": "Customers, products, transactions and their line items.",
        "seed": 7,
        "reference_date": "2025-01-01",
        "main_table": "customers",
        "tier": 1,
        "destination": {"kind": "local", "path": "output/retail", "format": "parquet", "compression": "zstd"},
        "tables": [
          {"name": "customers", "rows": 10000, "primary_key": "customer_id", "description": "People who buy.",
           "columns": [
             {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1000000, "unique": true},
             {"name": "first_name", "type": "string", "strategy": "dictionary", "dictionary": "first_names"},
             {"name": "last_name", "type": "string", "strategy": "dictionary", "dictionary": "last_names"},
             {"name": "email", "type": "string", "strategy": "expression",
              "expr": "lower(first_name) || '.' || lower(last_name) || '@example.com'", "null_rate": 0.02},
             {"name": "customer_uuid", "type": "string", "strategy": "uuid"},
             {"name": "zip_code", "type": "string", "strategy": "pattern", "pattern": "#####"},
             {"name": "state", "type": "string", "strategy": "values", "values": ["NY", "CA", "IL", "TX"]},
             {"name": "loyalty_tier", "type": "string", "strategy": "values",
              "values": ["Bronze", "Silver", "Gold", "Platinum"], "weights": [50, 30, 15, 5], "note": "weighted"},
             {"name": "tier_weight", "type": "double", "strategy": "values", "values": [1.5, 2.25, 4],
              "omit": true},
             {"name": "signup_date", "type": "date", "strategy": "date_range", "start": "2020-01-01",
              "end": "2024-12-31",
              "profile": {"weekday_factors": [1, 1, 1, 1, 1, 1.3, 1.3],
                          "month_factors": [0.8, 0.8, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.3, 1.6]}},
             {"name": "lifetime_value", "type": "decimal(12,2)", "strategy": "distribution",
              "distribution": {"type": "gamma", "shape": 2, "scale": 2}, "scale": 2500, "min": 0},
             {"name": "is_active", "type": "boolean", "strategy": "boolean", "probability": 0.85},
             {"name": "age", "type": "int", "strategy": "distribution",
              "distribution": {"type": "normal", "mean": 40, "stddev": 12.5}, "min": 18, "max": 90,
              "rounding": "round"},
             {"name": "income", "type": "double", "strategy": "distribution",
              "distribution": {"type": "lognormal", "mu": 10.5, "sigma": 0.6}},
             {"name": "visits", "type": "bigint", "strategy": "distribution",
              "distribution": {"type": "poisson", "lambda": 3.5}},
             {"name": "churn", "type": "double", "strategy": "distribution",
              "distribution": {"type": "beta", "alpha": 2, "beta": 5}, "scale": 0.3},
             {"name": "wait_minutes", "type": "double", "strategy": "distribution",
              "distribution": {"type": "exponential", "rate": 0.2}, "offset": 1, "rounding": "floor"},
             {"name": "spend_rank", "type": "bigint", "strategy": "distribution",
              "distribution": {"type": "zipf", "n": 100, "exponent": 1.1}},
             {"name": "basket", "type": "double", "strategy": "distribution",
              "distribution": {"type": "pareto", "alpha": 3, "xm": 10}, "max": 1000, "rounding": "ceil"},
             {"name": "score", "type": "double", "strategy": "distribution",
              "distribution": {"type": "uniform", "min": 0, "max": 1}},
             {"name": "country", "type": "string", "strategy": "constant", "value": "US"},
             {"name": "credit", "type": "decimal(10,2)", "strategy": "uniform", "min": 0, "max": 5000.5,
              "step": 0.5}
           ]},
          {"name": "products", "rows": 5000, "primary_key": "product_id",
           "columns": [
             {"name": "product_id", "type": "bigint", "strategy": "sequence", "start": 10000, "step": 2},
             {"name": "unit_price", "type": "decimal(10,2)", "strategy": "uniform", "min": 5, "max": 500},
             {"name": "store_id", "type": "int", "strategy": "uniform", "min": 100, "max": 150}
           ]},
          {"name": "transactions", "rows": 100000, "primary_key": "txn_id",
           "columns": [
             {"name": "txn_id", "type": "bigint", "strategy": "sequence"},
             {"name": "customer_id", "type": "bigint", "strategy": "foreign_key",
              "references": "customers.customer_id", "distribution": {"type": "zipf", "exponent": 1.1}},
             {"name": "weighted_customer", "type": "bigint", "strategy": "foreign_key",
              "references": "customers.customer_id", "distribution": {"type": "weighted", "by": "tier_weight"},
              "null_rate": 0.1, "omit": true},
             {"name": "any_product", "type": "bigint", "strategy": "foreign_key", "references": "products.product_id"},
             {"name": "customer_tier", "type": "string", "strategy": "lookup", "via": "customer_id",
              "column": "loyalty_tier"},
             {"name": "txn_timestamp", "type": "timestamp", "strategy": "date_range", "start": "ref-365d",
              "end": "ref", "interval": "1 minute",
              "profile": {"hour_weights": [1, 1, 1, 1, 1, 2, 3, 5, 8, 9, 9, 10, 10, 9, 9, 9, 10, 11, 12, 10, 8, 5, 3, 2],
                          "holidays": [{"date": "2024-12-25", "factor": 0.3, "name": "Christmas"},
                                       {"date": "2024-07-04", "factor": 0.6}],
                          "incidents": [{"start": "ref-31d", "end": "ref-21d", "multiplier": 3.0, "name": "outage"},
                                        {"start": "2024-03-01T08:00:00", "end": "2024-03-01 12:30", "multiplier": 0}]}},
             {"name": "items_count", "type": "bigint", "strategy": "child_aggregate", "table": "line_items",
              "function": "count"},
             {"name": "total", "type": "decimal(12,2)", "strategy": "child_aggregate", "table": "line_items",
              "function": "sum", "column": "line_total"},
             {"name": "avg_qty", "type": "double", "strategy": "child_aggregate", "table": "line_items",
              "function": "avg", "column": "quantity"},
             {"name": "first_line", "type": "bigint", "strategy": "child_aggregate", "table": "line_items",
              "function": "min", "column": "line_no"}
           ]},
          {"name": "line_items", "rows": 300000, "primary_key": "line_item_id",
           "per_parent": {"table": "transactions",
                          "count": {"distribution": {"type": "poisson", "lambda": 2}, "offset": 1, "min": 1,
                                    "max": 5}},
           "columns": [
             {"name": "line_item_id", "type": "bigint", "strategy": "sequence"},
             {"name": "txn_id", "type": "bigint", "strategy": "parent", "references": "transactions.txn_id"},
             {"name": "line_no", "type": "bigint", "strategy": "child_index"},
             {"name": "txn_time", "type": "timestamp", "strategy": "lookup", "via": "txn_id",
              "column": "txn_timestamp"},
             {"name": "product_id", "type": "bigint", "strategy": "foreign_key", "references": "products.product_id"},
             {"name": "quantity", "type": "int", "strategy": "uniform", "min": 1, "max": 10},
             {"name": "unit_price", "type": "decimal(10,2)", "strategy": "lookup", "via": "product_id",
              "column": "unit_price"},
             {"name": "line_total", "type": "decimal(12,2)", "strategy": "expression", "expr": "quantity * unit_price"}
           ]}
        ]
      }
      """;

  /** A small plan writing to Unity Catalog, relying on every default it can. */
  public static final String MINIMAL_UC = """
      {
        "format": "synthgen.plan/v1",
        "name": "events",
        "reference_date": "2025-06-30",
        "destination": {"kind": "unity_catalog", "catalog": "main", "schema": "synthetic", "volume": "staging"},
        "tables": [
          {"name": "events", "rows": 1000, "columns": [
            {"name": "event_id", "type": "bigint", "strategy": "sequence"},
            {"name": "at", "type": "timestamp", "strategy": "date_range", "start": "ref-7d", "end": "ref"},
            {"name": "day", "type": "date", "strategy": "date_range", "start": "2025-01-01", "end": "2025-06-30"},
            {"name": "flag", "type": "boolean", "strategy": "values", "values": [true, false]},
            {"name": "amount", "type": "double", "strategy": "constant", "value": 2.5}
          ]}
        ]
      }
      """;
}
