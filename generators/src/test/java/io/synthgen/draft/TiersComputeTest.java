package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.template.Templates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Compute line names the engine that really runs: here, a warehouse loading uploads, or the warehouse itself. */
class TiersComputeTest {

  private static final Destination UC = new Destination(Destination.Kind.UNITY_CATALOG, null, null,
      Destination.Compression.ZSTD, "main", "demo", null);

  @Test
  void tiersTwoAndThreeIntoUnityCatalogAreGeneratedInTheWarehouse() {
    Tiers.Decision t2 = Tiers.decide(2_500_000, UC, 0);
    assertEquals(2, t2.tier());
    assertTrue(t2.inWarehouse());
    assertEquals("Databricks SQL warehouse (chosen at write time), serverless: generates 2,500,000 rows there with "
        + "the plan compiled to Spark SQL; nothing is generated or uploaded from this machine", t2.compute());
    assertTrue(Tiers.decide(10, UC, 3).inWarehouse(), "a requested tier counts");

    Tiers.Decision named = t2.inWarehouse("Starter", true, 2_500_000, 1_234_000_000L);
    assertEquals("Databricks SQL warehouse 'Starter', serverless: generates 2,500,000 rows (about 1.2 GB "
        + "uncompressed) there with the plan compiled to Spark SQL; nothing is generated or uploaded from this "
        + "machine", named.compute());
    assertTrue(t2.inWarehouse("Classic", false, 1, 10).compute().startsWith("Databricks SQL warehouse 'Classic', "
        + "classic/pro: generates 1 rows (about 10 bytes uncompressed)"));

    Tiers.Decision back = t2.uploaded("a plan with a series is generated on this machine and uploaded");
    assertFalse(back.inWarehouse());
    assertEquals(Tiers.UPLOAD_COMPUTE + "; a plan with a series is generated on this machine and uploaded",
        back.compute());
  }

  @Test
  void tierOneIntoUnityCatalogIsUploadedAndLocalPlansUseNoCompute() {
    Tiers.Decision t1 = Tiers.decide(99_999, UC, 0);
    assertFalse(t1.inWarehouse());
    assertEquals(Tiers.UPLOAD_COMPUTE, t1.compute());
    Tiers.Decision local = Tiers.decide(50_000_000, Destination.local("x"), 0);
    assertEquals(3, local.tier());
    assertFalse(local.inWarehouse());
    assertEquals("None (local only)", local.compute());
  }

  @Test
  void theRenderedPlanCarriesTheComputeLine() throws Exception {
    Plan p = Templates.load("retail").withDestination(UC);
    Tiers.Decision d = Tiers.decide(265_000, UC, 0).inWarehouse(null, true, 265_000, 98_700_000);
    String md = PlanRenderer.markdown(p, new PlanRenderer.Context("pln_x", 1, d, "Spark SQL", "`main.demo.*`",
        Map.of()));
    assertTrue(md.contains("**Compute:** Databricks SQL warehouse (chosen at write time), serverless: generates "
        + "265,000 rows (about 99 MB uncompressed) there"), md);
  }

  @Test
  void bytesReadInDecimalUnits() {
    assertEquals("0 bytes", Tiers.bytesText(0));
    assertEquals("999 bytes", Tiers.bytesText(999));
    assertEquals("1.0 KB", Tiers.bytesText(1_000));
    assertEquals("9.9 MB", Tiers.bytesText(9_940_000));
    assertEquals("10 MB", Tiers.bytesText(9_960_000));
    assertEquals("1.0 GB", Tiers.bytesText(999_600_000));
    assertEquals("120 TB", Tiers.bytesText(120_000_000_000_000L));
  }
}
