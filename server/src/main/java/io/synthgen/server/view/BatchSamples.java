package io.synthgen.server.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.TableSource;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.series.AppendSlices;
import io.synthgen.series.Batches;
import io.synthgen.series.FeedSources;
import io.synthgen.series.TableRole;
import io.synthgen.vec.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The batches part of a sample: for every table with a change feed and every append table of a plan with a series,
 * the first rows of batch 0 and of batch 1 as those batches write them (the sources {@link Batches#batch} writes
 * for the table), each marked with its batch, so the person sees a full load and the operations after it (or an
 * append table's keys continuing).
 */
public final class BatchSamples {

  /** Rows shown of each batch of each such table (structured and text). */
  public static final int ROWS_PER_BATCH = 5;

  /** The batches shown: the full load and the first batch after it. */
  static final int BATCHES = 2;

  private BatchSamples() {
  }

  /** One batch of one table: the source's name, its batch, its rows in that batch and the first of them. */
  public record Shown(String table, String name, String role, long batch, long rows, Batch head) {
  }

  /** What a sample shows of the plan's batches; empty for a plan without a series or without such tables. */
  public static List<Shown> of(ResolvedPlan r) {
    List<Shown> out = new ArrayList<>();
    if (r.series() == null) {
      return out;
    }
    for (ResolvedTable t : r.tables()) {
      TableRole role = TableRole.of(t);
      if (role != TableRole.FEED && role != TableRole.APPEND) {
        continue;
      }
      for (long k = 0; k < Math.min(BATCHES, r.series().batches()); k++) {
        // the source Batches.batch(r, k) writes for the table, made alone: the others' (a history's index) are
        // not built for a preview
        TableSource s = role == TableRole.FEED ? FeedSources.feed(r, t, k) : AppendSlices.slice(r, t, k);
        int n = (int) Math.min(ROWS_PER_BATCH, s.rows());
        out.add(new Shown(t.name(), s.name(), role.label(), k, s.rows(), s.chunk(0, n)));
      }
    }
    return out;
  }

  public static ArrayNode json(List<Shown> shown) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Shown s : shown) {
      ObjectNode o = out.addObject();
      o.put("table", s.table());
      o.put("name", s.name());
      o.put("role", s.role());
      o.put("batch", s.batch());
      o.put("batch_rows", s.rows());
      o.set("rows", Samples.rows(s.head(), ROWS_PER_BATCH));
    }
    return out;
  }

  public static String text(List<Shown> shown) {
    StringBuilder b = new StringBuilder();
    for (Shown s : shown) {
      String what = s.role().equals("feed") ? (s.batch() == 0 ? "rows (the full load)" : "operations") : "rows";
      b.append(String.format(Locale.ROOT, "%n### %s, batch %d: first %d of %,d %s%n", s.name(), s.batch(),
          Math.min(ROWS_PER_BATCH, s.head().size()), s.rows(), what));
      b.append(Samples.head(s.head(), ROWS_PER_BATCH));
    }
    return b.toString();
  }
}
