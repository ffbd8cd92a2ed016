package io.synthgen.plan.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSpecTest {

  @Test
  void intervalsUpToTheMaximumParseAndLongerOnesAreRefused() {
    assertEquals(Duration.ofDays(36_525), TimeSpec.interval("36525 days"));
    assertEquals(Duration.ofDays(7 * 5_217), TimeSpec.interval("5217 weeks"));
    assertNull(TimeSpec.interval("36526 days"));
    assertNull(TimeSpec.interval("5218 weeks"));
    assertNull(TimeSpec.interval("100000000 weeks"));
    assertNull(TimeSpec.interval("999999999 hours"));
    assertEquals(Duration.ofSeconds(999_999_999), TimeSpec.interval("999999999 seconds"));
    assertTrue(TimeSpec.INTERVAL_SYNTAX.contains("36525 days"), TimeSpec.INTERVAL_SYNTAX);
  }

  @Test
  void relativeInstantsStayWithinTheMaximumOffset() {
    assertEquals(Duration.ofDays(-365_250), TimeSpec.instant("ref-365250d").offset());
    assertNull(TimeSpec.instant("ref+365251d"));
    assertNull(TimeSpec.instant("ref+100000000d"));
    assertTrue(TimeSpec.INSTANT_SYNTAX.contains("365250 days"), TimeSpec.INSTANT_SYNTAX);
  }

  private static List<Violation> refused(String json) {
    return assertThrows(PlanException.class, () -> PlanCodec.read(json), json).violations();
  }

  @Test
  void planIntervalsBeyondTheMaximumAreViolationsThatSayTheLimit() {
    List<Violation> v = refused("""
        {"format": "synthgen.plan/v1", "name": "t", "seed": 1, "reference_date": "2025-01-01",
         "series": {"start": "2024-01-01", "interval": "100000000 weeks", "batches": 2},
         "tables": [{"name": "readings", "rows": 100, "primary_key": "id", "batch": {"mode": "append"}, "columns": [
           {"name": "id", "type": "bigint", "strategy": "sequence"},
           {"name": "ts", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01",
            "end": "2024-01-01T23:59:59", "interval": "6000 weeks"}],
          "quality": {"defects": [{"defect": "jitter", "column": "ts", "rate": 0.5, "max": "100000000 weeks"},
                                  {"defect": "very_late", "column": "ts", "rate": 0.1, "max": "40000 days"}]}}]}
        """);
    for (String path : List.of("series.interval", "tables[0].columns[1].interval",
        "tables[0].quality.defects[0].max", "tables[0].quality.defects[1].max")) {
      Violation hit = v.stream().filter(x -> x.path().equals(path)).findFirst()
          .orElseThrow(() -> new AssertionError("no violation at " + path + " in " + v));
      assertTrue(hit.fix().contains("36525 days"), hit.toString());
    }
  }
}
