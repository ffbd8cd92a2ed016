package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Column;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.template.Templates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rendered plan follows the workflow's Generation Plan format and lists every column. */
class RenderTest {

  @Test
  void rendersTheGenerationPlanWithEveryColumn() throws Exception {
    Plan p = Templates.load("retail");
    Tiers.Decision d = Tiers.decide(265_000, p.destination(), 0);
    String md = PlanRenderer.markdown(p, new PlanRenderer.Context("pln_x", 2, d, "synthgen local engine",
        "`output/retail/` (Parquet, zstd)", Map.of("line_items", 149_321L)));
    assertTrue(md.startsWith("## 📋 Generation Plan: Retail (pln_x, version 2)"), md);
    assertTrue(md.contains("**Tier:** 2 | **Engine:** synthgen local engine | **Seed:** 42"), md);
    assertTrue(md.contains("**Compute:** None (local only)"), md);
    assertTrue(md.contains("### line_items — 149,321 rows"), md);
    assertTrue(md.contains("### Relationships"), md);
    assertTrue(md.contains("- `transactions.customer_id` → `customers.customer_id` (zipf 0.6)"), md);
    assertTrue(md.contains("\"looks good\""), md);
    assertTrue(md.contains("\"sample\""), md);
    for (Table t : p.tables()) {
      for (Column c : t.columns()) {
        assertTrue(md.contains("| " + c.name() + " | " + c.type() + " | "), "row for " + t.name() + "." + c.name());
      }
    }
  }

  @Test
  void decisionTree() {
    Destination local = Destination.local("x");
    Destination uc = new Destination(Destination.Kind.UNITY_CATALOG, null, null, Destination.Compression.ZSTD,
        "main", "demo", null);
    assertEquals(1, Tiers.decide(99_999, local, 0).tier());
    assertEquals(2, Tiers.decide(100_000, local, 0).tier());
    assertEquals(2, Tiers.decide(5_000_000, local, 0).tier());
    assertEquals(3, Tiers.decide(5_000_001, local, 0).tier());
    assertEquals(3, Tiers.decide(10, local, 3).tier());
    assertTrue(Tiers.decide(10, uc, 0).serverless());
    assertTrue(Tiers.decide(10, uc, 0).reason().startsWith("Tier 1 + UC write"));
    assertTrue(!Tiers.decide(10, local, 0).serverless());
  }
}
