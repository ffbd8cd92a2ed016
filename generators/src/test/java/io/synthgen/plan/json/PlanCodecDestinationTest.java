package io.synthgen.plan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Destination;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PlanCodec#destination}: a destination read on its own with exactly the rules of a plan's. */
class PlanCodecDestinationTest {

  private static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "p", "reference_date": "2025-01-01", "destination": %s,
       "tables": [{"name": "t", "rows": 1, "columns": [{"name": "c", "type": "int", "strategy": "constant",
       "value": 1}]}]}
      """;

  @Test
  void aDestinationReadsAsItDoesInsideAPlan() throws Exception {
    for (String d : List.of("{\"kind\": \"local\", \"path\": \"out/a\", \"format\": \"csv\"}",
        "{\"kind\": \"local\", \"format\": \"jsonl\", \"compression\": \"gzip\"}", "{\"kind\": \"local\"}",
        "{\"kind\": \"unity_catalog\", \"catalog\": \"main\", \"schema\": \"demo\", \"volume\": \"v\"}")) {
      Destination alone = PlanCodec.destination(PlanCodec.parse(d), "p");
      assertEquals(PlanCodec.read(PLAN.formatted(d)).destination(), alone, d);
    }
    assertEquals("output/p", PlanCodec.destination(PlanCodec.parse("{\"kind\": \"local\"}"), "p").path());
    assertEquals(Destination.Compression.NONE,
        PlanCodec.destination(PlanCodec.parse("{\"kind\": \"local\", \"format\": \"csv\"}"), "p").compression());
  }

  @Test
  void everyProblemOfADestinationAtOnceAtThePathsOfAPlan() throws Exception {
    String bad = "{\"kind\": \"local\", \"path\": \"\", \"format\": \"csv\", \"compression\": \"zstd\", "
        + "\"colour\": \"red\"}";
    List<Violation> alone = assertThrows(PlanException.class,
        () -> PlanCodec.destination(PlanCodec.parse(bad), "p")).violations();
    List<Violation> inPlan = assertThrows(PlanException.class, () -> PlanCodec.read(PLAN.formatted(bad)))
        .violations();
    assertEquals(inPlan, alone);
    assertEquals(List.of("destination.colour", "destination.path", "destination.compression"),
        alone.stream().map(Violation::path).toList());
    List<Violation> uc = assertThrows(PlanException.class, () -> PlanCodec.destination(
        PlanCodec.parse("{\"kind\": \"unity_catalog\", \"schema\": \"s\", \"format\": \"csv\"}"), "p"))
        .violations();
    assertTrue(uc.stream().anyMatch(v -> v.path().equals("destination.catalog")), uc.toString());
    assertThrows(PlanException.class, () -> PlanCodec.destination(PlanCodec.parse("[1]"), "p"));
  }
}
