package io.synthgen.server.plan;

import java.time.Instant;
import java.util.List;

/**
 * A plan as the store holds it: every version, the owner (the session that proposed it; see {@link PlanStore})
 * and the approval, if any. Immutable: each change makes a new snapshot.
 */
public record StoredPlan(String id, String owner, Instant created, List<PlanVersion> versions, Approval approval) {

  public StoredPlan {
    versions = List.copyOf(versions);
  }

  public PlanVersion latest() {
    return versions.get(versions.size() - 1);
  }

  /** The version, or null when there is no such version. */
  public PlanVersion version(int v) {
    return v >= 1 && v <= versions.size() ? versions.get(v - 1) : null;
  }

  /** True when the current version is approved. */
  public boolean currentApproved() {
    return approval != null && approval.version() == latest().version();
  }
}
