package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.series.keys.BatchKeys;
import io.synthgen.series.keys.History;
import io.synthgen.series.keys.ChangeKind;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * The SCD type 2 history of a change-feed table after batches 0..K: for every key inserted by K, one row per
 * version (its insert, then each UPDATE through K) with the version's values, {@code effective_from} = the
 * version's operation instant, {@code effective_to} = the next version's instant, or the delete's instant when the
 * key is deleted by K, or NULL for the current version, and {@code is_current} (true exactly for the last version of
 * a live key). Rows are ordered by key, then effective_from. Versions of a key are contiguous by construction.
 * Rows: {@code N + K·A + K·U} in closed form (every UPDATE of batches 1..K adds one version of a key inserted
 * before it).
 *
 * <p>Chunks by output row go through a {@link VersionIndex} over the {@code N + K·A} keys built once per source
 * from the K·U updates (O(K·U) lifecycle calls, at most 512 KiB); a chunk walks at most one block of keys (O(K)
 * each, the key's history) to its first row. Immutable and thread-safe.
 */
final class HistorySource implements TableSource {

  private final FeedSpec spec;
  private final String name;
  private final long after;
  private final long keys;
  private final VersionIndex index;
  private final List<OutputColumn> columns;

  HistorySource(FeedSpec spec, String name, long after) {
    spec.checkBatch(after);
    this.spec = spec;
    this.name = name;
    this.after = after;
    KeyLifecycle life = spec.lifecycle();
    this.keys = life.baseRows() + after * life.appends();
    long[] counts = VersionIndex.counts(keys, 1);
    for (long b = 1; b <= after; b++) {
      BatchKeys batch = life.batch(b);
      for (long j = 0; j < life.updates(); j++) {
        VersionIndex.add(counts, keys, batch.updatedKey(j), 1);
      }
    }
    this.index = new VersionIndex(keys, counts);
    long expected = keys + after * life.updates();
    if (index.rows() != expected) {
      throw new IllegalStateException("history after " + after + " has " + index.rows() + " rows, not " + expected);
    }
    List<OutputColumn> cols = new ArrayList<>(spec.baseColumns());
    cols.add(new OutputColumn(io.synthgen.plan.History.EFFECTIVE_FROM, DataType.TIMESTAMP, false, -1,
        "the instant this version was made"));
    cols.add(new OutputColumn(io.synthgen.plan.History.EFFECTIVE_TO, DataType.TIMESTAMP, true, -1,
        "the instant the next version (or the delete) replaced it; NULL while current"));
    cols.add(new OutputColumn(io.synthgen.plan.History.IS_CURRENT, DataType.BOOLEAN, false, 2,
        "true for the current version of a live key"));
    this.columns = List.copyOf(cols);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<OutputColumn> columns() {
    return columns;
  }

  @Override
  public long rows() {
    return index.rows();
  }

  @Override
  public ResolvedTable table() {
    return null;
  }

  private long versions(long key) {
    History h = spec.lifecycle().history(key, after);
    return h.deleted() ? h.events().size() - 1 : h.events().size();
  }

  @Override
  public Batch chunk(long first, int n) {
    if (first < 0 || n < 0 || first + n > rows()) {
      throw new IllegalArgumentException("rows [" + first + ", " + (first + n) + ") outside [0, " + rows() + ")");
    }
    KeyLifecycle life = spec.lifecycle();
    VersionRows images = new VersionRows(n);
    long[] positions = new long[n];
    long[] from = new long[n];
    long[] to = new long[n];
    boolean[] open = new boolean[n];
    boolean[] current = new boolean[n];
    int i = 0;
    if (n > 0) {
      long[] at = index.locate(first, this::versions);
      long key = at[0];
      int skip = (int) (first - at[1]);
      while (i < n) {
        List<History.Event> events = life.history(key, after).events();
        for (int e = skip; e < events.size() && i < n; e++) {
          History.Event ev = events.get(e);
          if (ev.kind() == ChangeKind.DELETE) {
            break;
          }
          positions[i] = first + i;
          if (ev.kind() == ChangeKind.APPEND) {
            images.addInsert(life, key);
          } else {
            images.addUpdate(life, key, ev.batch(), ev.ordinal());
          }
          from[i] = spec.instant(ev.batch(), ev.row());
          if (e + 1 < events.size()) {
            History.Event next = events.get(e + 1);
            to[i] = spec.instant(next.batch(), next.row());
          } else {
            open[i] = true;
            current[i] = true;
          }
          i++;
        }
        skip = 0;
        key++;
      }
    }
    Batch base = VersionEvaluator.of(spec, images).outputBatch();
    List<String> names = new ArrayList<>(base.names());
    List<Vec> vecs = new ArrayList<>(base.vectors());
    LongVec toVec = new LongVec(DataType.TIMESTAMP, to, n);
    toVec.setNulls(open);
    vecs.add(new LongVec(DataType.TIMESTAMP, from, n));
    vecs.add(toVec);
    vecs.add(new BoolVec(current, n));
    names.add(io.synthgen.plan.History.EFFECTIVE_FROM);
    names.add(io.synthgen.plan.History.EFFECTIVE_TO);
    names.add(io.synthgen.plan.History.IS_CURRENT);
    return new Batch(positions, n, names, vecs);
  }
}
