package io.synthgen.server.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.template.Templates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions are immutable, approvals pinned, stale versions refused, and a new store reads everything back. */
class PlanStoreTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path state;

  @Test
  void versionsApprovalsAndRestart() throws Exception {
    Plan retail = Templates.load("retail");
    PlanStore store = new PlanStore(state, CLOCK);
    StoredPlan p = store.create("a", retail, "proposed", 0);
    store.approve(p.id(), 1, false);
    StoredPlan v2 = store.revise(p.id(), 1, retail.withSeed(7), "1 change", List.of("seed: 42 → 7"), 0);
    assertEquals(2, v2.latest().version());
    assertEquals(1, v2.approval().version());
    assertTrue(!v2.currentApproved(), "the approval of version 1 does not cover version 2");
    PlanStoreException stale = assertThrows(PlanStoreException.class,
        () -> store.revise(p.id(), 1, retail, "again", List.of(), 0));
    assertEquals(PlanStoreException.Kind.STALE_VERSION, stale.kind());
    assertThrows(PlanStoreException.class, () -> store.approve(p.id(), 1, false));

    PlanStore restarted = new PlanStore(state, CLOCK);
    StoredPlan back = restarted.get(p.id());
    assertEquals(2, back.versions().size());
    assertEquals(42, back.version(1).plan().seed());
    assertEquals(7, back.latest().plan().seed());
    assertEquals(List.of("seed: 42 → 7"), back.latest().diff());
    assertEquals(1, back.approval().version());
    assertEquals(List.of(p.id()), restarted.list("a").stream().map(StoredPlan::id).toList());
    assertEquals(List.of(), restarted.list("b"));
  }

  @Test
  void unknownAndMalformedIds() {
    PlanStore store = new PlanStore(state, CLOCK);
    for (String id : List.of("pln_aaaaaaaaaaaaaaaaaaaaaaaaaa", "../../etc/passwd", "", "pln_")) {
      PlanStoreException e = assertThrows(PlanStoreException.class, () -> store.get(id));
      assertEquals(PlanStoreException.Kind.UNKNOWN_PLAN, e.kind());
    }
  }

  @Test
  void idsAreUnguessable() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = Ids.mint("pln");
      assertTrue(Ids.wellFormed(id, "pln"), id);
      ids.add(id);
    }
    assertEquals(10_000, ids.size());
    // 26 base32 characters: 130 bits of which 128 are random
    assertEquals(4 + 26, ids.iterator().next().length());
    assertNotEquals(Ids.mint("pln"), Ids.mint("pln"));
  }
}
