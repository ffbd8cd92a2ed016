package io.synthgen.series;

import io.synthgen.series.keys.KeyLifecycle;
import io.synthgen.series.keys.BatchKeys;
import io.synthgen.series.keys.Op;
import io.synthgen.series.keys.ChangeKind;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Utf8Builder;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch k of a table's change feed. Batch 0 is the full load: an APPEND of every base row, in key order. A later
 * batch has the lifecycle's A + U + D operations in the order of its row permutation; an APPEND carries the base
 * row of its new key, an UPDATE the key's row with the changed columns drawn at its version row, a DELETE the key's
 * last version. Every row's instant is {@link FeedSpec#instant}. The formats (plain, delta_cdf, debezium) are
 * described in {@code docs/change-feeds.md}; a delta_cdf UPDATE is two rows (preimage, postimage), found by a
 * {@link VersionIndex} built once per source from the batch's U update rows. A chunk is a pure function of its
 * range. Immutable and thread-safe.
 */
final class FeedSource implements TableSource {

  private static final StrDict CDF_TYPES =
      new StrDict(List.of("insert", "update_preimage", "update_postimage", "delete"));
  private static final StrDict DEBEZIUM_OPS = new StrDict(List.of("r", "c", "u", "d"));

  private final FeedSpec spec;
  private final long batch;
  private final long feedRows;
  private final ChangeFeed.Format format;
  private final StrDict operations;
  private final List<OutputColumn> columns;
  private final VersionIndex cdfIndex;
  private final BatchKeys keys;
  private final byte[][] rowPrefixes;
  private final byte[][] keyPrefix;

  FeedSource(FeedSpec spec, long batch) {
    spec.checkBatch(batch);
    this.spec = spec;
    this.batch = batch;
    this.feedRows = spec.lifecycle().rows(batch);
    this.format = spec.format();
    this.operations = new StrDict(List.of(spec.appendName(), "UPDATE", "DELETE"));
    this.columns = columns(spec);
    this.keys = spec.lifecycle().batch(batch);
    this.rowPrefixes = FeedJson.prefixes(spec.baseColumns());
    this.keyPrefix = FeedJson.prefixes(List.of(spec.keyColumn()));
    this.cdfIndex = format == ChangeFeed.Format.DELTA_CDF && batch > 0 ? cdfIndex(spec, keys, feedRows) : null;
  }

  private static VersionIndex cdfIndex(FeedSpec spec, BatchKeys keys, long rows) {
    long[] counts = VersionIndex.counts(rows, 1);
    for (long j = 0; j < spec.lifecycle().updates(); j++) {
      VersionIndex.add(counts, rows, keys.row(ChangeKind.UPDATE, j), 1);
    }
    return new VersionIndex(rows, counts);
  }

