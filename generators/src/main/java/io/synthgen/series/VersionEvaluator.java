package io.synthgen.series;

import io.synthgen.column.BatchContext;
import io.synthgen.column.Instants;
import io.synthgen.column.ParentKeys;
import io.synthgen.column.Vecs;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a change-feed table's columns for a set of row images ({@link VersionRows}): each column at its own
 * rows — a changed column (see {@link FeedSpec#changed()}) at the image's version row, every other column at the
 * key's row — reading its inputs through this evaluator, so a changed expression over an unchanged column sees the
 * key's value and an unchanged column never sees a changed one. Each value is made in the batch of its version
 * ({@link #batch()}: the key's insert batch for unchanged columns, the UPDATE's batch for changed ones); the
 * elements are evaluated in groups of one batch each, and the {@link FeedSpec#advance() advance} columns of a group
 * are shifted by {@code batch · interval} (dates by whole days) right after they are generated, before anything
 * reads them. Null rates apply at the row the value comes from. Parent lookups read the parent as it is.
 *
 * <p>One evaluator serves one chunk: the root covers every image; the contexts generators see are its groups. Not
 * thread-safe.
 */
public final class VersionEvaluator implements BatchContext {

  private final Shared shared;
  private final int[] select;
  private final long[] rows;
  private final long[] hashes;
  private final long batch;

  private VersionEvaluator(Shared shared, int[] select, long[] rows, long batch) {
    this.shared = shared;
    this.select = select;
    this.rows = rows;
    this.batch = batch;
    this.hashes = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      hashes[i] = Stream.rowHash(rows[i]);
    }
  }

  /** The evaluator of {@code images}: its {@link #column} gives each column for every image. */
  public static VersionEvaluator of(FeedSpec spec, VersionRows images) {
    Shared s = new Shared(spec, images);
    int n = images.size();
    long[] keys = new long[n];
    System.arraycopy(images.rows(false), 0, keys, 0, n);
    return new VersionEvaluator(s, null, keys, -1);
  }

  /** Every output column of the table for the images. */
  public Batch outputBatch() {
    List<String> names = new ArrayList<>();
    List<Vec> vecs = new ArrayList<>();
    for (ResolvedColumn c : shared.table.outputColumns()) {
      names.add(c.name());
      vecs.add(shared.value(c.name()));
    }
    return new Batch(rows, rows.length, names, vecs);
  }

  @Override
  public int size() {
    return rows.length;
  }

  /** The rows this context's values are made at (the root: the keys' rows). */
  @Override
  public long[] rows() {
    return rows;
  }

  @Override
  public long[] rowHashes() {
    return hashes;
  }

  /**
   * The batch this context's values are made in. The root covers images of several batches and has none.
   *
   * @throws IllegalStateException on the root
   */
  public long batch() {
    if (batch < 0) {
      throw new IllegalStateException("the images of a chunk span several batches; ask a column, not the root");
    }
    return batch;
  }

  @Override
  public Vec column(String name) {
    Vec full = shared.column(name);
    return select == null ? full : VersionVecs.gather(full, select, select.length);
  }

  @Override
  public long[] parentRows(String fkColumn) {
    long[] full = shared.parentRows(fkColumn);
    return select == null ? full : VersionVecs.gather(full, select, select.length);
  }

  @Override
  public Vec evaluate(String table, String column, long[] otherRows, int n) {
    return new TableEvaluator(shared.spec.plan(), shared.spec.plan().table(table), otherRows, n).column(column);
  }

  /** The state of one chunk: the images and the columns computed so far. */
  private static final class Shared {
    final FeedSpec spec;
    final ResolvedTable table;
    final VersionRows images;
    final int n;
    final Map<String, Vec> memo = new HashMap<>();
    final Map<String, long[]> parentMemo = new HashMap<>();
    final Map<Boolean, List<Group>> groups = new HashMap<>();

    Shared(FeedSpec spec, VersionRows images) {
      this.spec = spec;
      this.table = spec.table();
      this.images = images;
      this.n = images.size();
    }

    /** A column for generators: strings in dictionary or plain layout. */
    Vec column(String name) {
      Vec v = value(name);
      if (v instanceof StrVec s && s.isUtf8()) {
        v = s.withStrings();
        memo.put(name, v);
      }
      return v;
    }

    Vec value(String name) {
      Vec v = memo.get(name);
      if (v != null) {
        return v;
      }
      int dot = name.indexOf('.');
      if (dot > 0) {
        String parent = name.substring(0, dot);
        String via = table.viaFor(parent);
        long[] parents = parentRows(via);
        v = new TableEvaluator(spec.plan(), spec.plan().table(parent), parents, n).column(name.substring(dot + 1));
        Vecs.orNulls(v, column(via));
      } else {
        v = generate(table.column(name));
      }
      memo.put(name, v);
      return v;
    }

    private Vec generate(ResolvedColumn c) {
      List<Group> gs = groups(spec.changed().contains(c.name()));
      List<Vec> parts = new ArrayList<>(gs.size());
      List<int[]> indexes = new ArrayList<>(gs.size());
      Map<Vec, Boolean> inputs = new IdentityHashMap<>();
      for (Vec m : memo.values()) {
        inputs.put(m, Boolean.TRUE);
      }
      for (Group g : gs) {
        VersionEvaluator ctx = g.context(this);
        Vec v = c.generator().generate(ctx);
        if (inputs.containsKey(v)) {
          v = Vecs.copy(v); // an expression may return an input as is; its nulls must not leak back
        }
        if (g.batch != 0 && spec.advance().contains(c.name()) && v instanceof LongVec l && l.type().isTemporal()) {
          v = shift(v, g.batch * spec.intervalMicros());
        }
        applyNulls(v, c, ctx.hashes);
        parts.add(v);
        indexes.add(g.index);
      }
      if (gs.size() == 1 && gs.get(0).identity) {
        return parts.get(0);
      }
      return VersionVecs.scatter(c.spec().type(), parts, indexes, n);
    }

    long[] parentRows(String fk) {
      long[] p = parentMemo.get(fk);
      if (p != null) {
        return p;
      }
      ParentKeys keys = table.column(fk).generator().parentKeys();
      if (keys == null) {
        throw new IllegalStateException(table.name() + "." + fk + " is not a foreign key");
      }
      List<Group> gs = groups(spec.changed().contains(fk));
      if (gs.size() == 1 && gs.get(0).identity) {
        p = keys.parentRows(gs.get(0).context(this));
      } else {
        p = new long[n];
        for (Group g : gs) {
          long[] part = keys.parentRows(g.context(this));
          for (int i = 0; i < g.index.length; i++) {
            p[g.index[i]] = part[i];
          }
        }
      }
      parentMemo.put(fk, p);
      return p;
    }

    /** The elements split by the batch their values of a changed (or unchanged) column are made in. */
    private List<Group> groups(boolean changed) {
      return groups.computeIfAbsent(changed, ch -> {
        long[] batches = images.batches(ch);
        long[] at = images.rows(ch);
        TreeMap<Long, int[]> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
          counts.computeIfAbsent(batches[i], b -> new int[1])[0]++;
        }
        List<Group> out = new ArrayList<>();
        if (counts.size() <= 1) {
          long b = counts.isEmpty() ? 0 : counts.firstKey();
          int[] all = new int[n];
          for (int i = 0; i < n; i++) {
            all[i] = i;
          }
          long[] r = new long[n];
          System.arraycopy(at, 0, r, 0, n);
          out.add(new Group(b, all, r, true));
          return out;
        }
        Map<Long, Group> byBatch = new HashMap<>();
        for (Map.Entry<Long, int[]> e : counts.entrySet()) {
          Group g = new Group(e.getKey(), new int[e.getValue()[0]], new long[e.getValue()[0]], false);
          byBatch.put(e.getKey(), g);
          out.add(g);
        }
        for (int i = 0; i < n; i++) {
          Group g = byBatch.get(batches[i]);
          g.index[g.filled] = i;
          g.rows[g.filled++] = at[i];
        }
        return out;
      });
    }

    private void applyNulls(Vec v, ResolvedColumn c, long[] hashes) {
      double rate = c.spec().nullRate();
      if (rate <= 0) {
        return;
      }
      Stream s = c.nullStream();
      boolean[] mask = v.nulls();
      if (mask == null) {
        mask = new boolean[v.size()];
      }
      for (int i = 0; i < hashes.length; i++) {
        if (s.uniform(hashes[i]) < rate) {
          mask[i] = true;
        }
      }
      v.setNulls(mask);
    }

    /** An advance column moved by {@code micros}: timestamps by the microseconds, dates by whole days. */
    private static Vec shift(Vec v, long micros) {
      LongVec l = (LongVec) v;
      long by = l.type().kind() == DataType.Kind.DATE ? Math.floorDiv(micros, Instants.MICROS_PER_DAY) : micros;
      long[] a = new long[l.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = l.values[i] + by;
      }
      LongVec out = new LongVec(l.type(), a, l.size());
      out.setNulls(l.nulls() == null ? null : l.nulls().clone());
      return out;
    }
  }

  /** The elements of one batch: their indexes among the images and the rows their values are made at. */
  private static final class Group {
    final long batch;
    final int[] index;
    final long[] rows;
    final boolean identity;
    int filled;
    private VersionEvaluator context;

    Group(long batch, int[] index, long[] rows, boolean identity) {
      this.batch = batch;
      this.index = index;
      this.rows = rows;
      this.identity = identity;
    }

    VersionEvaluator context(Shared shared) {
      if (context == null) {
        context = new VersionEvaluator(shared, identity ? null : index, rows, batch);
      }
      return context;
    }
  }
}
