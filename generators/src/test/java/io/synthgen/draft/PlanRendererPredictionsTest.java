package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.draft.predict.Predictor;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rendered plan's prediction section: after the relationships, one line per prediction, only when given. */
class PlanRendererPredictionsTest {

  @Test
  void thePredictionsAreShownAfterTheRelationshipsWhenGiven() throws Exception {
    Plan p = DrafterTest.draft(DrafterTest.SHOP);
    ResolvedPlan r = Resolver.resolve(p);
    Tiers.Decision d = Tiers.decide(r.totalRows(), p.destination(), 0);
    String with = PlanRenderer.markdown(p, new PlanRenderer.Context("pln_x", 1, d, "synthgen local engine",
        "`output/shop/`", Map.of(), Predictor.predict(r)));
    String without = PlanRenderer.markdown(p, new PlanRenderer.Context("pln_x", 1, d, "synthgen local engine",
        "`output/shop/`", Map.of()));
    int section = with.indexOf("### What it will make (predicted)");
    assertTrue(section > with.indexOf("### Relationships") && section < with.indexOf("**Options:**"), with);
    assertTrue(with.contains("- `customers.tier`: Free 60% (~3,000), Pro 30% (~1,500), Enterprise 10% (~500) of "
        + "5,000 rows"), with);
    // 15,000 orders over 5,000 customers weighted 1/2/5 (sum of share x weight 1.7): Enterprise 15000 * 5 / 8500
    assertTrue(with.matches("(?s).*Enterprise customers: 8\\.[89] orders each \\(2\\d(\\.\\d)?% of orders\\).*"),
        with);
    assertTrue(with.contains("(exact over all 5,000 customers)"), with);
    assertFalse(without.contains("predicted"), without);
  }
}
