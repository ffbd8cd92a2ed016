package io.synthgen.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the series test plans: a device table (sequence key, pattern serial, a value, an event time, a
 * hidden helper) and readings of it with a column of every kind a defect takes.
 */
public final class SeriesColumns {

  private SeriesColumns() {
  }

  public static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  /** device_id, serial, status, firmware, installed (a 30-minute range), hidden (omitted). */
  public static String devices() {
    return String.join(",",
        col("device_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1"),
        col("serial", "string", "\"strategy\": \"pattern\", \"pattern\": \"SN-##############\", \"unique\": true"),
        col("status", "string", "\"strategy\": \"values\", \"values\": [\"ok\", \"Warn\"]"),
        col("firmware", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 9"),
        col("installed", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01 00:00:00\", "
            + "\"end\": \"2024-01-01 00:30:00\""),
        col("hidden", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 9, \"omit\": true"));
  }

  /**
   * reading_id, device_id (a foreign key to devices), the {@code extra} columns, status, value (nullable double),
   * count (int), reading_ts (a one-hour range), reading_day (a date) and helper (omitted).
   */
  public static String readings(String... extra) {
    List<String> cols = new ArrayList<>(List.of(
        col("reading_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1"),
        col("device_id", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"devices.device_id\"")));
    cols.addAll(List.of(extra));
    cols.addAll(List.of(
        col("status", "string", "\"strategy\": \"values\", \"values\": [\"ok\", \"Warn\", \"FAIL\"]"),
        col("value", "double", "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"normal\", "
            + "\"mean\": 20, \"stddev\": 3}, \"null_rate\": 0.1"),
        col("count", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 50"),
        col("reading_ts", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01 00:00:00\", "
            + "\"end\": \"2024-01-01 00:59:59\", \"interval\": \"1 second\""),
        col("reading_day", "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", "
            + "\"end\": \"2024-12-31\""),
        col("helper", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 9, \"omit\": true")));
    return String.join(",", cols);
  }
}
