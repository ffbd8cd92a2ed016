package io.synthgen.plan;

/** Plans with a series, change feeds, a history table and every defect kind, for codec and validator tests. */
public final class SeriesFixtures {

  private SeriesFixtures() {
  }

  /**
   * Devices with a change feed giving every field, its SCD2 history, and readings appended per batch (advance
   * columns given) carrying one of each defect kind.
   */
  public static final String FULL = """
      {"format": "synthgen.plan/v1", "name": "iot_stream", "reference_date": "2025-01-01", "seed": 11,
       "series": {"start": "2024-01-01", "interval": "1 day", "batches": 5},
       "tables": [
        {"name": "devices", "rows": 1000, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence"},
          {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0", "1.1", "2.0"]},
          {"name": "status", "type": "string", "strategy": "values", "values": ["active", "idle", "fault"]}],
         "change_feed": {"name": "devices_cdc", "rows_per_batch": 100,
                         "weights": {"append": 20, "update": 70, "delete": 10},
                         "changes": ["firmware", "status"], "format": "plain", "append_as": "INSERT",
                         "operation_column": "operation", "sequence_column": "operation_date"}},
        {"name": "devices_history", "description": "every version of every device", "history": {"of": "devices"}},
        {"name": "readings", "rows": 10000, "primary_key": "reading_id",
         "batch": {"mode": "append", "advance": ["reading_ts"]}, "columns": [
          {"name": "reading_id", "type": "bigint", "strategy": "sequence"},
          {"name": "device_id", "type": "bigint", "strategy": "foreign_key", "references": "devices.device_id"},
          {"name": "reading_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01",
           "end": "2024-01-01T23:59:59"},
          {"name": "value", "type": "double", "strategy": "uniform", "min": 0, "max": 100},
          {"name": "battery", "type": "int", "strategy": "uniform", "min": 0, "max": 100},
          {"name": "status", "type": "string", "strategy": "values", "values": ["ok", "warn"]}],
         "quality": {"ground_truth": "columns", "defects": [
          {"defect": "nulls", "columns": ["value"], "rate": 0.02},
          {"defect": "duplicates", "rate": 0.01},
          {"defect": "near_duplicates", "columns": ["value"], "rate": 0.01},
          {"defect": "jitter", "column": "reading_ts", "rate": 1.0, "max": "60 seconds"},
          {"defect": "very_late", "column": "reading_ts", "rate": 0.05, "max": "24 hours"},
          {"defect": "out_of_order", "rate": 0.10},
          {"defect": "case_noise", "columns": ["status"], "rate": 0.10},
          {"defect": "whitespace", "columns": ["status"], "rate": 0.05},
          {"defect": "date_formats", "column": "reading_ts", "rate": 0.15, "formats": ["MM/dd/yyyy", "MMM dd, yyyy"]},
          {"defect": "out_of_range", "column": "value", "rate": 0.005, "factor": 10},
          {"defect": "out_of_range", "column": "battery", "rate": 0.001, "value": -1},
          {"defect": "orphans", "column": "device_id", "rate": 0.01}]}}]}
      """;

  /** The same plan leaving every defaulted field out. */
  public static final String DEFAULTS = """
      {"format": "synthgen.plan/v1", "name": "iot_stream", "reference_date": "2025-01-01",
       "series": {"start": "2024-01-01", "interval": "1 day"},
       "tables": [
        {"name": "devices", "rows": 1000, "primary_key": "device_id", "columns": [
          {"name": "device_id", "type": "bigint", "strategy": "sequence"},
          {"name": "firmware", "type": "string", "strategy": "values", "values": ["1.0", "1.1", "2.0"]}],
         "change_feed": {"rows_per_batch": 100}},
        {"name": "devices_history", "history": {"of": "devices"}},
        {"name": "readings", "rows": 10000, "primary_key": "reading_id", "batch": {"mode": "append"}, "columns": [
          {"name": "reading_id", "type": "bigint", "strategy": "sequence"},
          {"name": "device_id", "type": "bigint", "strategy": "foreign_key", "references": "devices.device_id"},
          {"name": "reading_ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01",
           "end": "2024-01-01T23:59:59"},
          {"name": "value", "type": "double", "strategy": "uniform", "min": 0, "max": 100}],
         "quality": {"defects": [
          {"defect": "jitter", "column": "reading_ts", "rate": 1.0},
          {"defect": "very_late", "column": "reading_ts", "rate": 0.05},
          {"defect": "date_formats", "column": "reading_ts", "rate": 0.15}]}}]}
      """;
}
