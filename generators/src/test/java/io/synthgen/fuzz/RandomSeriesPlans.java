package io.synthgen.fuzz;

import io.synthgen.testing.SeriesColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random plans with a series: a device table that may carry a change feed (any format, any weights, defects) and a
 * history of it, and a readings table that may append per batch, with defects of every kind on any column, with
 * parameters right and wrong. Most are refused; the accepted ones must generate every batch.
 */
final class RandomSeriesPlans {

  private static final String[] DEVICE_COLUMNS = {"device_id", "serial", "status", "firmware", "installed", "hidden"};
  private static final String[] READING_COLUMNS = {"reading_id", "device_id", "serial", "status", "value", "count",
      "reading_ts", "reading_day", "helper"};
  private static final String[] KINDS = {"nulls", "duplicates", "near_duplicates", "jitter", "very_late",
      "out_of_order", "case_noise", "whitespace", "date_formats", "out_of_range", "orphans"};
  private static final String[] INTERVALS = {"1 hour", "1 day", "7 days", "30 minutes"};
  private static final String[] FORMATS = {"plain", "delta_cdf", "debezium"};

  private RandomSeriesPlans() {
  }

  static String plan(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int batches = 1 + r.nextInt(5);
    long devices = 1 + r.nextInt(300);
    long readings = r.nextInt(400);
    boolean feed = r.nextInt(3) > 0;
    StringBuilder deviceExtra = new StringBuilder();
    if (feed) {
      deviceExtra.append(", \"change_feed\": {\"rows_per_batch\": ").append(r.nextInt(60))
          .append(", \"format\": \"").append(FORMATS[r.nextInt(FORMATS.length)]).append('"');
      if (r.nextBoolean()) {
        deviceExtra.append(", \"weights\": {\"append\": ").append(r.nextInt(60)).append(", \"update\": ")
            .append(r.nextInt(60)).append(", \"delete\": ").append(r.nextInt(20)).append('}');
      }
      if (r.nextInt(4) == 0) {
        deviceExtra.append(", \"append_as\": \"INSERT\"");
      }
      deviceExtra.append('}');
    }
    if (r.nextInt(3) == 0) {
      deviceExtra.append(quality(r, DEVICE_COLUMNS));
    }
    String readingExtra = (r.nextBoolean() ? ", \"batch\": {\"mode\": \"append\"}" : "")
        + (r.nextInt(4) > 0 ? quality(r, READING_COLUMNS) : "");
    String history = feed && r.nextBoolean() ? ", {\"name\": \"devices_history\", \"history\": {\"of\": \"devices\"}}"
        : "";
    return """
        {"format": "synthgen.plan/v1", "name": "series_fuzz", "seed": %d, "reference_date": "2025-01-01",
         "series": {"start": "2024-01-01", "interval": "%s", "batches": %d},
         "tables": [
          {"name": "devices", "rows": %d, "primary_key": "device_id", "columns": [%s]%s},
          {"name": "readings", "rows": %d, "primary_key": "reading_id", "columns": [%s]%s}%s]}
        """.formatted(r.nextInt(1000), INTERVALS[r.nextInt(INTERVALS.length)], batches, devices,
        SeriesColumns.devices(),
        deviceExtra, readings,
        SeriesColumns.readings(SeriesColumns.col("serial", "string", "\"strategy\": \"foreign_key\", "
            + "\"references\": \"devices.serial\"")),
        readingExtra, history);
  }

  private static String quality(SplittableRandom r, String[] columns) {
    List<String> ds = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      ds.add(defect(r, KINDS[r.nextInt(KINDS.length)], columns));
    }
    String truth = r.nextInt(4) == 0 ? "\"ground_truth\": \"columns\", " : "";
    return ", \"quality\": {" + truth + "\"defects\": [" + String.join(",", ds) + "]}";
  }

  private static String defect(SplittableRandom r, String kind, String[] columns) {
    String rate = r.nextInt(10) == 0 ? "1.5" : String.valueOf(r.nextInt(50) / 100.0);
    String c = columns[r.nextInt(columns.length)];
    StringBuilder d = new StringBuilder("{\"defect\": \"" + kind + "\", \"rate\": " + rate);
    switch (kind) {
      case "duplicates", "out_of_order" -> {
      }
      case "nulls", "near_duplicates", "case_noise", "whitespace" -> {
        d.append(", \"columns\": [\"").append(c).append('"');
        if (r.nextBoolean()) {
          d.append(", \"").append(columns[r.nextInt(columns.length)]).append('"');
        }
        d.append(']');
      }
      case "jitter" -> d.append(", \"column\": \"").append(c).append("\", \"max\": \"")
          .append(r.nextBoolean() ? "60 seconds" : "2 hours").append('"');
      case "very_late" -> d.append(", \"column\": \"").append(c).append("\", \"max\": \"")
          .append(r.nextBoolean() ? "24 hours" : "30 minutes").append('"');
      case "date_formats" -> d.append(", \"column\": \"").append(c).append('"').append(r.nextBoolean() ? ""
          : r.nextBoolean() ? ", \"formats\": [\"HH:mm\"]" : ", \"formats\": [\"MM/dd/yyyy\", \"yyyy.MM.dd\"]");
      case "out_of_range" -> d.append(", \"column\": \"").append(c).append('"').append(switch (r.nextInt(4)) {
        case 0 -> ", \"value\": -1";
        case 1 -> ", \"factor\": 10";
        case 2 -> ", \"value\": 5, \"factor\": 2";
        default -> "";
      });
      case "orphans" -> d.append(", \"column\": \"").append(c).append('"');
      default -> throw new IllegalStateException(kind);
    }
    return d.append('}').toString();
  }
}
