package io.synthgen.series;

import io.synthgen.plan.Batching;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Series;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small plans with a series: devices (static), readings (append), orders (append) with items per order. */
public final class SeriesPlans {

  public static final String START = "2024-01-01";

  private SeriesPlans() {
  }

  public static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  /** The plan document (static tables) before the series and batch modes are set. */
  public static String document() {
    return Plans.document(11, String.join(",\n",
        Plans.table("devices", 40,
            col("device_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1000, \"step\": 1"),
            col("install_date", "date", "\"strategy\": \"date_range\", \"start\": \"2020-01-01\", "
                + "\"end\": \"2023-12-31\""),
            col("kind", "string", "\"strategy\": \"values\", \"values\": [\"a\", \"b\", \"c\"], "
                + "\"weights\": [5, 3, 2]")).replace("\"rows\"", "\"primary_key\": \"device_id\", \"rows\""),
        Plans.table("readings", 500,
            col("reading_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1, \"step\": 1"),
            col("device_id", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"devices.device_id\""),
            col("device_kind", "string", "\"strategy\": \"lookup\", \"via\": \"device_id\", \"column\": \"kind\""),
            col("installed", "date", "\"strategy\": \"lookup\", \"via\": \"device_id\", \"column\": \"install_date\""),
            col("reading_ts", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01T00:00:00\", "
                + "\"end\": \"2024-01-01T23:59:59\", \"interval\": \"1 second\""),
            col("reading_day", "date", "\"strategy\": \"expression\", \"expr\": \"to_date(reading_ts)\""),
            col("value", "double", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 100"),
            col("reading_date", "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", "
                + "\"end\": \"2024-01-01\""),
            col("wave", "bigint", "\"strategy\": \"expression\", \"expr\": \"batch()\"")),
        Plans.table("orders", 60,
            col("order_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1, \"step\": 1"),
            col("device_id", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"devices.device_id\""),
            col("order_ts", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01T00:00:00\", "
                + "\"end\": \"2024-01-01T23:00:00\", \"interval\": \"1 minute\""),
            col("items", "bigint", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"count\""),
            col("total", "bigint", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"sum\", "
                + "\"column\": \"qty\"")).replace("\"rows\"", "\"primary_key\": \"order_id\", \"rows\""),
        "{\"name\": \"items\", \"rows\": 180, \"per_parent\": {\"table\": \"orders\", \"count\": {\"distribution\": "
            + "{\"type\": \"poisson\", \"lambda\": 3}, \"min\": 1, \"max\": 8}}, \"columns\": ["
            + String.join(",", col("item_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1, \"step\": 1"),
                col("order_id", "bigint", "\"strategy\": \"parent\", \"references\": \"orders.order_id\""),
                col("line", "bigint", "\"strategy\": \"child_index\", \"start\": 1"),
                col("order_ts", "timestamp", "\"strategy\": \"lookup\", \"via\": \"order_id\", \"column\": "
                    + "\"order_ts\""),
                col("qty", "bigint", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 9")) + "]}",
        "{\"name\": \"device_logs\", \"rows\": 80, \"per_parent\": {\"table\": \"devices\", \"count\": "
            + "{\"distribution\": {\"type\": \"poisson\", \"lambda\": 2}, \"min\": 0, \"max\": 6}}, \"columns\": ["
            + String.join(",", col("log_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1, \"step\": 1"),
                col("device_id", "bigint", "\"strategy\": \"parent\", \"references\": \"devices.device_id\""),
                col("logged_at", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01T00:00:00\", "
                    + "\"end\": \"2024-01-01T12:00:00\", \"interval\": \"1 second\""),
                col("code", "bigint", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 1000000")) + "]}"));
  }

  /** readings, orders (so items) and device_logs append, daily batches from 2024-01-01, 5 of them. */
  public static Plan plan() {
    Plan p = Plans.read(document());
    Set<String> append = Set.of("readings", "orders", "device_logs");
    List<Table> ts = new ArrayList<>();
    for (Table t : p.tables()) {
      ts.add(append.contains(t.name()) ? t.withBatching(new Batching(Batching.Mode.APPEND, null)) : t);
    }
    return p.withTables(ts).withSeries(new Series(START, "1 day", 5));
  }

  public static ResolvedPlan resolved() {
    return Plans.resolve(plan());
  }
}
