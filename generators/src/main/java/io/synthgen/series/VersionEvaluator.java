package io.synthgen.series;

import io.synthgen.column.BatchContext;
import io.synthgen.column.ParentKeys;
import io.synthgen.column.Vecs;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.ColumnGen;
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

/**
 * Computes a change-feed table's columns for a set of row images ({@link VersionRows}): each column at its own
 * rows — a changed column (see {@link FeedSpec#changed()}) at the image's version row, every other column at the
 * key's row — reading its inputs through this evaluator, so a changed expression over an unchanged column sees the
 * key's value and an unchanged column never sees a changed one. Each value is made in the batch of its version
 * ({@link #batch()}: the key's insert batch for unchanged columns, the UPDATE's batch for changed ones); the
 * elements are evaluated in groups of one batch each, and the {@link FeedSpec#advance() advance} columns of a group
 * are shifted by {@code batch · interval} (dates by whole days) right after they are generated, before anything
 * reads them. Null rates apply at the row the value comes from. Parent lookups read the parent as it is. A child
 * aggregate of a key appended after the full load sees no children (count and sum 0, min, max and avg NULL): the
 * child table is laid out over the base rows.
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
  @Override
  public long batch() {
    if (batch == VersionGroups.MIXED) {
      throw MixedBatches.INSTANCE;
    }
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
    final Map<Boolean, List<VersionGroups.Group>> groups = new HashMap<>();
    final Map<Boolean, VersionGroups.Group> wholes = new HashMap<>();
    final Map<VersionGroups.Group, VersionEvaluator> contexts = new IdentityHashMap<>();
    /**
     * Unchanged columns depend only on an image's (key row, key batch), which neighbours share when they are one
     * key's images (a delta_cdf preimage and postimage, a debezium before and after): unchanged columns are
     * evaluated once per run of equal neighbours, at its first element ({@code distinct}, increasing), and
     * gathered back ({@code slot}: each element's run; {@code first}: its run's first element). Null when every
     * element is its own run.
     */
    final int[] distinct;
    final int[] slot;
    final int[] first;

    Shared(FeedSpec spec, VersionRows images) {
      this.spec = spec;
      this.table = spec.table();
      this.images = images;
      this.n = images.size();
      long[] keyRows = images.rows(false);
      long[] keyBatches = images.batches(false);
      int[] runs = new int[n];
      int[] slots = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (i > 0 && keyRows[i] == keyRows[i - 1] && keyBatches[i] == keyBatches[i - 1]) {
          slots[i] = m - 1;
        } else {
          runs[m] = i;
          slots[i] = m++;
        }
      }
      if (m < n) {
        this.distinct = java.util.Arrays.copyOf(runs, m);
        this.slot = slots;
        this.first = new int[n];
        for (int i = 0; i < n; i++) {
          first[i] = distinct[slots[i]];
        }
      } else {
        this.distinct = null;
        this.slot = null;
        this.first = null;
      }
    }

    /** True when the role's columns are evaluated once per run of equal neighbours and gathered back. */
    private boolean runs(boolean changed) {
      return !changed && distinct != null;
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

    /**
     * A column over every element in one call; only when its generator asks {@link #batch()} of elements made in
     * different batches is it made again, one call per batch (generators are pure, so the first try leaves
     * nothing behind).
     */
    private Vec generate(ResolvedColumn c) {
      boolean changed = spec.changed().contains(c.name());
      Map<Vec, Boolean> inputs = new IdentityHashMap<>();
      for (Vec m : memo.values()) {
        inputs.put(m, Boolean.TRUE);
      }
      try {
        Vec v = produce(c, whole(changed), changed, inputs);
        return runs(changed) ? VersionVecs.gather(v, slot, n) : v;
      } catch (MixedBatches e) {
        List<VersionGroups.Group> gs = groups(changed);
        List<Vec> parts = new ArrayList<>(gs.size());
        List<int[]> indexes = new ArrayList<>(gs.size());
        for (VersionGroups.Group g : gs) {
          parts.add(produce(c, g, changed, inputs));
          indexes.add(g.index());
        }
        Vec v = VersionVecs.scatter(c.spec().type(), parts, indexes, n);
        return runs(changed) ? VersionVecs.gather(v, first, n) : v;
      }
    }

    /** The column for a group's elements: generated, advanced by each element's batch, with its NULLs. */
    private Vec produce(ResolvedColumn c, VersionGroups.Group g, boolean changed, Map<Vec, Boolean> inputs) {
      VersionEvaluator ctx = context(g);
      Vec v = c.spec().gen() instanceof ColumnGen.ChildAggregate a ? aggregate(c, a, g, ctx)
          : c.generator().generate(ctx);
      if (inputs.containsKey(v)) {
        v = Vecs.copy(v); // an expression may return an input as is; its nulls must not leak back
      }
      if (spec.advance().contains(c.name()) && v instanceof LongVec l && l.type().isTemporal()) {
        v = VersionVecs.shift(l, images.batches(changed), g.index(), spec.intervalMicros());
      }
      VersionVecs.applyNulls(v, c, ctx.hashes);
      return v;
    }

    /**
     * A child aggregate at the key rows: base keys aggregate their children; keys appended after the full load have
     * none in the child table (it is laid out over the base rows), so count and sum are 0, min, max and avg NULL.
     */
    private Vec aggregate(ResolvedColumn c, ColumnGen.ChildAggregate a, VersionGroups.Group g, VersionEvaluator ctx) {
      long base = table.rows();
      int inside = 0;
      for (long r : g.rows()) {
        inside += r < base ? 1 : 0;
      }
      if (inside == g.rows().length) {
        return c.generator().generate(ctx);
      }
      int size = g.rows().length;
      int[] in = new int[inside];
      int[] out = new int[size - inside];
      int[] select = new int[inside];
      long[] rowsIn = new long[inside];
      for (int i = 0, x = 0, y = 0; i < size; i++) {
        if (g.rows()[i] < base) {
          in[x] = i;
          select[x] = g.index()[i];
          rowsIn[x++] = g.rows()[i];
        } else {
          out[y++] = i;
        }
      }
      Vec none = VersionVecs.noChildren(c.spec().type(), a.function(), out.length);
      if (inside == 0) {
        return none;
      }
      Vec some = c.generator().generate(new VersionEvaluator(this, select, rowsIn, g.batch()));
      return VersionVecs.scatter(c.spec().type(), List.of(some, none), List.of(in, out), size);
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
      boolean changed = spec.changed().contains(fk);
      try {
        p = keys.parentRows(context(whole(changed)));
        if (runs(changed)) {
          p = VersionVecs.gather(p, slot, n);
        }
      } catch (MixedBatches e) {
        p = new long[n];
        for (VersionGroups.Group g : groups(changed)) {
          long[] part = keys.parentRows(context(g));
          for (int i = 0; i < g.index().length; i++) {
            p[g.index()[i]] = part[i];
          }
        }
        if (runs(changed)) {
          p = VersionVecs.gather(p, first, n);
        }
      }
      parentMemo.put(fk, p);
      return p;
    }

    /** Every element in order; its batch is {@link VersionGroups#MIXED} when they were made in several. */
    private VersionGroups.Group whole(boolean changed) {
      return wholes.computeIfAbsent(changed, ch -> runs(ch)
          ? VersionGroups.whole(images.batches(ch), images.rows(ch), distinct)
          : VersionGroups.whole(images.batches(ch), images.rows(ch), n));
    }

    /** The elements split by the batch their values of a changed (or unchanged) column are made in. */
    private List<VersionGroups.Group> groups(boolean changed) {
      return groups.computeIfAbsent(changed, ch -> runs(ch)
          ? VersionGroups.byBatch(images.batches(ch), images.rows(ch), distinct)
          : VersionGroups.byBatch(images.batches(ch), images.rows(ch), n));
    }

    /** The context generators see for a group's elements (one per group and chunk). */
    VersionEvaluator context(VersionGroups.Group g) {
      return contexts.computeIfAbsent(g, x -> new VersionEvaluator(this, x.identity() ? null : x.index(), x.rows(),
          x.batch()));
    }
  }

  /** Asked for the batch of elements made in several: the column is made again, one batch at a time. */
  private static final class MixedBatches extends RuntimeException {
    static final MixedBatches INSTANCE = new MixedBatches();

    private MixedBatches() {
      super("elements of several batches", null, false, false);
    }
  }
}
