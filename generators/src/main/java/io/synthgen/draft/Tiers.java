package io.synthgen.draft;

import io.synthgen.plan.Destination;
import java.util.Locale;

/**
 * The workflow's decision tree: Tier 1 below 100K rows, Tier 2 up to 5M, Tier 3 above, unless a tier is asked for;
 * a Unity Catalog destination means serverless compute on Databricks, which the person must acknowledge.
 */
public final class Tiers {

  public static final long TIER2_FROM = 100_000;
  public static final long TIER3_ABOVE = 5_000_000;

  /**
   * The decision.
   *
   * @param tier 1..3
   * @param reason one sentence: why this tier
   * @param unityCatalog the destination is Unity Catalog
   * @param serverless Databricks compute will be used, so approval needs the person's acknowledgement
   * @param compute the plan's Compute line
   */
  public record Decision(int tier, String reason, boolean unityCatalog, boolean serverless, String compute) {
  }

  private Tiers() {
  }

  public static Decision decide(long totalRows, Destination destination, int requested) {
    boolean uc = destination != null && destination.kind() == Destination.Kind.UNITY_CATALOG;
    String where = uc ? "Unity Catalog tables" : "local files";
    String rows = String.format(Locale.ROOT, "%,d rows in all", totalRows);
    int tier;
    String reason;
    if (requested >= 1 && requested <= 3) {
      tier = requested;
      reason = "Tier " + tier + " as requested (" + rows + " to " + where + ").";
    } else if (totalRows < TIER2_FROM) {
      tier = 1;
      reason = "Tier 1" + (uc ? " + UC write" : "") + ": " + rows + " (under 100K) to " + where + ".";
    } else if (totalRows <= TIER3_ABOVE) {
      tier = 2;
      reason = "Tier 2: " + rows + " (100K to 5M) to " + where + ".";
    } else {
      tier = 3;
      reason = "Tier 3: " + rows + " (over 5M) to " + where + ".";
    }
    String compute = uc ? "Serverless (Databricks SQL warehouse, to load the Unity Catalog tables)"
        : "None (local only)";
    return new Decision(tier, reason, uc, uc, compute);
  }
}
