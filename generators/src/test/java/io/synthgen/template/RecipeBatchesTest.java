package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.Batches;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recipes' batches as the engine writes them: daily readings, feed weights and rows per batch, status and
 * firmware weights per batch, against the reference's numbers (seeded, with tolerances).
 */
class RecipeBatchesTest {

  /** The series' first day for the templates' reference date 2025-01-01: five days before it. */
  private static final LocalDateTime START = LocalDateTime.of(2024, 12, 27, 0, 0);

  static List<Map<String, Object>> rows(TableSource s) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long first = 0; first < s.rows(); first += 4096) {
      Batch b = s.chunk(first, (int) Math.min(4096, s.rows() - first));
      for (int i = 0; i < b.size(); i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 0; c < b.names().size(); c++) {
          row.put(b.names().get(c), b.vectors().get(c).get(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static ResolvedPlan cdc(String template, long rows) throws PlanException {
    return Plans.resolve(Recipes.cdc(Plans.template(template, rows)));
  }

  private static void dailyReadings(String template, long parents, String table, String key, long perDay,
      double anomalyLo, double anomalyHi) throws PlanException {
    ResolvedPlan p = cdc(template, parents);
    Set<Object> seen = new HashSet<>();
    long anomalies = 0;
    long perBatch = parents * perDay;
    for (long k = 0; k < 5; k++) {
      List<Map<String, Object>> rs = rows(source(Batches.batch(p, k), table));
      assertEquals(perBatch, rs.size(), table + " rows in batch " + k);
      LocalDateTime from = START.plusDays(k);
      for (int i = 0; i < rs.size(); i++) {
        Map<String, Object> r = rs.get(i);
        assertEquals(k * perBatch + i + 1, ((Number) r.get("reading_id")).longValue(), "keys continue");
        LocalDateTime ts = (LocalDateTime) r.get("timestamp");
        assertTrue(!ts.isBefore(from) && ts.isBefore(from.plusDays(1)), table + " batch " + k + ": " + ts);
        assertTrue(seen.add(List.of(r.get(key), ts, r.get("reading_id"))), "no reading repeats");
        anomalies += Boolean.TRUE.equals(r.get("is_anomaly")) ? 1 : 0;
      }
    }
    double share = anomalies / (5.0 * perBatch);
    assertTrue(share >= anomalyLo && share <= anomalyHi, table + " anomalies " + share);
  }

  @Test
  void iotReadingsAreOneDayPerBatchWithContinuedKeys() throws PlanException {
    dailyReadings("iot", 300, "sensor_readings", "device_id", DailyReadings.PER_DAY_IOT, 0.01, 0.03);
  }

  @Test
  void manufacturingSensorRowsAreOneDayPerBatchWithContinuedKeys() throws PlanException {
    // the series' days lie in the last 30-day slot of the window, so its fault episodes show
    dailyReadings("manufacturing", 150, "sensor_data", "equipment_id", DailyReadings.PER_DAY_MANUFACTURING, 0.01,
        0.25);
  }
  /** The source batch k writes under {@code name}. */
  static TableSource source(List<TableSource> batch, String name) {
    return batch.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
        "batch writes no " + name + ": " + batch.stream().map(TableSource::name).toList()));
  }

  /** The feed of {@code table} in batch k, as Batches writes it (under the feed's name). */
  private static List<Map<String, Object>> feed(ResolvedPlan p, String table, long k) {
    return rows(source(Batches.batch(p, k), p.table(table).spec().changeFeed().name()));
  }

  private static Map<Object, Integer> count(List<Map<String, Object>> rows, String column) {
    Map<Object, Integer> out = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      out.merge(String.valueOf(r.get(column)), 1, Integer::sum);
    }
    return out;
  }

  private static List<Map<String, Object>> where(List<Map<String, Object>> rows, String column, Set<String> in) {
    return rows.stream().filter(r -> in.contains(String.valueOf(r.get(column)))).toList();
  }

  /**
   * Batch 0 is the full load of every base row as appends; batches 1..4 have {@code perBatch} operations whose
   * counts are the weights' shares (within the one row apportioning rounds).
   */
  private static void feedShape(ResolvedPlan p, String table, String appendName, long rows, long perBatch,
      double append, double update, double delete) {
    List<Map<String, Object>> load = feed(p, table, 0);
    assertEquals(rows, load.size(), table + " full load");
    assertEquals(Map.of(appendName, (int) rows), count(load, "operation"), table + " full load");
    double sum = append + update + delete;
    for (long k = 1; k < 5; k++) {
      List<Map<String, Object>> ops = feed(p, table, k);
      assertEquals(perBatch, ops.size(), table + " operations in batch " + k);
      Map<Object, Integer> c = count(ops, "operation");
      double[] expected = {perBatch * append / sum, perBatch * update / sum, perBatch * delete / sum};
      String[] names = {appendName, "UPDATE", "DELETE"};
      for (int i = 0; i < 3; i++) {
        int got = c.getOrDefault(names[i], 0);
        assertTrue(Math.abs(got - expected[i]) < 1, table + " batch " + k + " " + names[i] + ": " + got + " for "
            + expected[i]);
      }
      LocalDateTime from = START.plusDays(k);
      for (Map<String, Object> r : ops) {
        LocalDateTime at = (LocalDateTime) r.get("operation_date");
        assertTrue(!at.isBefore(from) && at.isBefore(from.plusDays(1)), table + " batch " + k + ": " + at);
      }
    }
  }

  /** The shares of {@code column}'s values over the rows, each within {@code tolerance} of {@code weights}. */
  private static void shares(List<Map<String, Object>> rows, String column, Map<String, Double> weights,
      double tolerance, String what) {
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<Object, Integer> c = count(rows, column);
    assertTrue(weights.keySet().containsAll(c.keySet()), what + ": " + c);
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      double got = c.getOrDefault(w.getKey(), 0) / (double) rows.size();
      assertEquals(w.getValue() / sum, got, tolerance, what + " " + w.getKey() + " of " + rows.size() + ": " + c);
    }
  }

  private static List<Map<String, Object>> later(ResolvedPlan p, String table, Set<String> ops) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long k = 1; k < 5; k++) {
      out.addAll(where(feed(p, table, k), "operation", ops));
    }
    return out;
  }

  @Test
  void retailCustomersFeedIsFiftyThirtyTen() throws PlanException {
    ResolvedPlan p = cdc("retail", 2_000);
    feedShape(p, "customers", "APPEND", 2_000, 200, 50, 30, 10);
    List<Map<String, Object>> load = feed(p, "customers", 0);
    Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < load.size(); i++) {
      assertEquals(1_000_000L + i, load.get(i).get("customer_id"), "the full load is in key order");
      byKey.put(load.get(i).get("customer_id"), load.get(i));
    }
    List<Map<String, Object>> updates = where(feed(p, "customers", 1), "operation", Set.of("UPDATE"));
    int moved = 0;
    for (Map<String, Object> u : updates) {
      Map<String, Object> before = byKey.get(u.get("customer_id"));
      for (String kept : List.of("first_name", "last_name", "signup_date", "lifetime_value")) {
        assertEquals(before.get(kept), u.get(kept), kept + " is not a change of a customer");
      }
      if (before.get("email") != null && u.get("email") != null) {
        String local = ((String) before.get("email")).replace("@example.com", "");
        assertTrue(((String) u.get("email")).matches(java.util.regex.Pattern.quote(local) + "\\.\\d+@example\\.com"),
            "a changed email keeps the name: " + u.get("email") + " after " + before.get("email"));
      }
      moved += u.get("state").equals(before.get("state")) ? 0 : 1;
    }
    assertTrue(moved > 0.8 * updates.size(), "an update is a move: " + moved + " of " + updates.size());
  }

  @Test
  void healthcareEncountersAreActiveAtTheLoadThenTwentySeventyTen() throws PlanException {
    ResolvedPlan p = cdc("healthcare", 1_000);
    feedShape(p, "patients", "APPEND", 1_000, 100, 50, 40, 5);
    long encounters = p.table("encounters").rows();
    feedShape(p, "encounters", "INSERT", encounters, encounters / 10, 30, 70, 0);
    assertEquals(Map.of("Active", (int) encounters), count(feed(p, "encounters", 0), "status"));
    List<Map<String, Object>> later = later(p, "encounters", Set.of("INSERT", "UPDATE"));
    shares(later, "status", Map.of("Active", 20.0, "Completed", 70.0, "Cancelled", 10.0), 0.03,
        "encounter status after the load");
    for (Map<String, Object> r : later) {
      assertEquals("Active".equals(r.get("status")), r.get("discharge_datetime") == null,
          "discharge_datetime is NULL exactly while Active");
    }
    long claims = p.table("claims").rows();
    feedShape(p, "claims", "INSERT", claims, encounters / 5, 40, 60, 0);
    shares(later(p, "claims", Set.of("INSERT", "UPDATE")), "status", Map.of("Submitted", 20.0, "In Review", 25.0,
        "Paid", 35.0, "Denied", 15.0, "Appealed", 5.0), 0.03, "claim status after the load");
  }

  @Test
  void financialAccountsAndCorrectionsFollowTheReference() throws PlanException {
    ResolvedPlan p = cdc("financial", 2_000);
    feedShape(p, "accounts", "INSERT", 2_000, 200, 20, 70, 10);
    shares(later(p, "accounts", Set.of("UPDATE")), "status", Map.of("Active", 70.0, "Dormant", 20.0,
        "Closed", 10.0), 0.04, "account status on updates");
    long txns = p.table("transactions").rows();
    feedShape(p, "transactions", "APPEND", txns, txns / 20, 0, 100, 0);
    List<Map<String, Object>> corrections = later(p, "transactions", Set.of("UPDATE"));
    shares(corrections, "correction_reason", Map.of("Duplicate charge", 30.0, "Wrong amount", 30.0,
        "Chargeback", 25.0, "Reversal", 15.0), 0.03, "correction reasons");
    for (Map<String, Object> r : corrections) {
      BigDecimal original = (BigDecimal) r.get("original_amount");
      BigDecimal amount = (BigDecimal) r.get("amount");
      double ratio = amount.doubleValue() / original.doubleValue();
      assertTrue(original.signum() == 0 || ratio >= 0.8 - 0.01 / original.doubleValue()
          && ratio <= 1.2 + 0.01 / original.doubleValue(), "corrected amount " + amount + " of " + original);
    }
    for (Map<String, Object> r : feed(p, "transactions", 0)) {
      assertEquals(r.get("original_amount"), r.get("amount"), "the load carries the original amount");
      assertEquals(null, r.get("correction_reason"));
    }
  }

  @Test
  void iotFirmwareRollsOutInWavesAndStatusFollowsTheReference() throws PlanException {
    ResolvedPlan p = cdc("iot", 3_000);
    feedShape(p, "devices", "INSERT", 3_000, 300, 20, 70, 10);
    assertEquals(Map.of("1.0.0", 3_000), count(feed(p, "devices", 0), "firmware"), "the load is all 1.0.0");
    List<String> versions = ChangeFeedRecipes.FIRMWARE;
    List<Map<String, Object>> drawn = new ArrayList<>();
    for (int b = 1; b < 5; b++) {
      List<Map<String, Object>> ops = feed(p, "devices", b);
      Set<String> wave = Set.copyOf(versions.subList(0, b + 1));
      for (Map<String, Object> r : ops) {
        assertTrue(wave.contains((String) r.get("firmware")), "batch " + b + " has only the first " + (b + 1)
            + " versions: " + r.get("firmware"));
      }
      Map<String, Double> weights = new LinkedHashMap<>();
      for (int v = 0; v <= b; v++) {
        weights.put(versions.get(v), v < b ? 10.0 : 90.0 - 10 * b);
      }
      List<Map<String, Object>> changed = where(ops, "operation", Set.of("INSERT", "UPDATE"));
      shares(changed, "firmware", weights, 0.06, "firmware of batch " + b);
      drawn.addAll(changed);
    }
    shares(drawn, "status", Map.of("Online", 70.0, "Offline", 15.0, "Maintenance", 10.0, "Decommissioned", 5.0),
        0.03, "device status after the load");
  }

  @Test
  void manufacturingEquipmentFeedIsThirtySixtyFive() throws PlanException {
    ResolvedPlan p = cdc("manufacturing", 500);
    feedShape(p, "equipment", "APPEND", 500, 100, 30, 60, 5);
    for (long k = 1; k < 5; k++) {
      for (Map<String, Object> r : where(feed(p, "equipment", k), "operation", Set.of("UPDATE"))) {
        assertEquals(START.toLocalDate().plusDays(k), r.get("last_maintenance_date"), "maintained that day");
      }
    }
  }
  @Test
  void iotDeviceHistoryIsContiguousWithOneCurrentVersionPerLiveDevice() throws PlanException {
    ResolvedPlan p = cdc("iot", 500);
    List<Map<String, Object>> history = rows(source(Batches.batch(p, 4), "devices_history"));
    List<Map<String, Object>> state = rows(source(Batches.snapshot(p, 4), "devices"));
    Map<Object, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
    for (Map<String, Object> r : history) {
      byKey.computeIfAbsent(r.get("device_id"), x -> new ArrayList<>()).add(r);
    }
    Map<Object, Map<String, Object>> live = new LinkedHashMap<>();
    state.forEach(r -> live.put(r.get("device_id"), r));
    long current = 0;
    for (Map.Entry<Object, List<Map<String, Object>>> e : byKey.entrySet()) {
      List<Map<String, Object>> versions = e.getValue();
      for (int i = 0; i + 1 < versions.size(); i++) {
        assertEquals(versions.get(i + 1).get("effective_from"), versions.get(i).get("effective_to"),
            "device " + e.getKey() + ": versions are contiguous");
        assertEquals(false, versions.get(i).get("is_current"));
      }
      Map<String, Object> last = versions.get(versions.size() - 1);
      if (Boolean.TRUE.equals(last.get("is_current"))) {
        current++;
        assertEquals(null, last.get("effective_to"));
        assertEquals(live.get(e.getKey()).get("firmware"), last.get("firmware"), "the current version is the state");
      } else {
        assertTrue(!live.containsKey(e.getKey()) && last.get("effective_to") != null, "a deleted device is closed");
      }
    }
    assertEquals(state.size(), current, "one current version per live device");
    assertTrue(byKey.values().stream().anyMatch(v -> v.size() > 1), "some devices changed");
  }
  @Test
  void tablesTheRecipeLeavesAloneAreTheTemplatesRowsInBatchZeroOnly() throws PlanException {
    Plan t = Plans.template("retail", 500);
    ResolvedPlan template = Plans.resolve(t);
    ResolvedPlan p = Plans.resolve(Recipes.cdc(t));
    for (String name : List.of("products", "transactions", "line_items", "inventory")) {
      assertEquals(rows(TableSource.of(template, template.table(name))), rows(source(Batches.batch(p, 0), name)),
          name + " is the template's");
      for (long k = 1; k < 5; k++) {
        long batch = k;
        assertTrue(Batches.batch(p, k).stream().noneMatch(s -> s.name().equals(name)), name + " in batch " + batch);
      }
    }
    List<Map<String, Object>> load = feed(p, "customers", 0);
    List<Map<String, Object>> customers = rows(TableSource.of(template, template.table("customers")));
    for (int i = 0; i < customers.size(); i++) {
      Map<String, Object> r = new LinkedHashMap<>(load.get(i));
      r.remove("operation");
      r.remove("operation_date");
      assertEquals(customers.get(i), r, "the full load is the template's customers");
    }
  }
  @Test
  void manufacturingWorkOrdersAreTheTemplatesWithARepairAfterEveryEpisode() throws PlanException {
    Plan t = Plans.template("manufacturing", 200);
    ResolvedPlan template = Plans.resolve(t);
    ResolvedPlan p = Plans.resolve(Recipes.cdc(t));
    assertEquals(rows(TableSource.of(template, template.table("maintenance_records"))),
        rows(source(Batches.batch(p, 0), "maintenance_records")));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 3})
  void everyTemplateWithBothRecipesWritesEveryBatchAndSnapshotEvenWhenTiny(long rows) throws PlanException {
    for (String name : Templates.names()) {
      ResolvedPlan p = Plans.resolve(Recipes.quality(Recipes.cdc(Plans.template(name, rows))));
      for (long k = 0; k < 5; k++) {
        List<TableSource> batch = Batches.batch(p, k);
        for (var t : p.plan().tables()) {
          if (t.changeFeed() != null) {
            assertTrue(rows(source(batch, t.changeFeed().name())).size() >= (k == 0 ? t.rows() : 1),
                name + " " + t.changeFeed().name() + " batch " + k);
          }
        }
        for (TableSource s : batch) {
          rows(s);
        }
        for (TableSource s : Batches.snapshot(p, k)) {
          rows(s);
        }
      }
    }
  }
}
