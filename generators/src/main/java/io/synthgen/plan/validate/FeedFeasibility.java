package io.synthgen.plan.validate;

import io.synthgen.plan.ChangeFeed;
import io.synthgen.series.keys.OperationCounts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways out of a change feed whose key lifecycle runs out before the series' last batch, each computed for the
 * plan at hand so that it alone makes every batch 1 .. {@code last} feasible. Batch b ≥ 1 needs
 * {@code N + (b-1)A - bD >= U} (see {@link io.synthgen.series.KeyLifecycle}), i.e.
 * {@code N >= U + D + (b-1)(D - A)}: the binding batch is the last one when D &gt; A and batch 1 otherwise.
 */
final class FeedFeasibility {

  private FeedFeasibility() {
  }

  /** True when a table of {@code rows} rows with these counts can run batches 1 .. {@code last}. */
  static boolean feasible(long rows, OperationCounts c, long last) {
    return BigInteger.valueOf(rows).compareTo(rowsNeeded(c, last)) >= 0;
  }

  /** The fewest base rows that keep batches 1 .. {@code last} feasible: {@code U + D + (last-1)·max(0, D-A)}. */
  static BigInteger rowsNeeded(OperationCounts c, long last) {
    long outrun = Math.max(0, c.deletes() - c.appends());
    return BigInteger.valueOf(c.updates()).add(BigInteger.valueOf(c.deletes()))
        .add(BigInteger.valueOf(Math.max(0, last - 1)).multiply(BigInteger.valueOf(outrun)));
  }

  /**
   * The largest rows_per_batch below {@code given} at which the table's batches 1 .. {@code last} are feasible
   * while the next one up is not, by bisection between 0 (always feasible: no operation) and {@code given}
   * (infeasible). Largest-remainder counts are not monotone in the rows they split (one more row can move a DELETE
   * to an APPEND), so the answer is a boundary of the exact rule, checked with the counts the feed would use.
   */
  static long rowsPerBatch(long rows, ChangeFeed.Weights w, long given, long last) {
    long lo = 0;
    long hi = given;
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (feasible(rows, OperationCounts.of(w.append(), w.update(), w.delete(), mid), last)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The fixes for a lifecycle whose last feasible batch {@code feasible} is before {@code last}: fewer batches;
   * the delete weight lowered to the append weight, only when DELETEs outrun APPENDs and that alone suffices; the
   * rows that suffice (within {@link PlanLimits#MAX_ROWS}); the largest rows_per_batch that does.
   */
  static String fixes(String table, long rows, ChangeFeed.Weights w, long rowsPerBatch, OperationCounts c,
      long feasible, long last) {
    List<String> ways = new ArrayList<>();
    ways.add("use at most " + (feasible + 1) + " batch" + (feasible == 0 ? "" : "es") + " (\"batches\": "
        + (feasible + 1) + ")");
    if (c.deletes() > c.appends() && w.append() + w.update() > 0) {
      OperationCounts equal = OperationCounts.of(w.append(), w.update(), w.append(), rowsPerBatch);
      if (feasible(rows, equal, last)) {
        ways.add("a delete weight at most the append weight (\"delete\": " + number(w.append()) + "), so deletes "
            + "never outrun appends");
      }
    }
    BigInteger need = rowsNeeded(c, last);
    if (need.compareTo(BigInteger.valueOf(PlanLimits.MAX_ROWS)) <= 0) {
      ways.add("rows >= " + need + " in " + table + " (batch " + (c.deletes() > c.appends() ? last : 1)
          + " needs " + c.updates() + " + " + c.deletes() + (c.deletes() > c.appends() ? " + " + (last - 1)
          + " x " + (c.deletes() - c.appends()) + " more deleted than appended" : "") + " live keys)");
    }
    ways.add("\"rows_per_batch\": " + rowsPerBatch(rows, w, rowsPerBatch, last) + " (at which every batch has the keys "
        + "it needs, and at one more it has not)");
    return String.join(", or ", ways);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