  /** The columns of a feed in its format. */
  static List<OutputColumn> columns(FeedSpec spec) {
    List<OutputColumn> out = new ArrayList<>();
    ChangeFeed.Format f = spec.format();
    switch (f) {
      case PLAIN -> {
        out.addAll(spec.baseColumns());
        out.add(new OutputColumn(spec.operationColumn(), DataType.STRING, false, 3,
            "APPEND, UPDATE or DELETE (" + spec.appendName() + " for a new key)"));
        out.add(new OutputColumn(spec.sequenceColumn(), DataType.TIMESTAMP, false, -1,
            "the operation's instant inside its batch's window; the latest wins"));
      }
      case DELTA_CDF -> {
        out.addAll(spec.baseColumns());
        out.add(new OutputColumn("_change_type", DataType.STRING, false, 4,
            "insert, update_preimage, update_postimage or delete"));
        out.add(new OutputColumn("_commit_version", DataType.BIGINT, false, 1, "the batch number"));
        out.add(new OutputColumn("_commit_timestamp", DataType.TIMESTAMP, false, -1, "the operation's instant"));
      }
      case DEBEZIUM -> {
        out.add(new OutputColumn("key", DataType.STRING, false, -1, "the primary key as a JSON object"));
        out.add(new OutputColumn("before", DataType.STRING, true, -1, "the row before the change, as JSON"));
        out.add(new OutputColumn("after", DataType.STRING, true, -1, "the row after the change, as JSON"));
        out.add(new OutputColumn("op", DataType.STRING, false, 4, "r (snapshot read), c, u or d"));
        out.add(new OutputColumn("ts_ms", DataType.BIGINT, false, -1, "the operation's instant, ms since the epoch"));
      }
      default -> throw new IllegalStateException("unknown feed format " + f);
    }
    return List.copyOf(out);
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public List<OutputColumn> columns() {
    return columns;
  }

  @Override
  public long rows() {
    return cdfIndex == null ? feedRows : cdfIndex.rows();
  }

  @Override
  public ResolvedTable table() {
    return null;
  }

  /** The batch number. */
  long batch() {
    return batch;
  }

  @Override
  public Batch chunk(long first, int n) {
    if (first < 0 || n < 0 || first + n > rows()) {
      throw new IllegalArgumentException("rows [" + first + ", " + (first + n) + ") outside [0, " + rows() + ")");
    }
    KeyLifecycle life = spec.lifecycle();
    long[] positions = new long[n];
    for (int i = 0; i < n; i++) {
      positions[i] = first + i;
    }
    if (format == ChangeFeed.Format.DEBEZIUM) {
      return debezium(life, positions, first, n);
    }
    // plain and delta_cdf: one image per output row, in order
    VersionRows images = new VersionRows(n);
    long[] instants = new long[n];
    int[] codes = new int[n];
    long t = first;
    int half = 0;
    if (cdfIndex != null && n > 0) {
      long[] at = cdfIndex.locate(first, row -> keys.op(row).kind() == ChangeKind.UPDATE ? 2 : 1);
      t = at[0];
      half = (int) (first - at[1]);
    }
    for (int i = 0; i < n; i++) {
      Op op = keys.op(t);
      instants[i] = spec.instant(batch, t);
      boolean cdf = format == ChangeFeed.Format.DELTA_CDF;
      switch (op.kind()) {
        case APPEND -> {
          images.addInsert(life, op.key());
          codes[i] = 0;
        }
        case UPDATE -> {
          if (cdf && half == 0) {
            images.add(life, op.key(), keys.lastVersion(op));
            codes[i] = 1;
          } else {
            images.addUpdate(life, op.key(), batch, op.ordinal());
            codes[i] = cdf ? 2 : 1;
          }
        }
        case DELETE -> {
          images.add(life, op.key(), keys.lastVersion(op));
          codes[i] = cdf ? 3 : 2;
        }
        default -> throw new IllegalStateException("unknown operation " + op.kind());
      }
      if (cdf && op.kind() == ChangeKind.UPDATE && half == 0) {
        half = 1;
      } else {
        half = 0;
        t++;
      }
    }
    Batch base = VersionEvaluator.of(spec, images).outputBatch();
    List<String> names = new ArrayList<>(base.names());
    List<Vec> vecs = new ArrayList<>(base.vectors());
    if (format == ChangeFeed.Format.PLAIN) {
      vecs.add(StrVec.dictionary(operations, codes, n));
      vecs.add(new LongVec(DataType.TIMESTAMP, instants, n));
    } else {
      long[] version = new long[n];
      java.util.Arrays.fill(version, batch);
      vecs.add(StrVec.dictionary(CDF_TYPES, codes, n));
      vecs.add(new LongVec(DataType.BIGINT, version, n));
      vecs.add(new LongVec(DataType.TIMESTAMP, instants, n));
    }
    for (int c = base.names().size(); c < columns.size(); c++) {
      names.add(columns.get(c).name());
    }
    return new Batch(positions, n, names, vecs);
  }

  private Batch debezium(KeyLifecycle life, long[] positions, long first, int n) {
    VersionRows images = new VersionRows(2 * n);
    int[] before = new int[n];
    int[] after = new int[n];
    int[] ops = new int[n];
    long[] ts = new long[n];
    for (int i = 0; i < n; i++) {
      long t = first + i;
      Op op = keys.op(t);
      ts[i] = Math.floorDiv(spec.instant(batch, t), 1000L);
      before[i] = -1;
      after[i] = -1;
      switch (op.kind()) {
        case APPEND -> {
          after[i] = images.addInsert(life, op.key());
          ops[i] = batch == 0 ? 0 : 1;
        }
        case UPDATE -> {
          before[i] = images.add(life, op.key(), keys.lastVersion(op));
          after[i] = images.addUpdate(life, op.key(), batch, op.ordinal());
          ops[i] = 2;
        }
        case DELETE -> {
          before[i] = images.add(life, op.key(), keys.lastVersion(op));
          ops[i] = 3;
        }
        default -> throw new IllegalStateException("unknown operation " + op.kind());
      }
    }
    Batch base = VersionEvaluator.of(spec, images).outputBatch();
    List<Vec> vecs = base.vectors();
    List<Vec> keyVecs = List.of(base.vector(spec.keyColumn()));
    int befores = 0;
    int afters = 0;
    for (int i = 0; i < n; i++) {
      befores += before[i] >= 0 ? 1 : 0;
      afters += after[i] >= 0 ? 1 : 0;
    }
    // about 32 bytes per field of an object; the buffers grow when the values are longer
    long bytesPerObject = 32L * Math.max(1, rowPrefixes.length);
    Utf8Builder keyJson = new Utf8Builder(n, 32);
    Utf8Builder beforeJson = new Utf8Builder(n, (int) Math.max(1, bytesPerObject * befores / Math.max(1, n)));
    Utf8Builder afterJson = new Utf8Builder(n, (int) Math.max(1, bytesPerObject * afters / Math.max(1, n)));
    boolean[] beforeNull = new boolean[n];
    boolean[] afterNull = new boolean[n];
    for (int i = 0; i < n; i++) {
      FeedJson.row(keyJson, keyPrefix, keyVecs, after[i] >= 0 ? after[i] : before[i]);
      keyJson.endRow();
      beforeNull[i] = before[i] < 0;
      afterNull[i] = after[i] < 0;
      if (before[i] >= 0) {
        FeedJson.row(beforeJson, rowPrefixes, vecs, before[i]);
      }
      beforeJson.endRow();
      if (after[i] >= 0) {
        FeedJson.row(afterJson, rowPrefixes, vecs, after[i]);
      }
      afterJson.endRow();
    }
    StrVec b = beforeJson.build();
    b.setNulls(beforeNull);
    StrVec a = afterJson.build();
    a.setNulls(afterNull);
    List<Vec> out = List.of(keyJson.build(), b, a, StrVec.dictionary(DEBEZIUM_OPS, ops, n),
        new LongVec(DataType.BIGINT, ts, n));
    return new Batch(positions, n, columns.stream().map(OutputColumn::name).toList(), out);
  }
}
