package io.synthgen.plan.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.series.Batches;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An advance column computed from another advance column is refused: it already follows it. */
class AdvanceChainsTest {

  /** Append table e over a 6-hour series: t a range in the first window, t2 and the helper h expressions. */
  private static String plan(String advance, String extra) {
    return """
        {"format": "synthgen.plan/v1", "name": "expradv", "seed": 3, "reference_date": "2025-01-01",
         "series": {"start": "2024-01-01", "interval": "6 hours", "batches": 4},
         "tables": [{"name": "e", "rows": 10, "primary_key": "id", "batch": {"mode": "append", "advance": %s},
          "columns": [{"name": "id", "type": "bigint", "strategy": "sequence"},
           {"name": "t", "type": "timestamp", "strategy": "date_range", "start": "2024-01-01T00:00:00",
            "end": "2024-01-01T05:00:00"},
           {"name": "t2", "type": "timestamp", "strategy": "expression", "expr": "timestamp_add_seconds(t, 3600)"}%s]}]}
        """.formatted(advance, extra);
  }

  private static List<Violation> refused(String json) {
    return assertThrows(PlanException.class, () -> Resolver.resolve(Plans.read(json))).violations();
  }

  @Test
  void anExpressionOverAnAdvanceColumnIsNotAdvancedAgain() {
    List<Violation> vs = refused(plan("[\"t\", \"t2\"]", ""));
    assertEquals(1, vs.size(), vs::toString);
    Violation v = vs.get(0);
    assertEquals("tables[0].batch.advance[1]", v.path());
    assertEquals("t2", v.value());
    assertTrue(v.rule().contains("computed from t, and t advances itself"), v.rule());
    assertEquals("remove t2 from \"advance\": it follows t", v.fix());
  }

  @Test
  void theDependencyIsFollowedThroughHiddenHelpers() {
    String helpers = ", {\"name\": \"h\", \"type\": \"timestamp\", \"strategy\": \"expression\", \"expr\": "
        + "\"timestamp_add_seconds(t, 60)\", \"omit\": true}, {\"name\": \"t3\", \"type\": \"timestamp\", "
        + "\"strategy\": \"expression\", \"expr\": \"timestamp_add_seconds(h, 60)\"}";
    List<Violation> vs = refused(plan("[\"t3\", \"t\"]", helpers));
    assertEquals(1, vs.size(), vs::toString);
    assertEquals("tables[0].batch.advance[0]", vs.get(0).path());
    assertTrue(vs.get(0).rule().contains("computed from h <- t, and t advances itself"), vs.get(0).rule());
  }

  @Test
  void theFixKeepsTheFollowerInItsWindow() {
    ResolvedPlan p = Plans.resolve(plan("[\"t\"]", ""));
    for (long k = 0; k < 4; k++) {
      TableSource s = Batches.batch(p, k).get(0);
      Batch b = s.chunk(0, (int) s.rows());
      LocalDateTime from = LocalDateTime.of(2024, 1, 1, 0, 0).plusHours(6 * k);
      for (int i = 0; i < b.size(); i++) {
        LocalDateTime t = (LocalDateTime) b.vectors().get(b.names().indexOf("t")).get(i);
        LocalDateTime t2 = (LocalDateTime) b.vectors().get(b.names().indexOf("t2")).get(i);
        assertEquals(Duration.ofHours(1), Duration.between(t, t2), "batch " + k + " row " + i);
        assertTrue(!t.isBefore(from) && !t2.isAfter(from.plusHours(6)), "batch " + k + ": " + t + ", " + t2);
      }
    }
  }

  @Test
  void anExpressionOverAColumnThatStaysMayAdvance() {
    ResolvedPlan p = Plans.resolve(plan("[\"t2\"]", ""));
    TableSource s = Batches.batch(p, 2).get(0);
    Batch b = s.chunk(0, (int) s.rows());
    LocalDateTime t = (LocalDateTime) b.vectors().get(b.names().indexOf("t")).get(0);
    LocalDateTime t2 = (LocalDateTime) b.vectors().get(b.names().indexOf("t2")).get(0);
    assertEquals(Duration.ofHours(13), Duration.between(t, t2), "t2 alone moves by 2 x 6 hours");
  }
}
