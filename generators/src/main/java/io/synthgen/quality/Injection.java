package io.synthgen.quality;

import io.synthgen.validate.CellText;
import io.synthgen.plan.DefectKind;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.Column;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import io.synthgen.plan.validate.Defects;
import io.synthgen.random.Stream;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.vec.Batch;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The defects of one table applied to chunks of its clean source. Every decision is a hash of the chunk-independent
 * position of a clean row (its index in the source) in a stream named after the plan seed, the source, the source's
 * first row id (so each append batch has its own pattern; a feed batch after the first adds the batch number), the defect and the column; no defect reads a column's
 * value stream. Order: the cell defects in plan order (date formats last, as they turn the column into strings),
 * then out-of-order swaps of neighbours inside the chunk, then an exact copy and a near copy right after their row.
 * The output position of a clean row needs the copies before it: a pre-pass counts them per block of
 * {@link #BLOCK} rows from hashes alone (about two hashes per row, once per source).
 *
 * <p>Immutable and thread-safe.
 */
final class Injection {

  /** Clean rows per block of the copy counts. */
  static final int BLOCK = 1 << 16;

  /** The ground-truth column of {@link Quality.GroundTruth#COLUMNS}. */
  static final String DEFECTS_COLUMN = "_defects";

  final TableSource clean;
  final Table table;
  final Quality.GroundTruth mode;
  final List<OutputColumn> columns;
  private final List<CellRule> cells = new ArrayList<>();
  private final Map<DefectKind, Double> rowRates = new HashMap<>();
  private final Stream dupStream;
  private final Stream nearStream;
  private final Stream swapStream;
  private final List<String> nearColumns = new ArrayList<>();
  private final String key;
  private final long[] copiesBefore;

  /**
   * The defects of {@code table} on {@code clean}, written in series batch {@code batch} (null outside a series). A
   * feed's rows are numbered from 0 in every batch, so a feed batch after the full load also keys its streams by the
   * batch; batch 0 and every other source keep the streams of their first row id alone.
   */
  Injection(ResolvedPlan plan, Table table, TableSource clean, Long batch) {
    this.clean = clean;
    this.table = table;
    Quality q = table.quality();
    this.mode = q.groundTruth() == null ? Quality.GroundTruth.SIDECAR : q.groundTruth();
    long salt = clean.rows() == 0 ? 0 : clean.chunk(0, 1).rows()[0];
    Stream s = plan.root().child("quality").child(clean.name()).child("from " + salt);
    boolean feed = table.changeFeed() != null && clean.name().equals(table.changeFeed().name());
    if (feed && batch != null && batch > 0) {
      s = s.child("batch " + batch);
    }
    List<CellRule> formats = new ArrayList<>();
    for (Defect d : q.defects()) {
      DefectKind k = DefectKind.of(d);
      if (k.rowLevel()) {
        if (rowRates.put(k, d.rate()) != null) {
          throw new IllegalArgumentException(k.id() + " is given twice for " + table.name() + "; give it once");
        }
        if (d instanceof Defect.NearDuplicates nd) {
          nearColumns.addAll(nd.columns());
        }
        continue;
      }
      for (String c : Defects.columns(d)) {
        CellRule r = new CellRule(plan, table, d, c, s);
        (k == DefectKind.DATE_FORMATS ? formats : cells).add(r);
      }
    }
    cells.addAll(formats);
    dupStream = s.child(DefectKind.DUPLICATES.id());
    nearStream = s.child(DefectKind.NEAR_DUPLICATES.id());
    swapStream = s.child(DefectKind.OUT_OF_ORDER.id());
    List<String> names = clean.columns().stream().map(OutputColumn::name).toList();
    for (String c : nearColumns) {
      DataType t = table.column(c).map(Column::type).orElseThrow(() -> new IllegalArgumentException(
          "near_duplicates on " + table.name() + ": no column " + c + "; columns are " + names));
      if (t.kind() != DataType.Kind.STRING && !t.isNumeric()) {
        throw new IllegalArgumentException("near_duplicates on " + table.name() + "." + c + ": the column is " + t
            + "; near copies change strings and numbers");
      }
    }
    for (CellRule r : cells) {
      if (!names.contains(r.column)) {
        throw new IllegalArgumentException(r.kind.id() + " on " + table.name() + "." + r.column + ": " + clean.name()
            + " does not write that column (a hidden omit column, or a debezium feed's envelope); its columns are "
            + names + ", defects apply to those");
      }
    }
    if (names.contains(DEFECTS_COLUMN) && mode == Quality.GroundTruth.COLUMNS) {
      throw new IllegalArgumentException(table.name() + " has a column " + DEFECTS_COLUMN
          + ", the ground-truth column; rename it or use ground_truth sidecar");
    }
    this.key = table.primaryKey() != null && names.contains(table.primaryKey()) ? table.primaryKey() : null;
    this.columns = written(table, clean.columns());
    this.copiesBefore = prefix(clean.rows());
  }

  /**
   * The columns a table with defects writes: {@code clean} with date-formats columns as strings and nulls columns
   * nullable, plus
   * {@code _defects} for column ground truth.
   */
  static List<OutputColumn> written(Table table, List<OutputColumn> clean) {
    Quality q = table.quality();
    List<String> formatted = q.defects().stream().filter(d -> d instanceof Defect.DateFormats)
        .map(d -> ((Defect.DateFormats) d).column()).toList();
    List<String> nulled = q.defects().stream().filter(d -> d instanceof Defect.Nulls)
        .flatMap(d -> ((Defect.Nulls) d).columns().stream()).toList();
    List<OutputColumn> cols = new ArrayList<>();
    for (OutputColumn c : clean) {
      boolean nullable = c.nullable() || nulled.contains(c.name());
      boolean string = formatted.contains(c.name());
      cols.add(string || nullable != c.nullable() ? new OutputColumn(c.name(), string ? DataType.STRING : c.type(),
          nullable, string ? -1 : c.distinctEstimate(), c.comment()) : c);
    }
    if (q.groundTruth() == Quality.GroundTruth.COLUMNS) {
      cols.add(new OutputColumn(DEFECTS_COLUMN, DataType.STRING, true, -1,
          "ground truth: the defects injected into this row as JSON, null when none"));
    }
    return List.copyOf(cols);
  }

  private double rate(DefectKind k) {
    return rowRates.getOrDefault(k, 0.0);
  }

  private int copies(long pos) {
    int c = 0;
    if (rate(DefectKind.DUPLICATES) > 0 && dupStream.uniformAt(pos) < rate(DefectKind.DUPLICATES)) {
      c++;
    }
    if (rate(DefectKind.NEAR_DUPLICATES) > 0 && nearStream.uniformAt(pos) < rate(DefectKind.NEAR_DUPLICATES)) {
      c++;
    }
    return c;
  }

  private long[] prefix(long rows) {
    int blocks = (int) ((rows + BLOCK - 1) / BLOCK);
    long[] p = new long[blocks + 1];
    boolean any = rate(DefectKind.DUPLICATES) > 0 || rate(DefectKind.NEAR_DUPLICATES) > 0;
    if (!any) {
      return p;
    }
    // blocks are independent: counted on all cores, summed in order
    long[] counts = java.util.stream.IntStream.range(0, blocks).parallel().mapToLong(b -> {
      long c = 0;
      long end = Math.min(rows, (long) (b + 1) * BLOCK);
      for (long pos = (long) b * BLOCK; pos < end; pos++) {
        c += copies(pos);
      }
      return c;
    }).toArray();
    for (int b = 0; b < blocks; b++) {
      p[b + 1] = p[b] + counts[b];
    }
    return p;
  }

  /** Copies written before the clean row at {@code pos}. */
  long copiesBefore(long pos) {
    int b = (int) (pos / BLOCK);
    long c = copiesBefore[b];
    for (long p = (long) b * BLOCK; p < pos; p++) {
      c += copies(p);
    }
    return c;
  }

  /** The rows the source writes, copies included. */
  long outputRows() {
    return clean.rows() + copiesBefore[copiesBefore.length - 1];
  }

  DefectChunk chunk(long first, int n) {
    Batch c = clean.chunk(first, n);
    if (c.size() != n) {
      throw new IllegalStateException(clean.name() + " gave " + c.size() + " rows for " + n + "; defects apply to "
          + "sources with one written row per row (not to delta_cdf feeds)");
    }
    List<String> names = c.names();
    Vec[] vecs = c.vectors().toArray(new Vec[0]);
    List<List<TruthRecord>> cellRecords = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      cellRecords.add(null);
    }
    Map<Integer, Boolean> copied = new HashMap<>();
    for (CellRule r : cells) {
      int ci = names.indexOf(r.column);
      if (!copied.containsKey(ci)) {
        vecs[ci] = MutableColumn.copy(vecs[ci]);
        copied.put(ci, true);
      }
      vecs[ci] = r.apply(vecs[ci], first, n, (i, kind, col, before, after) -> {
        if (cellRecords.get(i) == null) {
          cellRecords.set(i, new ArrayList<>());
        }
        cellRecords.get(i).add(new TruthRecord(-1, null, kind.id(), col, before, after));
      });
    }
    // out of order: neighbours swap inside the chunk
    int[] order = MutableColumn.identity(n);
    boolean[] swapped = new boolean[n];
    double swapRate = rate(DefectKind.OUT_OF_ORDER);
    if (swapRate > 0) {
      for (int i = 0; i + 1 < n; i++) {
        if (swapStream.uniformAt(first + i) < swapRate) {
          order[i] = i + 1;
          order[i + 1] = i;
          swapped[i] = true;
          swapped[i + 1] = true;
          i++;
        }
      }
    }
    // copies right after their row
    int extra = 0;
    int[] copiesOf = new int[n];
    for (int i = 0; i < n; i++) {
      copiesOf[i] = copies(first + i);
      extra += copiesOf[i];
    }
    int total = n + extra;
    int[] src = new int[total];
    byte[] what = new byte[total]; // 0 row, 1 exact copy, 2 near copy
    int[] outOf = new int[n]; // output index of clean row i
    int k = 0;
    double dupRate = rate(DefectKind.DUPLICATES);
    double nearRate = rate(DefectKind.NEAR_DUPLICATES);
    for (int j = 0; j < n; j++) {
      int i = order[j];
      outOf[i] = k;
      src[k++] = i;
      long pos = first + i;
      if (copiesOf[i] > 0) {
        if (dupRate > 0 && dupStream.uniformAt(pos) < dupRate) {
          src[k] = i;
          what[k++] = 1;
        }
        if (nearRate > 0 && nearStream.uniformAt(pos) < nearRate) {
          src[k] = i;
          what[k++] = 2;
        }
      }
    }
    long outStart = first + copiesBefore(first);
    List<Vec> out = new ArrayList<>(vecs.length + 1);
    for (Vec v : vecs) {
      out.add(MutableColumn.gather(v, src, total));
    }
    List<String> nearChanged = new ArrayList<>();
    String[] nearText = new String[total];
    for (int o = 0; o < total; o++) {
      if (what[o] != 2) {
        continue;
      }
      nearChanged.clear();
      for (String col : nearColumns) {
        Vec v = out.get(names.indexOf(col));
        if (!v.isNull(o)) {
          nudge(v, o);
          nearChanged.add(col);
        }
      }
      nearText[o] = nearChanged.isEmpty() ? null : String.join(",", nearChanged);
    }
    Vec keys = key == null ? null : out.get(names.indexOf(key));
    List<TruthRecord> records = new ArrayList<>();
    int[] perRow = mode == Quality.GroundTruth.COLUMNS ? new int[total + 1] : null;
    for (int o = 0; o < total; o++) {
      long row = outStart + o;
      String kv = keys == null ? null : CellText.of(keys, o);
      int i = src[o];
      int before = records.size();
      if (what[o] == 0) {
        List<TruthRecord> cr = cellRecords.get(i);
        if (cr != null) {
          for (TruthRecord r : cr) {
            records.add(new TruthRecord(row, kv, r.defect(), r.column(), r.original(), r.injected()));
          }
        }
        if (swapped[i]) {
          int partner = order[i]; // the pair (a, a+1) sits as (a+1, a)
          records.add(new TruthRecord(row, kv, DefectKind.OUT_OF_ORDER.id(), null,
              Long.toString(outStart + outOf[partner]), null));
        }
      } else {
        DefectKind kind = what[o] == 1 ? DefectKind.DUPLICATES : DefectKind.NEAR_DUPLICATES;
        records.add(new TruthRecord(row, kv, kind.id(), what[o] == 2 ? nearText[o] : null,
            Long.toString(outStart + outOf[i]), null));
      }
      if (perRow != null) {
        perRow[o] = before;
      }
    }
    List<String> outNames = new ArrayList<>(names);
    if (perRow != null) {
      perRow[total] = records.size();
      String[] json = new String[total];
      boolean[] nulls = new boolean[total];
      for (int o = 0; o < total; o++) {
        json[o] = TruthJson.write(records.subList(perRow[o], perRow[o + 1]));
        nulls[o] = json[o] == null;
      }
      StrVec d = StrVec.plain(json, total);
      d.setNulls(nulls);
      out.add(d);
      outNames.add(DEFECTS_COLUMN);
    }
    long[] rows = new long[total];
    for (int o = 0; o < total; o++) {
      rows[o] = c.rows()[src[o]];
    }
    return new DefectChunk(c, new Batch(rows, total, outNames, out), records, outStart);
  }

  /** The near copy's change: a trailing space, + 0.01 for doubles, one unit of the last digit otherwise. */
  static void nudge(Vec v, int o) {
    if (v instanceof StrVec s) {
      s.plain[o] = s.plain[o] + " ";
    } else if (v instanceof DoubleVec d) {
      d.values[o] += 0.01;
    } else {
      LongVec l = (LongVec) v;
      long limit = l.type().kind() == DataType.Kind.DECIMAL ? io.synthgen.column.Casts.pow10(l.type().precision()) - 1
          : l.type().kind() == DataType.Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
      l.values[o] = l.values[o] < limit ? l.values[o] + 1 : l.values[o] - 1;
    }
  }
}
