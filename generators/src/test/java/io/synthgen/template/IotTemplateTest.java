package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.run.RunResult;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import io.synthgen.testing.Stats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The iot template at 500 devices, generated to Parquet and checked in DuckDB. */
class IotTemplateTest {

  static final String[] TABLES = {"devices", "sensor_readings", "events", "telemetry"};
  static final String WINDOW_START = "TIMESTAMP '2024-07-05 00:00:00'";
  static final String REF = "TIMESTAMP '2025-01-01 00:00:00'";

  @TempDir
  static Path dir;
  static Duck duck;
  static RunResult run;

  @BeforeAll
  static void generate() throws Exception {
    run = Plans.runTemplate("iot", 500, dir);
    duck = new Duck();
    duck.parquetViews(dir, TABLES);
  }

  @AfterAll
  static void close() throws Exception {
    duck.close();
  }

  @Test
  void theRunValidates() {
    assertTrue(run.validation().passed(), "failures: " + run.validation().failures());
    assertEquals(500, run.tables().get(0).rows());
  }

  @Test
  void columnsAndTypesFollowTheReferenceOutputOrder() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("devices", "device_id BIGINT, device_serial VARCHAR, device_type VARCHAR, manufacturer VARCHAR, "
        + "install_date DATE, latitude DOUBLE, longitude DOUBLE, status VARCHAR");
    expected.put("sensor_readings", "reading_id BIGINT, device_id BIGINT, timestamp TIMESTAMP, metric_name VARCHAR, "
        + "metric_value DOUBLE, unit VARCHAR, quality_score INTEGER, is_anomaly BOOLEAN");
    expected.put("events", "event_id BIGINT, device_id BIGINT, timestamp TIMESTAMP, event_type VARCHAR, "
        + "severity VARCHAR, description VARCHAR, acknowledged BOOLEAN, resolved BOOLEAN");
    expected.put("telemetry", "telemetry_id BIGINT, device_id BIGINT, timestamp TIMESTAMP, latitude DOUBLE, "
        + "longitude DOUBLE, speed DOUBLE, heading INTEGER, fuel_level DOUBLE, engine_temp DOUBLE");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), duck.columns(e.getKey()), e.getKey());
    }
  }

  @Test
  void everyChildHasItsDeviceAndFallsAfterItsInstallDateInTheWindow() throws Exception {
    assertEquals(List.of(List.of("1000", "1499")), duck.rows("SELECT min(device_id), max(device_id) FROM devices"));
    for (String t : new String[] {"sensor_readings", "events", "telemetry"}) {
      assertEquals(0, duck.count("SELECT count(*) FROM " + t + " c ANTI JOIN devices d USING (device_id)"), t);
      assertEquals(0, duck.count("SELECT count(*) FROM " + t + " c JOIN devices d USING (device_id) "
          + "WHERE c.timestamp < d.install_date OR c.timestamp < " + WINDOW_START + " OR c.timestamp >= " + REF
          + " OR c.timestamp IS NULL"), t + " timestamps after install, inside the window");
    }
  }

  @Test
  void devicesHaveTheirWeightsNullsAndFacilities() throws Exception {
    long n = 500;
    String[] status = {"Online", "Offline", "Maintenance", "Decommissioned"};
    double[] weights = {85, 8, 5, 2};
    for (int i = 0; i < status.length; i++) {
      assertRate(weights[i] / 100, duck.count("SELECT count(*) FROM devices WHERE status = '" + status[i] + "'"), n,
          status[i]);
    }
    assertRate(0.01, duck.count("SELECT count(*) FROM devices WHERE latitude IS NULL"), n, "latitude NULLs");
    assertEquals(0, duck.count("SELECT count(*) FROM devices WHERE latitude IS NOT NULL AND NOT ("
        + "(abs(latitude - 37.7749) <= 0.05 AND abs(longitude + 122.4194) <= 0.05) OR "
        + "(abs(latitude - 34.0522) <= 0.05 AND abs(longitude + 118.2437) <= 0.05) OR "
        + "(abs(latitude - 40.7128) <= 0.05 AND abs(longitude + 74.0060) <= 0.05))"), "clustered at 3 facilities");
    assertEquals(0, duck.count("SELECT count(*) FROM devices WHERE NOT regexp_full_match(device_serial, "
        + "'DEV-[0-9]{8}') OR install_date NOT BETWEEN DATE '2020-01-01' AND DATE '2024-12-31'"));
    assertEquals(8, duck.count("SELECT count(DISTINCT device_type) FROM devices"));
  }

  @Test
  void readingsLieOnAPerDeviceGridWithAllFiveMetricsPerInstant() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM (SELECT device_id, timestamp FROM sensor_readings "
        + "GROUP BY ALL HAVING count(*) <> 5 OR count(DISTINCT metric_name) <> 5 "
        + "OR count(DISTINCT is_anomaly) <> 1)"), "five metrics per instant, anomalous together");
    assertEquals(0, duck.count("SELECT count(*) FROM (SELECT device_id, count(DISTINCT gap) AS gaps FROM ("
        + "SELECT device_id, timestamp - lag(timestamp) OVER (PARTITION BY device_id ORDER BY timestamp) AS gap "
        + "FROM (SELECT DISTINCT device_id, timestamp FROM sensor_readings)) WHERE gap IS NOT NULL "
        + "GROUP BY device_id HAVING gaps > 1)"), "one interval per device");
    assertEquals(0, duck.count("SELECT count(*) FROM sensor_readings WHERE unit <> CASE metric_name "
        + "WHEN 'temperature' THEN 'celsius' WHEN 'humidity' THEN 'percent' WHEN 'pressure' THEN 'hPa' "
        + "WHEN 'power' THEN 'kWh' WHEN 'vibration' THEN 'mm/s' END"));
    long n = duck.count("SELECT count(*) FROM sensor_readings");
    assertEquals(25_000, n, 1_000);
    assertRate(0.005, duck.count("SELECT count(*) FROM sensor_readings WHERE metric_value IS NULL"), n, "NULLs");
    assertEquals(0, duck.count("SELECT count(*) FROM sensor_readings WHERE quality_score NOT BETWEEN 80 AND 100"));
    assertEquals(93.8, duck.number("SELECT avg(quality_score) FROM sensor_readings"), 0.3, "Beta(5,2) x 20 + 80");
  }

  @Test
  void dailyAndAnnualCyclesShowThroughTheNoise() throws Exception {
    String hour = "(hour(timestamp) + minute(timestamp) / 60.0)";
    double temperature = duck.number("SELECT corr(metric_value - 20 - 15 * sin(2 * pi() * (dayofyear(timestamp) "
        + "- 80) / 365), sin(2 * pi() * (" + hour + " - 6) / 24)) FROM sensor_readings "
        + "WHERE metric_name = 'temperature' AND NOT is_anomaly");
    assertTrue(temperature > 0.8, "temperature follows the daily sine: " + temperature);
    double power = duck.number("SELECT corr(metric_value, sin(2 * pi() * (" + hour + " - 8) / 24)) "
        + "FROM sensor_readings WHERE metric_name = 'power' AND NOT is_anomaly");
    assertTrue(power > 0.9, "power follows the daily sine: " + power);
    double humidity = duck.number("SELECT corr(metric_value, sin(2 * pi() * dayofyear(timestamp) / 365)) "
        + "FROM sensor_readings WHERE metric_name = 'humidity' AND NOT is_anomaly");
    assertTrue(humidity > 0.9, "humidity follows the annual sine: " + humidity);
    double drift = duck.number("SELECT regr_slope(metric_value - 5 - 2 * sin(0.1 * k), age) FROM (SELECT "
        + "r.metric_value, datediff('day', d.install_date, r.timestamp) AS age, row_number() OVER (PARTITION BY "
        + "r.device_id, r.metric_name ORDER BY r.timestamp) - 1 AS k FROM sensor_readings r JOIN devices d "
        + "USING (device_id) WHERE r.metric_name = 'vibration' AND NOT r.is_anomaly)");
    assertEquals(0.001, drift, 0.0003, "vibration drifts 0.001 per day of age");
  }

  @Test
  void faultsHitTwoPercentOfInstantsAndMoveAllMetricsTogether() throws Exception {
    long instants = duck.count("SELECT count(*) FROM (SELECT DISTINCT device_id, timestamp FROM sensor_readings)");
    long faulty = duck.count("SELECT count(*) FROM (SELECT DISTINCT device_id, timestamp FROM sensor_readings "
        + "WHERE is_anomaly)");
    assertRate(0.02, faulty, instants, "anomalous instants");
    String factors = "SELECT max(CASE WHEN metric_name = 'pressure' THEN metric_value / (1013 + 10 * sin(2 * pi() "
        + "* dayofyear(timestamp) / 365)) END) AS p, max(CASE WHEN metric_name = 'humidity' THEN metric_value / (60 + "
        + "15 * sin(2 * pi() * dayofyear(timestamp) / 365)) END) AS h FROM sensor_readings WHERE is_anomaly "
        + "GROUP BY device_id, timestamp";
    double together = duck.number("SELECT corr(p, h) FROM (" + factors + ")");
    assertTrue(together > 0.8, "pressure and humidity carry the same fault factor: " + together);
    assertEquals(0, duck.count("SELECT count(*) FROM (" + factors + ") WHERE p < 1.45 OR p > 2.55"),
        "fault factor 1.5-2.5");
    assertEquals(0, duck.count("SELECT count(*) FROM sensor_readings WHERE metric_name = 'pressure' "
        + "AND NOT is_anomaly AND metric_value > 1040"));
  }

  @Test
  void eventsAreAcknowledgedBeforeResolvedWithTheirWeights() throws Exception {
    long n = duck.count("SELECT count(*) FROM events");
    assertEquals(5_000, n);
    assertEquals(0, duck.count("SELECT count(*) FROM events WHERE resolved AND NOT acknowledged"));
    assertRate(0.7, duck.count("SELECT count(*) FROM events WHERE acknowledged"), n, "acknowledged");
    assertRate(0.56, duck.count("SELECT count(*) FROM events WHERE resolved"), n, "resolved");
    assertRate(0.05, duck.count("SELECT count(*) FROM events WHERE description IS NULL"), n, "description NULLs");
    assertEquals(0, duck.count("SELECT count(*) FROM events WHERE description <> 'Event on device ' || device_id"));
    String[] severity = {"Critical", "Warning", "Info"};
    double[] weights = {10, 30, 60};
    for (int i = 0; i < 3; i++) {
      assertRate(weights[i] / 100, duck.count("SELECT count(*) FROM events WHERE severity = '" + severity[i] + "'"),
          n, severity[i]);
    }
    assertEquals(7, duck.count("SELECT count(DISTINCT event_type) FROM events"));
  }

  @Test
  void trackersDriveContinuousTracksFromTheirDepots() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM telemetry JOIN devices USING (device_id) "
        + "WHERE device_type <> 'GPS Tracker'"), "telemetry comes from GPS trackers");
    String pairs = "SELECT device_id, timestamp - lag(timestamp) OVER w AS dt, "
        + "69.0 * sqrt(power(latitude - lag(latitude) OVER w, 2) + power((longitude - lag(longitude) OVER w) "
        + "* cos(radians(latitude)), 2)) AS miles FROM telemetry WINDOW w AS (PARTITION BY device_id ORDER BY timestamp)";
    long close = duck.count("SELECT count(*) FROM (" + pairs + ") WHERE dt <= INTERVAL 30 MINUTES");
    assertTrue(close > 200, "enough close pairs: " + close);
    assertEquals(0, duck.count("SELECT count(*) FROM (" + pairs + ") WHERE dt <= INTERVAL 30 MINUTES "
        + "AND miles > 80.0 * epoch(dt) / 3600 + 0.05"), "no jump faster than 80 mph between consecutive pings");
    assertEquals(0, duck.count("SELECT count(*) FROM telemetry t JOIN devices d USING (device_id) WHERE "
        + "d.latitude IS NOT NULL AND 69.0 * sqrt(power(t.latitude - d.latitude, 2) + power((t.longitude - "
        + "d.longitude) * cos(radians(d.latitude)), 2)) > 32.5"), "within a 24-minute drive of the depot");
    long n = duck.count("SELECT count(*) FROM telemetry");
    assertRate(0.2, duck.count("SELECT count(*) FROM telemetry WHERE speed = 0"), n, "parked");
    assertEquals(0, duck.count("SELECT count(*) FROM telemetry WHERE speed <> 0 AND speed NOT BETWEEN 15 AND 80 "
        + "OR heading NOT BETWEEN 0 AND 359 OR fuel_level NOT BETWEEN 10 AND 100"));
    assertRate(0.02, duck.count("SELECT count(*) FROM telemetry WHERE fuel_level IS NULL"), n, "fuel NULLs");
    assertRate(0.01, duck.count("SELECT count(*) FROM telemetry WHERE engine_temp IS NULL"), n, "engine_temp NULLs");
    assertEquals(55, duck.number("SELECT avg(fuel_level) FROM telemetry"), 1.5, "uniform 10-100 overall");
    assertEquals(200, duck.number("SELECT avg(engine_temp) FROM telemetry"), 0.5);
  }

  private static void assertRate(double expected, long count, long n, String what) {
    assertEquals(expected, count / (double) n, Stats.binomialTolerance(expected, n), what);
  }
}
