package io.synthgen.quality;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Table;
import io.synthgen.plan.validate.SeriesDefaults;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.StrVec;

/**
 * Keys no parent row has, for the orphans defect. A numeric key of a sequence parent is taken above the largest key
 * the parent can have in any batch of the series ({@code rows} for a static parent, {@code rows x batches} for an
 * append parent, {@code rows + (batches - 1) x rows_per_batch} for a parent with a change feed), or below the
 * sequence's start when that would overflow the column type. A string key of a pattern or uuid parent is a real
 * parent key with {@link #SUFFIX} appended: those strategies make values of one fixed length, so the longer value is
 * one the parent cannot produce. Orphan {@code j} for j in [0, parent rows) gives distinct values.
 */
public final class OrphanKeys {

  /** Appended to a parent's string key to make an orphan. */
  static final String SUFFIX = "-ORPHAN";

  private final ResolvedPlan plan;
  private final ResolvedTable parent;
  private final String keyColumn;
  private final boolean numeric;
  private final long base;
  private final long direction;
  final long pool;

  OrphanKeys(ResolvedPlan plan, Table table, Column fk) {
    String ref = fk.gen() instanceof ColumnGen.ForeignKey f ? f.references()
        : fk.gen() instanceof ColumnGen.Parent p ? p.references() : null;
    if (ref == null) {
      throw new IllegalArgumentException("orphans on " + table.name() + "." + fk.name()
          + ": the column is not a foreign key; orphans apply to foreign_key (or parent) columns");
    }
    int dot = ref.indexOf('.');
    this.parent = plan.table(ref.substring(0, dot));
    this.plan = plan;
    this.keyColumn = ref.substring(dot + 1);
    Column key = parent.spec().column(keyColumn).orElseThrow();
    this.pool = Math.max(1, parent.rows());
    if (key.gen() instanceof ColumnGen.Sequence s) {
      numeric = true;
      long maxKeys = SeriesDefaults.keysOverSeries(plan.plan(), parent.spec(), parent.rows());
      DataType t = fk.type();
      long lo = t.kind() == DataType.Kind.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
      long hi = t.kind() == DataType.Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
      Long above = io.synthgen.plan.validate.OrphanRoom.exact(s.start(), s.step(), maxKeys, pool, lo, hi);
      if (above != null) {
        base = above;
        direction = s.step();
      } else {
        Long below = io.synthgen.plan.validate.OrphanRoom.exact(s.start(), -s.step(), 1, pool, lo, hi);
        if (below == null) {
          throw new IllegalArgumentException("orphans on " + table.name() + "." + fk.name() + ": no key outside "
              + ref + "'s range fits " + t + "; narrow the sequence or widen the column");
        }
        base = below;
        direction = -s.step();
      }
    } else if (key.gen() instanceof ColumnGen.Pattern || key.gen() instanceof ColumnGen.Uuid) {
      numeric = false;
      base = 0;
      direction = 0;
    } else {
      throw new IllegalArgumentException("orphans on " + table.name() + "." + fk.name() + ": its parent key " + ref
          + " is a " + key.gen().strategy() + " column; orphans need a sequence, pattern or uuid parent key");
    }
  }

  /** Whether orphan keys fit beside a sequence key: see {@link io.synthgen.plan.validate.OrphanRoom#possible}. */
  public static boolean possible(long start, long step, long keys, long pool, long lo, long hi) {
    return io.synthgen.plan.validate.OrphanRoom.possible(start, step, keys, pool, lo, hi);
  }

  boolean numeric() {
    return numeric;
  }

  /** The numeric orphan j. */
  long number(long j) {
    return base + direction * j;
  }

  /** The string orphans for parent rows {@code js}. */
  String[] strings(long[] js, int n) {
    StrVec keys = (StrVec) new TableEvaluator(plan, parent, js, n).column(keyColumn);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      String k = keys.str(i);
      out[i] = (k == null ? "" : k) + SUFFIX;
    }
    return out;
  }
}
