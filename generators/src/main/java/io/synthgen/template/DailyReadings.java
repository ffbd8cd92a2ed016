package io.synthgen.template;

import io.synthgen.plan.Batching;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Table;
import io.synthgen.plan.TimeProfile;
import java.util.List;

/**
 * The cdc recipe's readings (IoT sensor_readings, manufacturing sensor_data) as daily append batches. In the
 * templates a device's or machine's readings lie on its own grid, computed from how many readings it has (a
 * child_aggregate); a table with a change feed aggregates no children (the keys its feed appends have none), so the
 * readings are made independent, with a foreign key to their device or machine installed before the series starts:
 * {@value #PER_DAY_IOT} (IoT) or {@value #PER_DAY_MANUFACTURING} (manufacturing) rows a day per parent row, at
 * instants of the batch's day ({@link #DAY}, which advances one day per batch).
 */
final class DailyReadings {

  /** The hidden column holding the batch's day: the series' first day in batch 0, advanced a day per batch. */
  static final String DAY = "batch_day";

  /** The hidden parent column that weights the readings' foreign key: 1 when installed before the series. */
  static final String WEIGHT = "report_weight";

  /** Readings a day per IoT device: two five-metric reports on average (10,000 a batch at 1,000 devices). */
  static final long PER_DAY_IOT = 10;

  /** Readings a day per machine: one every 72 minutes on average (10,000 a batch at 500 machines). */
  static final long PER_DAY_MANUFACTURING = 20;

  private DailyReadings() {
  }

  static void iot(PlanEdit e) {
    weight(e, "devices", "install_date");
    for (String helper : List.of("reading_count", "grid_seconds", "grid_phase")) {
      e.remove("devices", helper); // the per-device grid over the 180 days, which needed readings per device
    }
    String t = "sensor_readings";
    independent(e, t, "device_id", "devices.device_id", new FkDistribution.Weighted(WEIGHT), PER_DAY_IOT);
    e.remove(t, "idx");
    day(e, t, "device_id");
    e.expression(t, "timestamp", DataType.TIMESTAMP, false, "timestamp_add_seconds(" + DAY + ", rand_int(0, 86399))",
        null, "an instant of the batch's day (batch 0: the series' first day, then a day further per batch)");
    e.expression(t, "metric_name", DataType.STRING, false, "CASE pmod(reading_id - 1, 5) WHEN 0 THEN 'temperature' "
        + "WHEN 1 THEN 'humidity' WHEN 2 THEN 'pressure' WHEN 3 THEN 'power' ELSE 'vibration' END", null,
        "the five metrics in turn, 20 % each");
    e.expression(t, "step", DataType.BIGINT, true, "CAST(timestamp AS BIGINT) DIV 3600", null,
        "the reading's hour, for the slow vibration cycle");
    e.expression(t, "fault_draw", DataType.DOUBLE, true, "rand()", null, "one uniform per reading");
    e.expression(t, "fault_factor", DataType.DOUBLE, true,
        "CASE WHEN is_anomaly THEN rand_uniform(1.5, 2.5) ELSE 1.0 END", null, "1.5-2.5 during a fault");
  }

  static void manufacturing(PlanEdit e) {
    weight(e, "equipment", "install_date");
    // a table with a change feed aggregates no children (the machines its feed appends have none): the grid over
    // the readings and the latest completed work order go; work orders stay one list per machine
    for (String helper : List.of("reading_count", "grid_seconds", "grid_phase", "last_done")) {
      e.remove("equipment", helper);
    }
    e.expression("equipment", "maintained_from", DataType.DATE, true,
        "greatest(install_date, date_sub(reference_date(), 180))", null, "install or the window start");
    Column last = e.column("equipment", "last_maintenance_date");
    if (last != null && !PlanEdit.switched(last)) {
      e.expression("equipment", "last_maintenance_date", last.type(), last.omit(), Sql.initialThen(
          "date_add(maintained_from, CAST(floor(rand() * greatest(1, datediff(date_sub(reference_date(), "
              + ChangeFeedRecipes.BATCHES + "), maintained_from) + 1)) AS INT))",
          "date_add(date_sub(reference_date(), " + ChangeFeedRecipes.BATCHES + "), batch())"), null,
          "a day between install (or the window start) and the series' first day at the initial load; an update "
              + "is maintenance on the batch's day");
    }
    String t = "sensor_data";
    independent(e, t, "equipment_id", "equipment.equipment_id", new FkDistribution.Weighted(WEIGHT),
        PER_DAY_MANUFACTURING);
    day(e, t, "equipment_id");
    e.expression(t, "timestamp", DataType.TIMESTAMP, false, "timestamp_add_seconds(" + DAY
        + ", 10 * rand_int(0, 8639))", null, "a multiple of 10 seconds in the batch's day (batch 0: the series' "
        + "first day, then a day further per batch)");
    e.expression(t, "k", DataType.BIGINT, true, "CAST(timestamp AS BIGINT) DIV 600", null,
        "the reading's 10-minute slot, for the sensors' sine cycles");

  }

  /** The hidden weight of the parents that report: installed before the series' first day. */
  private static void weight(PlanEdit e, String parent, String installDate) {
    e.column(parent, installDate);
    e.expression(parent, WEIGHT, DataType.DOUBLE, true, "CASE WHEN " + installDate + " <= date_sub(reference_date(), "
        + ChangeFeedRecipes.BATCHES + ") THEN 1.0 ELSE 1e-9 END", null, "readings come from machines installed "
        + "before the series starts (the tiny weight only keeps a plan where none is valid)");
  }

  /**
   * The per_parent readings as an independent table of daily append batches: its parent column a foreign key,
   * {@code perDay} rows per parent row in each batch.
   */
  private static void independent(PlanEdit e, String table, String key, String references, FkDistribution d,
      long perDay) {
    Column k = e.column(table, key);
    Table t = e.table(table);
    if (k == null || t == null || t.perParent() == null) {
      return;
    }
    long parents = e.table(t.perParent().table()) == null ? 0 : e.table(t.perParent().table()).rows();
    e.put(table, new Column(k.name(), k.type(), new ColumnGen.ForeignKey(references, d), k.nullRate(), k.omit(),
        false, k.note()), null);
    e.update(table, x -> new Table(x.name(), perDay * parents, x.primaryKey(), x.description(), null, x.columns(),
        new Batching(Batching.Mode.APPEND, List.of(DAY)), x.changeFeed(), x.history(), x.quality()));
  }

  private static void day(PlanEdit e, String table, String after) {
    e.put(table, new Column(DAY, DataType.TIMESTAMP, new ColumnGen.DateRange(ChangeFeedRecipes.START,
        ChangeFeedRecipes.START, "1 day", TimeProfile.flat()), 0, true, false,
        "the batch's day: the series' first day in batch 0, a day further in each batch"), after);
  }
}
