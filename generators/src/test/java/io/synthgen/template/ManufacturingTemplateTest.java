package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Progress;
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

/** The manufacturing template at 1,000 machines, generated to Parquet and checked in DuckDB. */
class ManufacturingTemplateTest {

  static final String[] TABLES = {"equipment", "sensor_data", "maintenance_records"};
  static final String REF = "TIMESTAMP '2025-01-01 00:00:00'";
  static final String AGE = "datediff('day', e.install_date, DATE '2025-01-01') / 365.25";

  @TempDir
  static Path dir;
  static Duck duck;
  static RunResult run;

  @BeforeAll
  static void generate() throws Exception {
    run = Plans.runTemplate("manufacturing", 1_000, dir);
    duck = new Duck();
    duck.parquetViews(dir, TABLES);
    duck.exec("CREATE TABLE repairs AS SELECT * FROM maintenance_records "
        + "WHERE maintenance_type IN ('Corrective', 'Emergency')");
  }

  @AfterAll
  static void close() throws Exception {
    duck.close();
  }

  @Test
  void theRunValidates() {
    assertTrue(run.validation().passed(), "failures: " + run.validation().failures());
    assertEquals(1_000, run.tables().get(0).rows());
  }

  @Test
  void columnsAndTypesFollowTheReferenceOutputOrder() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("equipment", "equipment_id BIGINT, serial_number VARCHAR, equipment_type VARCHAR, "
        + "manufacturer VARCHAR, model VARCHAR, install_date DATE, location_zone VARCHAR, status VARCHAR, "
        + "last_maintenance_date DATE, expected_lifespan_years INTEGER");
    expected.put("sensor_data", "reading_id BIGINT, equipment_id BIGINT, timestamp TIMESTAMP, sensor_A DOUBLE, "
        + "sensor_B DOUBLE, sensor_C DOUBLE, sensor_D DOUBLE, sensor_E DOUBLE, sensor_F DOUBLE, energy DOUBLE, "
        + "is_anomaly BOOLEAN");
    expected.put("maintenance_records", "maintenance_id BIGINT, equipment_id BIGINT, scheduled_date TIMESTAMP, "
        + "completion_date TIMESTAMP, maintenance_type VARCHAR, priority VARCHAR, duration_hours INTEGER, "
        + "cost DECIMAL(12,2), technician_id BIGINT, description VARCHAR, status VARCHAR, parts_replaced INTEGER");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), duck.columns(e.getKey()), e.getKey());
    }
  }

  @Test
  void childrenHaveTheirMachineAndReadingsLieOnAGridAfterInstall() throws Exception {
    assertEquals(List.of(List.of("1000", "1999")), duck.rows("SELECT min(equipment_id), max(equipment_id) "
        + "FROM equipment"));
    for (String t : new String[] {"sensor_data", "maintenance_records"}) {
      assertEquals(0, duck.count("SELECT count(*) FROM " + t + " ANTI JOIN equipment USING (equipment_id)"), t);
    }
    assertEquals(0, duck.count("SELECT count(*) FROM sensor_data s JOIN equipment e USING (equipment_id) "
        + "WHERE s.timestamp < e.install_date OR s.timestamp < TIMESTAMP '2024-07-05' OR s.timestamp >= " + REF));
    assertEquals(0, duck.count("SELECT count(*) FROM maintenance_records m JOIN equipment e USING (equipment_id) "
        + "WHERE m.scheduled_date < e.install_date OR m.scheduled_date < TIMESTAMP '2024-07-05'"));
    assertEquals(0, duck.count("SELECT count(*) FROM (SELECT equipment_id, count(DISTINCT gap) AS gaps, "
        + "max(epoch(gap)::BIGINT % 10) AS off FROM (SELECT equipment_id, timestamp - lag(timestamp) OVER "
        + "(PARTITION BY equipment_id ORDER BY timestamp) AS gap FROM sensor_data) WHERE gap IS NOT NULL "
        + "GROUP BY equipment_id HAVING gaps > 1 OR off <> 0)"), "one interval per machine, a multiple of 10 s");
  }

  @Test
  void anomaliesFollowTheAgeRateAndMoveEverySensorTogether() throws Exception {
    double rate = duck.number("SELECT avg(is_anomaly::INT) FROM sensor_data");
    double expected = duck.number("SELECT avg(least(0.01 + 0.02 * " + AGE + ", 0.1)) FROM sensor_data s "
        + "JOIN equipment e USING (equipment_id)");
    assertEquals(expected, rate, 0.012, "anomaly rate " + rate + " against the age-based propensity " + expected);
    assertTrue(rate > 0.06 && rate < 0.1, "about 8 %: " + rate);
    for (String pair : new String[] {"abs(sensor_A), abs(sensor_B)", "abs(sensor_A), abs(sensor_C)",
        "abs(sensor_B), abs(sensor_C)", "sensor_D, sensor_F"}) {
      double during = duck.number("SELECT corr(" + pair + ") FROM sensor_data WHERE is_anomaly");
      double otherwise = duck.number("SELECT corr(" + pair + ") FROM sensor_data WHERE NOT is_anomaly");
      assertTrue(during > 0.8, pair + " during faults: " + during);
      if (pair.startsWith("abs")) {
        assertTrue(Math.abs(otherwise) < 0.05, pair + " otherwise: " + otherwise);
      }
    }
    assertTrue(duck.number("SELECT avg((abs(sensor_A) > 3)::INT) FROM sensor_data WHERE is_anomaly") > 0.95,
        "faults are beyond 3 sigma");
  }

  @Test
  void olderMachinesFaultAndFailMore() throws Exception {
    String perMachine = "SELECT e.equipment_id, " + AGE + " AS age, (SELECT count(*) FROM repairs r WHERE "
        + "r.equipment_id = e.equipment_id) AS repairs, (SELECT avg(is_anomaly::INT) FROM sensor_data s WHERE "
        + "s.equipment_id = e.equipment_id) AS anomalies FROM equipment e WHERE e.install_date < DATE '2024-07-05'";
    double repairs = duck.number("SELECT corr(rank_age, rank_repairs) FROM (SELECT rank() OVER (ORDER BY age) AS "
        + "rank_age, rank() OVER (ORDER BY repairs) AS rank_repairs FROM (" + perMachine + "))");
    assertTrue(repairs > 0.4, "rank correlation of age and repairs: " + repairs);
    double young = duck.number("SELECT avg(anomalies) FROM (" + perMachine + ") WHERE age < 2");
    double old = duck.number("SELECT avg(anomalies) FROM (" + perMachine + ") WHERE age > 5");
    assertTrue(old > 2.5 * young, "anomaly share, older than 5 years " + old + " vs younger than 2 " + young);
  }

  @Test
  void repairsFollowFaultEpisodesByTwoToSevenDays() throws Exception {
    assertEquals(0, duck.count("SELECT count(*) FROM sensor_data s WHERE is_anomaly AND NOT EXISTS (SELECT 1 "
        + "FROM repairs r WHERE r.equipment_id = s.equipment_id AND r.scheduled_date > s.timestamp "
        + "AND r.scheduled_date <= s.timestamp + INTERVAL 7 DAYS)"), "every anomaly is repaired within 7 days");
    String lead = "SELECT r.maintenance_id, (SELECT min(s.timestamp) FROM sensor_data s WHERE s.equipment_id = "
        + "r.equipment_id AND s.is_anomaly AND s.timestamp < r.scheduled_date AND s.timestamp >= r.scheduled_date "
        + "- INTERVAL 7 DAYS) AS first_anomaly, r.scheduled_date FROM repairs r";
    long repairs = duck.count("SELECT count(*) FROM repairs");
    long seen = duck.count("SELECT count(first_anomaly) FROM (" + lead + ")");
    assertTrue(seen > 0.5 * repairs, "most repairs have a sampled anomaly in the week before: " + seen + " of "
        + repairs);
    assertEquals(0, duck.count("SELECT count(*) FROM (SELECT equipment_id, timestamp FROM sensor_data WHERE "
        + "is_anomaly) s JOIN repairs r USING (equipment_id) WHERE s.timestamp >= r.scheduled_date AND s.timestamp "
        + "< r.scheduled_date + INTERVAL 1 HOUR"), "the repair ends the episode");
    long routine = duck.count("SELECT count(*) FROM maintenance_records m WHERE maintenance_type IN ('Preventive', "
        + "'Predictive') AND scheduled_date < " + REF);
    long routineAfterAnomaly = duck.count("SELECT count(*) FROM maintenance_records m WHERE maintenance_type IN "
        + "('Preventive', 'Predictive') AND scheduled_date < " + REF + " AND EXISTS (SELECT 1 FROM sensor_data s "
        + "WHERE s.equipment_id = m.equipment_id AND s.is_anomaly AND s.timestamp < m.scheduled_date AND "
        + "s.timestamp >= m.scheduled_date - INTERVAL 7 DAYS)");
    assertTrue(routineAfterAnomaly < 0.25 * routine, "routine work is not tied to faults: " + routineAfterAnomaly
        + " of " + routine);
  }

  @Test
  void sensorsCarryTheirCyclesAndDriftWithAge() throws Exception {
    String normal = "SELECT s.*, " + AGE.replace("DATE '2025-01-01'", "s.timestamp::DATE") + " AS age, "
        + "row_number() OVER (PARTITION BY s.equipment_id ORDER BY s.timestamp) - 1 AS k FROM sensor_data s "
        + "JOIN equipment e USING (equipment_id)";
    double sine = duck.number("SELECT corr(sensor_D - 0.5 * age, 2 * exp(sin(0.1 * k))) FROM (" + normal
        + ") WHERE NOT is_anomaly");
    assertTrue(sine > 0.5, "sensor_D follows 2 exp(sin(0.1 k)): " + sine);
    double fast = duck.number("SELECT corr(sensor_F - 0.5 * age, 2 * exp(sin(0.2 * k))) FROM (" + normal
        + ") WHERE NOT is_anomaly");
    assertTrue(fast > 0.6, "sensor_F follows 2 exp(sin(0.2 k)): " + fast);
    assertEquals(0.5, duck.number("SELECT regr_slope(sensor_E, age) FROM (" + normal + ") WHERE NOT is_anomaly"),
        0.1, "+0.5 per year of age");
    double day = duck.number("SELECT avg(energy) FROM sensor_data WHERE hour(timestamp) BETWEEN 6 AND 13 "
        + "AND NOT is_anomaly");
    double night = duck.number("SELECT avg(energy) FROM sensor_data WHERE (hour(timestamp) >= 22 OR "
        + "hour(timestamp) < 6) AND NOT is_anomaly");
    assertEquals(1 / 0.3, day / night, 0.3, "day shift against night");
    long n = duck.count("SELECT count(*) FROM sensor_data");
    assertRate(0.005, duck.count("SELECT count(*) FROM sensor_data WHERE energy IS NULL"), n, "energy NULLs");
    assertEquals(0, duck.count("SELECT count(*) FROM sensor_data WHERE energy NOT BETWEEN 0 AND 100"));
  }

  @Test
  void workOrdersAreCoherentAndFollowTheReferenceShares() throws Exception {
    long n = duck.count("SELECT count(*) FROM maintenance_records");
    assertEquals(10_000, n, 400);
    String[] types = {"Preventive", "Corrective", "Predictive", "Emergency"};
    double[] shares = {0.52, 0.29, 0.16, 0.04};
    for (int i = 0; i < types.length; i++) {
      double s = duck.count("SELECT count(*) FROM maintenance_records WHERE maintenance_type = '" + types[i] + "'")
          / (double) n;
      assertEquals(shares[i], s, 0.04, types[i]);
    }
    assertEquals(0, duck.count("SELECT count(*) FROM maintenance_records WHERE (status = 'Scheduled') <> "
        + "(scheduled_date >= " + REF + ")"), "Scheduled is exactly the future work");
    assertEquals(0, duck.count("SELECT count(*) FROM maintenance_records WHERE (completion_date IS NULL) <> "
        + "(status IN ('In Progress', 'Cancelled'))"));
    assertEquals(0, duck.count("SELECT count(*) FROM maintenance_records WHERE completion_date <> scheduled_date "
        + "+ duration_hours * INTERVAL 1 HOUR"));
    assertEquals(0.12, duck.count("SELECT count(*) FROM maintenance_records WHERE completion_date IS NULL")
        / (double) n, 0.015, "completion_date NULLs");
    assertEquals(0.08, duck.count("SELECT count(*) FROM maintenance_records WHERE status = 'Scheduled'")
        / (double) n, 0.02, "Scheduled");
    assertEquals(0, duck.count("SELECT count(*) FROM maintenance_records WHERE maintenance_type = 'Emergency' "
        + "AND priority <> 'Critical'"));
    assertEquals(0.05, duck.count("SELECT count(*) FROM maintenance_records WHERE priority = 'Critical'")
        / (double) n, 0.02, "Critical");
    assertEquals(0.5, duck.count("SELECT count(*) FROM maintenance_records WHERE priority = 'Medium'")
        / (double) n, 0.04, "Medium");
    assertEquals(0, duck.count("SELECT count(*) FROM maintenance_records WHERE duration_hours NOT BETWEEN 1 AND 72 "
        + "OR cost NOT BETWEEN 100 AND 50000 OR parts_replaced NOT BETWEEN 0 AND 10 "
        + "OR technician_id NOT BETWEEN 100 AND 200 OR description <> 'WO-' || equipment_id"));
    assertEquals(9_900, duck.number("SELECT avg(cost) FROM maintenance_records"), 600);
    assertEquals(0, duck.count("SELECT count(*) FROM equipment e LEFT JOIN (SELECT equipment_id, "
        + "max(scheduled_date)::DATE AS last FROM maintenance_records WHERE status = 'Completed' GROUP BY ALL) m "
        + "USING (equipment_id) WHERE e.last_maintenance_date <> coalesce(m.last, e.install_date)"));
  }

  @Test
  void equipmentHasItsWeightsAndShapes() throws Exception {
    long n = 1_000;
    String[] status = {"Operational", "Maintenance", "Idle", "Decommissioned"};
    double[] weights = {80, 10, 7, 3};
    for (int i = 0; i < status.length; i++) {
      assertRate(weights[i] / 100, duck.count("SELECT count(*) FROM equipment WHERE status = '" + status[i] + "'"),
          n, status[i]);
    }
    assertEquals(0, duck.count("SELECT count(*) FROM equipment WHERE NOT regexp_full_match(serial_number, "
        + "'EQ-[0-9]{8}') OR model <> 'Model-' || equipment_id OR expected_lifespan_years NOT BETWEEN 5 AND 25 "
        + "OR install_date NOT BETWEEN DATE '2015-01-01' AND DATE '2024-12-31'"));
    assertEquals(14.5, duck.number("SELECT avg(expected_lifespan_years) FROM equipment"), 0.6);
    assertEquals(6, duck.count("SELECT count(DISTINCT location_zone) FROM equipment"));
  }

  private static void assertRate(double expected, long count, long n, String what) {
    assertEquals(expected, count / (double) n, Stats.binomialTolerance(expected, n), what);
  }
}
