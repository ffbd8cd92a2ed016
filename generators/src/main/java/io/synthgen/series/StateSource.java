package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import java.util.List;

/**
 * The state of a change-feed table after batches 0..K, under the table's own name: every key inserted by K and not
 * deleted by K, in key order, with its last version's values ({@code lastVersion(key, K + 1)}) — what applying the
 * feeds 0..K with MERGE (latest operation wins, delete on DELETE) leaves. Rows: {@code N + K·A − K·D}.
 *
 * <p>Chunks by output row go through a {@link VersionIndex} over the {@code N + K·A} keys, built once per source
 * from the K·D deletes (O(K·D) lifecycle calls); it holds at most 512 KiB whatever the key count (one long per
 * block of {@code max(1024, keys / 65536)} keys). A chunk walks at most one block of keys to its first row, then
 * its rows and the deleted keys between them. Immutable and thread-safe.
 */
final class StateSource implements TableSource {

  private final FeedSpec spec;
  private final long after;
  private final long keys;
  private final VersionIndex index;

  StateSource(FeedSpec spec, long after) {
    spec.checkBatch(after);
    this.spec = spec;
    this.after = after;
    KeyLifecycle life = spec.lifecycle();
    this.keys = life.baseRows() + after * life.appends();
    long[] counts = VersionIndex.counts(keys, 1);
    for (long b = 1; b <= after; b++) {
      for (long j = 0; j < life.deletes(); j++) {
        VersionIndex.add(counts, keys, life.deletedKey(b, j), -1);
      }
    }
    this.index = new VersionIndex(keys, counts);
    long expected = keys - after * life.deletes();
    if (index.rows() != expected) {
      throw new IllegalStateException("state after " + after + " has " + index.rows() + " rows, not " + expected);
    }
  }

  /** Live keys after K in closed form: {@code N + K·A − K·D}. */
  static long rows(KeyLifecycle life, long after) {
    return life.baseRows() + after * (life.appends() - life.deletes());
  }

  @Override
  public String name() {
    return spec.table().name();
  }

  @Override
  public List<OutputColumn> columns() {
    return spec.baseColumns();
  }

  @Override
  public long rows() {
    return index.rows();
  }

  @Override
  public ResolvedTable table() {
    return null;
  }

  private boolean live(long key) {
    return spec.lifecycle().deleteBatch(key) > after;
  }

  @Override
  public Batch chunk(long first, int n) {
    if (first < 0 || n < 0 || first + n > rows()) {
      throw new IllegalArgumentException("rows [" + first + ", " + (first + n) + ") outside [0, " + rows() + ")");
    }
    KeyLifecycle life = spec.lifecycle();
    VersionRows images = new VersionRows(n);
    long[] positions = new long[n];
    long key = n == 0 ? 0 : index.locate(first, k -> live(k) ? 1 : 0)[0];
    for (int i = 0; i < n; i++, key++) {
      while (!live(key)) {
        key++;
      }
      positions[i] = first + i;
      images.add(life, key, life.lastVersion(key, after + 1));
    }
    Batch b = VersionEvaluator.of(spec, images).outputBatch();
    return new Batch(positions, n, b.names(), b.vectors());
  }
}
