package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.series.AppendSlices;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
      List<Map<String, Object>> rs = rows(AppendSlices.slice(p, p.table(table), k));
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
}
