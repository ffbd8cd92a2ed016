package io.synthgen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The healthcare cdc recipe at 2,000 patients, batches 0..4 and the state after each written to Parquet and read in
 * DuckDB: an UPDATE that completes an encounter keeps its stay, so every claim stays dated within its encounter's
 * stay, in every feed row and every state.
 */
class HealthcareCdcStaysTest {

  /** Claims dated outside the stay of their encounter, for encounters with a discharge. */
  private static final String OUTSIDE = "SELECT count(*) FROM %s c JOIN %s e USING (encounter_id) WHERE "
      + "e.discharge_datetime IS NOT NULL AND (c.service_date < e.admit_datetime::DATE "
      + "OR c.service_date > e.discharge_datetime::DATE)";

  @Test
  void claimsStayWithinTheirEncountersStayThroughEveryBatchAndState(@TempDir Path dir) throws Exception {
    ResolvedPlan p = Plans.resolve(Recipes.cdc(Plans.template("healthcare", 2_000)));
    try (Duck duck = new Duck()) {
      for (long k = 0; k < 5; k++) {
        Runs.generate(p, k, dir.resolve("b" + k), WriterOptions.parquetZstd(), new Engine(2, 4_096), Progress.NONE,
            new Cancellation());
        Path s = dir.resolve("s" + k);
        Runs.snapshot(p, k, s, WriterOptions.parquetZstd(), new Engine(2, 4_096), Progress.NONE, new Cancellation());
        duck.parquetViews(s, "encounters", "claims");
        assertEquals(0, duck.count(OUTSIDE.formatted("claims", "encounters")), "state after " + k);
        long discharged = duck.count("SELECT count(*) FROM claims c JOIN encounters e USING (encounter_id) "
            + "WHERE e.discharge_datetime IS NOT NULL");
        assertTrue(k == 0 ? discharged == 0 : discharged > 300, "claims of discharged encounters after " + k
            + ": " + discharged);
      }
      String all = dir.toString().replace("'", "''");
      duck.exec("CREATE VIEW enc_versions AS SELECT * FROM read_parquet('" + all + "/b*/encounters_cdc.parquet')");
      duck.exec("CREATE VIEW claim_versions AS SELECT * FROM read_parquet('" + all + "/b*/claims_cdc.parquet')");
      assertEquals(0, duck.count(OUTSIDE.formatted("claim_versions", "enc_versions")),
          "every version of a claim within every version of its encounter's stay");
      assertEquals(0, duck.count("SELECT count(*) FROM (SELECT encounter_id FROM enc_versions GROUP BY 1 "
          + "HAVING count(DISTINCT admit_datetime) > 1 OR count(DISTINCT discharge_datetime) > 1)"),
          "an encounter's stay is the same in every version that has one");
      assertTrue(duck.count("SELECT count(*) FROM enc_versions WHERE operation = 'UPDATE' AND status = "
          + "'Completed'") > 500, "updates complete encounters");
    }
  }
}
