package io.synthgen.quality;

import io.synthgen.plan.DefectKind;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;

/**
 * The ground truth of a defective table as its own table {@code <name>_defects}, one row per alteration in output
 * order. Its {@link #rows()} is the data table's clean row range: chunk [first, first + n) recomputes the data chunk
 * and returns the records of its rows (any number, none included); the engine counts what it gets.
 */
public final class SidecarSource implements TableSource {

  /** Suffix of the sidecar's name. */
  public static final String SUFFIX = "_defects";

  /** The sidecar's columns. */
  public static final List<OutputColumn> COLUMNS = List.of(
      new OutputColumn("row", DataType.BIGINT, false, -1, "output position of the altered row (0-based)"),
      new OutputColumn("key", DataType.STRING, true, -1, "the row's primary key, null when the table has none"),
      new OutputColumn("defect", DataType.STRING, false, DefectKind.values().length, "the defect"),
      new OutputColumn("column", DataType.STRING, true, -1, "the altered column, null for row defects"),
      new OutputColumn("original", DataType.STRING, true, -1,
          "value before (for copies and swaps: the related row's position)"),
      new OutputColumn("injected", DataType.STRING, true, -1, "value written"));

  private final Injection injection;

  SidecarSource(Injection injection) {
    this.injection = injection;
  }

  @Override
  public String name() {
    return injection.clean.name() + SUFFIX;
  }

  @Override
  public List<OutputColumn> columns() {
    return COLUMNS;
  }

  @Override
  public long rows() {
    return injection.clean.rows();
  }

  @Override
  public Batch chunk(long first, int n) {
    return batch(injection.chunk(first, n).records());
  }

  /** The records as a batch of the sidecar's columns. */
  static Batch batch(List<TruthRecord> records) {
    int m = records.size();
    long[] rows = new long[m];
    LongVec row = new LongVec(DataType.BIGINT, m);
    String[][] s = new String[5][m];
    for (int i = 0; i < m; i++) {
      TruthRecord r = records.get(i);
      rows[i] = r.row();
      row.values[i] = r.row();
      s[0][i] = r.key();
      s[1][i] = r.defect();
      s[2][i] = r.column();
      s[3][i] = r.original();
      s[4][i] = r.injected();
    }
    List<Vec> vecs = new java.util.ArrayList<>();
    vecs.add(row);
    for (String[] col : s) {
      StrVec v = StrVec.plain(col, m);
      boolean[] nulls = new boolean[m];
      boolean any = false;
      for (int i = 0; i < m; i++) {
        nulls[i] = col[i] == null;
        any |= nulls[i];
      }
      v.setNulls(any ? nulls : null);
      vecs.add(v);
    }
    return new Batch(rows, m, COLUMNS.stream().map(OutputColumn::name).toList(), vecs);
  }

  /** The records of a batch read back from a sidecar file. */
  static List<TruthRecord> records(Batch b) {
    List<TruthRecord> out = new java.util.ArrayList<>(b.size());
    LongVec row = (LongVec) b.vector("row");
    StrVec key = (StrVec) b.vector("key");
    StrVec defect = (StrVec) b.vector("defect");
    StrVec column = (StrVec) b.vector("column");
    StrVec original = (StrVec) b.vector("original");
    StrVec injected = (StrVec) b.vector("injected");
    for (int i = 0; i < b.size(); i++) {
      out.add(new TruthRecord(row.values[i], key.str(i), defect.str(i), column.str(i), original.str(i),
          injected.str(i)));
    }
    return out;
  }

  @Override
  public ResolvedTable table() {
    return null;
  }
}
