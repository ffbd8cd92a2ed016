package io.synthgen.server.catalog;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.nio.charset.StandardCharsets;

/**
 * What generating a plan makes, before it runs: its exact rows and an estimate of its bytes, uncompressed (as Spark
 * sizes rows: fixed widths per type, strings by their UTF-8 length plus a 4-byte offset). Delta files are usually
 * several times smaller once compressed. String widths and null shares are measured on {@value #SAMPLE_ROWS} evenly
 * spaced rows of each table, computed as the run computes them.
 *
 * @param rows rows in all tables together
 * @param bytes estimated uncompressed bytes of all tables together
 */
public record GenerationEstimate(long rows, long bytes) {

  /** Rows of each table evaluated to measure its string widths and null shares. */
  public static final int SAMPLE_ROWS = 200;

  public static GenerationEstimate of(ResolvedPlan plan) {
    long bytes = 0;
    for (ResolvedTable t : plan.tables()) {
      if (t.rows() > 0) {
        bytes += Math.round(rowBytes(plan, t) * t.rows());
      }
    }
    return new GenerationEstimate(plan.totalRows(), bytes);
  }

  /** The mean bytes of a row of {@code t}, over evenly spaced rows. */
  static double rowBytes(ResolvedPlan plan, ResolvedTable t) {
    int n = (int) Math.min(SAMPLE_ROWS, t.rows());
    long[] rows = new long[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i * (t.rows() / n) + Math.min(i, t.rows() % n);
    }
    Batch b = new TableEvaluator(plan, t, rows, n).outputBatch();
    double total = 0;
    for (Vec v : b.vectors()) {
      long sum = 0;
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          sum += width(v, i);
        }
      }
      total += (double) sum / n;
    }
    return total;
  }

  private static long width(Vec v, int i) {
    DataType type = v.type();
    switch (type.kind()) {
      case BIGINT:
      case DOUBLE:
      case TIMESTAMP:
      case DECIMAL:
        // a plan decimal has at most 18 digits: Spark keeps it in a long
        return 8;
      case INT:
      case DATE:
        return 4;
      case BOOLEAN:
        return 1;
      case STRING:
        return 4 + ((StrVec) v).str(i).getBytes(StandardCharsets.UTF_8).length;
    }
    throw new IllegalStateException("no width for " + type);
  }
}
