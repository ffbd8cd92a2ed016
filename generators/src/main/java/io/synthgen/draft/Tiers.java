package io.synthgen.draft;

import io.synthgen.plan.Destination;
import java.util.Locale;

/**
 * The workflow's decision tree: Tier 1 below 100K rows, Tier 2 up to 5M, Tier 3 above, unless a tier is asked for;
 * a Unity Catalog destination means serverless compute on Databricks, which the person must acknowledge. Into Unity
 * Catalog, Tier 1 is generated on this machine and loaded by a SQL warehouse; Tiers 2 and 3 are generated inside the
 * warehouse (the plan compiled to Spark SQL).
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
   * @param compute the plan's Compute line: the engine that will really run, and where
   * @param inWarehouse the rows are generated inside a Databricks SQL warehouse (the plan compiled to Spark SQL)
   *     rather than on this machine
   */
  public record Decision(int tier, String reason, boolean unityCatalog, boolean serverless, String compute,
      boolean inWarehouse) {

    /** The same decision with the rows generated on this machine and uploaded (a plan the warehouse cannot run). */
    public Decision uploaded(String why) {
      return new Decision(tier, reason, unityCatalog, serverless, UPLOAD_COMPUTE + "; " + why, false);
    }

    /** The same decision with the warehouse's Compute line and its estimate. */
    public Decision inWarehouse(String warehouse, boolean serverlessWarehouse, long rows, long bytes) {
      return new Decision(tier, reason, unityCatalog, serverless, warehouseCompute(warehouse, serverlessWarehouse,
          rows, bytes), true);
    }
  }

  /** The Compute line when this machine generates the rows and a warehouse loads the uploaded files. */
  public static final String UPLOAD_COMPUTE = "Serverless (Databricks SQL warehouse, to load the Unity Catalog "
      + "tables)";

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
    // tiers 2 and 3 into Unity Catalog generate inside the warehouse; tier 1 is made here and uploaded
    boolean warehouse = uc && tier >= 2;
    String compute = warehouse ? warehouseCompute(null, true, totalRows, -1) : uc ? UPLOAD_COMPUTE
        : "None (local only)";
    return new Decision(tier, reason, uc, uc, compute, warehouse);
  }

  /**
   * The Compute line of rows generated in a SQL warehouse: "Databricks SQL warehouse 'Starter', serverless:
   * generates 5,000,000 rows (about 1.2 GB uncompressed) there with the plan compiled to Spark SQL; nothing is
   * generated or uploaded from this machine".
   *
   * @param warehouse the warehouse's name, or null while it is chosen at write time
   * @param bytes the estimated uncompressed bytes, or negative when not estimated
   */
  public static String warehouseCompute(String warehouse, boolean serverless, long rows, long bytes) {
    StringBuilder b = new StringBuilder("Databricks SQL warehouse ");
    b.append(warehouse == null ? "(chosen at write time)" : "'" + warehouse + "'");
    b.append(serverless ? ", serverless" : ", classic/pro");
    b.append(String.format(Locale.ROOT, ": generates %,d rows", rows));
    if (bytes >= 0) {
      b.append(" (about ").append(bytesText(bytes)).append(" uncompressed)");
    }
    return b.append(" there with the plan compiled to Spark SQL; nothing is generated or uploaded from this machine")
        .toString();
  }

  /** "1.2 GB", "340 MB", "12 KB": decimal units, as storage is billed. */
  public static String bytesText(long bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    double v = bytes;
    int u = 0;
    while (v >= 999.5 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, v < 9.95 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }
}
