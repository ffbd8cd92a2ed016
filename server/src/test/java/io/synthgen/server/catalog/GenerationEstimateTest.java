package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The estimate shown before generating in a warehouse, and which plans the warehouse does not generate. */
class GenerationEstimateTest {

  private static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "est", "seed": 1, "reference_date": "2025-01-01",
       "tables": [
        {"name": "a", "rows": 10000, "columns": [
          {"name": "id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1},
          {"name": "n", "type": "int", "strategy": "uniform", "min": 1, "max": 9},
          {"name": "code", "type": "string", "strategy": "pattern", "pattern": "AB-####"},
          {"name": "half", "type": "string", "strategy": "values", "values": ["xyz"], "null_rate": 0.5},
          {"name": "hidden", "type": "string", "strategy": "values", "values": ["not counted"], "omit": true},
          {"name": "d", "type": "date", "strategy": "date_range", "start": "2024-01-01", "end": "2024-12-31",
           "interval": "1 day"},
          {"name": "ok", "type": "boolean", "strategy": "boolean", "probability": 0.5},
          {"name": "big", "type": "decimal(12,2)", "strategy": "uniform", "min": 0, "max": 1}]}]}
      """;

  @Test
  void bytesAreFixedWidthsPlusMeasuredStringsTimesTheExactRows() throws Exception {
    ResolvedPlan r = Resolver.resolve(PlanCodec.read(PLAN));
    GenerationEstimate e = GenerationEstimate.of(r);
    assertEquals(10_000, e.rows());
    // 8 + 4 + (4 + 7) + about half of (4 + 3) + 4 + 1 + 8; the omitted column is not in the table
    double perRow = e.bytes() / 10_000.0;
    assertTrue(perRow > 8 + 4 + 11 + 4 + 1 + 8 + 2.5 && perRow < 8 + 4 + 11 + 4 + 1 + 8 + 4.5,
        "bytes per row " + perRow);
  }

  @Test
  void aSeriesOrInjectedDefectsAreNotGeneratedInTheWarehouse() throws Exception {
    Plan plain = PlanCodec.read(PLAN);
    assertTrue(WarehouseGeneration.unsupported(plain).isEmpty());
    List<Table> tables = new ArrayList<>(plain.tables());
    tables.set(0, tables.get(0).withQuality(new Quality(List.of(), null)));
    String why = WarehouseGeneration.unsupported(plain.withTables(tables)).orElseThrow();
    assertTrue(why.startsWith("injected data-quality defects (a) are made by the local engine only"), why);
    assertFalse(why.isBlank());
  }
}
