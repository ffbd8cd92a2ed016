package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import org.junit.jupiter.api.Test;

class EngineDefaultsTest {

  private static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "shop", "seed": 7, "reference_date": "2025-01-01", "tables": [
        {"name": "customers", "rows": 10, "primary_key": "customer_id", "columns": [
          {"name": "customer_id", "type": "bigint", "strategy": "sequence", "start": 1, "step": 1}]}]}
      """;

  @Test
  void theTierByRowsDecidesTablesAndFilesStayOnThisMachine() throws Exception {
    Plan plan = PlanCodec.read(PLAN);
    EngineDefaults.Choice small = EngineDefaults.choose(plan, 99_999, 0, PublishRequest.Target.TABLES, false);
    assertEquals(new EngineDefaults.Choice(PublishRequest.Engine.UPLOAD,
        "Tier 1: generated on this machine and uploaded"), small);
    EngineDefaults.Choice big = EngineDefaults.choose(plan, 100_000, 0, PublishRequest.Target.TABLES, false);
    assertEquals(new EngineDefaults.Choice(PublishRequest.Engine.WAREHOUSE, "Tier 2: generated in the SQL warehouse"),
        big);
    assertEquals(PublishRequest.Engine.WAREHOUSE,
        EngineDefaults.choose(plan, 10, 3, PublishRequest.Target.TABLES, false).engine(), "a requested tier 3");
    assertEquals(PublishRequest.Engine.UPLOAD,
        EngineDefaults.choose(plan, 5_000_000, 0, PublishRequest.Target.FILES, false).engine(), "files");
    assertEquals(PublishRequest.Engine.UPLOAD,
        EngineDefaults.choose(plan, 5_000_000, 0, PublishRequest.Target.TABLES, true).engine(), "a batch");
  }
}
