package io.synthgen.compare;

import io.synthgen.plan.DataType;
import io.synthgen.profile.stats.BloomFilter;
import io.synthgen.profile.stats.HyperLogLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares one synthetic table with its source table: one pass over the source (counts, distinct estimates, the
 * sample, the Bloom filter of row hashes), one over the synthetic table (the same, plus candidates: rows that hit the
 * filter), and a second pass over the source only when there are candidates, to confirm them exactly.
 */
final class TableComparer {

  private static final long SEED = 0x243F_6A88_85A3_08D3L;
  /** Distinct estimates: HyperLogLog with 2^12 registers, a standard error of about 1.6 %. */
  private static final int DISTINCT_PRECISION = 12;
  private static final int CANCEL_EVERY = 1 << 14;

  private final RowTable source;
  private final RowTable synthetic;
  private final Runnable checkCancelled;
  private final List<String> notes = new ArrayList<>();
  /** Compared columns: synthetic names, source names, the synthetic types. */
  private final List<String> columns = new ArrayList<>();
  private final List<String> sourceColumns = new ArrayList<>();
  private final List<DataType> types = new ArrayList<>();

  /** Positions (among the compared columns) of the columns the row check compares. */
  private int[] rowColumns;
  private final int minCount;

  TableComparer(RowTable source, RowTable synthetic, int minCount, Runnable checkCancelled) {
    this.source = source;
    this.synthetic = synthetic;
    this.minCount = minCount;
    this.checkCancelled = checkCancelled;
  }

  TableComparison compare() throws IOException, CompareException {
    List<String> syntheticOnly = new ArrayList<>();
    List<String> sourceOnly = new ArrayList<>(source.columns());
    int shared = 0;
    for (String c : synthetic.columns()) {
      String s = match(c, source.columns());
      if (s == null) {
        syntheticOnly.add(c);
        continue;
      }
      sourceOnly.remove(s);
      if (++shared > CompareLimits.MAX_COLUMNS) {
        continue;
      }
      columns.add(c);
      sourceColumns.add(s);
      types.add(synthetic.type(c));
    }
    if (shared > CompareLimits.MAX_COLUMNS) {
      notes.add("only the first " + CompareLimits.MAX_COLUMNS + " of " + shared + " shared columns were compared "
          + "(CompareLimits.MAX_COLUMNS); the row check over them finds every reproduced row and may find more");
    }
    for (String u : source.unreadable()) {
      notes.add("source column " + u + " is of a type synthgen does not read, so it is not compared");
    }
    if (columns.isEmpty()) {
      throw new CompareException("synthetic table " + synthetic.name() + " shares no column with its source "
          + source.location() + " (source columns: " + String.join(", ", source.columns()) + ")");
    }
    List<Integer> checked = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (synthetic.generatedKeys().contains(columns.get(c))) {
        excluded.add(columns.get(c));
      } else {
        checked.add(c);
      }
    }
    rowColumns = checked.stream().mapToInt(Integer::intValue).toArray();
    if (!excluded.isEmpty()) {
      notes.add("the row check leaves out " + String.join(", ", excluded) + ": synthgen numbers or draws "
          + (excluded.size() == 1 ? "it" : "them") + " itself (sequence, uuid, or a foreign key to such a key), so equal keys say nothing of a "
          + "source row");
    }
    boolean[] keepLabels = new boolean[columns.size()];
    for (int c = 0; c < keepLabels.length; c++) {
      DataType.Kind k = types.get(c).kind();
      keepLabels[c] = k == DataType.Kind.STRING || k == DataType.Kind.BOOLEAN;
    }
    Side src = new Side(keepLabels);
    BloomFilter bloom = BloomFilter.forRate(CompareLimits.MAX_SOURCE_ROWS, CompareLimits.BLOOM_FALSE_POSITIVE_RATE);
    try (RowTable.Reader r = source.open(sourceColumns, types)) {
      Cell[] row = cells();
      while (r.next(row)) {
        if (src.rows == CompareLimits.MAX_SOURCE_ROWS) {
          throw new CompareException("source table " + source.name() + " (" + source.location() + ") has more than "
              + String.format(Locale.ROOT, "%,d", CompareLimits.MAX_SOURCE_ROWS) + " rows (CompareLimits"
              + ".MAX_SOURCE_ROWS); compare a sample of it, e.g. in DuckDB: COPY (SELECT * FROM '<file>' USING "
              + "SAMPLE 10000000 ROWS) TO 'sample.parquet'");
        }
        src.add(row);
        if (rowColumns.length > 0) {
          bloom.add(rowHash(row, SEED));
        }
      }
    }
    Side syn = new Side(keepLabels);
    Map<Long, List<Candidate>> candidates = new HashMap<>();
    long hits = 0;
    int kept = 0;
    long unconfirmed = 0;
    try (RowTable.Reader r = synthetic.open(columns, types)) {
      Cell[] row = cells();
      while (r.next(row)) {
        long h1 = rowColumns.length == 0 ? 0 : rowHash(row, SEED);
        if (rowColumns.length > 0 && bloom.mightContain(h1)) {
          hits++;
          List<Candidate> same = candidates.computeIfAbsent(h1, h -> new ArrayList<>(1));
          Candidate found = same.stream().filter(cand -> cand.matches(row, rowColumns)).findFirst().orElse(null);
          if (found != null) {
            found.count++;
          } else if (kept < CompareLimits.MAX_CANDIDATES) {
            same.add(new Candidate(row, rowColumns, syn.rows));
            kept++;
          } else {
            unconfirmed++;
          }
        }
        syn.add(row);
      }
    }
    if (kept > 0) {
      confirm(candidates);
    }
    List<Candidate> confirmed = candidates.values().stream().flatMap(List::stream).filter(c -> c.sourceRows > 0)
        .sorted((a, b) -> Long.compare(a.firstRow, b.firstRow)).toList();
    List<Candidate> rare = confirmed.stream().filter(c -> c.sourceRows < minCount).toList();
    RowCheck check = new RowCheck(checked.stream().map(columns::get).toList(), excluded, src.rows,
        bloom.falsePositiveRate(bloom.added()), hits, rare.stream().mapToLong(c -> c.count).sum(), rare.size(),
        confirmed.stream().filter(c -> c.sourceRows >= minCount).mapToLong(c -> c.count).sum(), minCount,
        rare.stream().limit(CompareLimits.MAX_EXAMPLES).map(c -> c.firstRow).toList(), unconfirmed == 0);
    return new TableComparison(synthetic.name(), source.location(), src.rows, syn.rows, columnComparisons(src, syn),
        correlations(src.sample, syn.sample), check, sourceOnly, syntheticOnly, notes);
  }

  /** Second pass over the source: marks the candidates equal to a source row. */
  private void confirm(Map<Long, List<Candidate>> candidates) throws IOException {
    try (RowTable.Reader r = source.open(sourceColumns, types)) {
      Cell[] row = cells();
      long n = 0;
      while (r.next(row)) {
        if (++n % CANCEL_EVERY == 0) {
          checkCancelled.run();
        }
        List<Candidate> same = candidates.get(rowHash(row, SEED));
        if (same != null) {
          for (Candidate c : same) {
            if (c.sourceRows < minCount && c.matches(row, rowColumns)) {
              c.sourceRows++;
            }
          }
        }
      }
    }
  }

  private List<ColumnComparison> columnComparisons(Side src, Side syn) {
    List<ColumnComparison> out = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      DataType t = types.get(c);
      String kind;
      String distance;
      double value;
      if (t.isNumeric() || t.isTemporal()) {
        kind = t.isNumeric() ? "numeric" : "temporal";
        distance = "ks";
        value = Distances.ks(src.sample.numbers(c), syn.sample.numbers(c));
      } else {
        String[] a = src.sample.labels(c);
        String[] b = syn.sample.labels(c);
        if (t.kind() == DataType.Kind.BOOLEAN || Distances.distinct(a) <= CompareLimits.MAX_CATEGORIES) {
          kind = "categorical";
          distance = "tvd";
          value = Distances.tvd(a, b);
        } else {
          kind = "text";
          distance = "ks_length";
          value = Distances.ks(Distances.lengths(a), Distances.lengths(b));
        }
      }
      if (Double.isNaN(value) && src.nonNull(c) > 0 && syn.nonNull(c) > 0) {
        notes.add("column " + columns.get(c) + ": the source's values are not of the synthetic type " + t
            + ", so no distance was computed");
      }
      out.add(new ColumnComparison(columns.get(c), kind, distance, value, src.nullRate(c), syn.nullRate(c),
          src.distinctRatio(c), syn.distinctRatio(c)));
    }
    return out;
  }

  private Correlations correlations(RowSample a, RowSample b) {
    List<Integer> numeric = new ArrayList<>();
    int total = 0;
    for (int c = 0; c < columns.size(); c++) {
      if (types.get(c).isNumeric()) {
        total++;
        if (numeric.size() < CompareLimits.MAX_CORRELATION_COLUMNS) {
          numeric.add(c);
        }
      }
    }
    if (total > numeric.size()) {
      notes.add("correlations cover the first " + numeric.size() + " of " + total + " numeric columns "
          + "(CompareLimits.MAX_CORRELATION_COLUMNS)");
    }
    List<Correlations.Pair> pairs = new ArrayList<>();
    double max = Double.NaN;
    for (int i = 0; i < numeric.size(); i++) {
      for (int j = i + 1; j < numeric.size(); j++) {
        int x = numeric.get(i);
        int y = numeric.get(j);
        double s = Distances.pearson(a.numbers(x), a.numbers(y));
        double t = Distances.pearson(b.numbers(x), b.numbers(y));
        pairs.add(new Correlations.Pair(columns.get(x), columns.get(y), s, t));
        double d = Math.abs(t - s);
        if (!Double.isNaN(d) && (Double.isNaN(max) || d > max)) {
          max = d;
        }
      }
    }
    return new Correlations(numeric.stream().map(columns::get).toList(), pairs, max);
  }

  private Cell[] cells() {
    Cell[] row = new Cell[columns.size()];
    for (int c = 0; c < row.length; c++) {
      row[c] = new Cell();
    }
    return row;
  }

  /** The hash of a row over the row check's columns. */
  private long rowHash(Cell[] row, long seed) {
    long h = seed;
    for (int c : rowColumns) {
      h = row[c].hash(h);
    }
    return h;
  }

  /**
   * The source column of synthetic column {@code name}: the same name, else the same ignoring case, else the same
   * ignoring case and characters other than letters and digits (a plan names {@code Unit Price} {@code Unit_Price}).
   */
  private static String match(String name, List<String> sourceColumns) {
    if (sourceColumns.contains(name)) {
      return name;
    }
    return sourceColumns.stream().filter(s -> s.equalsIgnoreCase(name)).findFirst()
        .or(() -> sourceColumns.stream().filter(s -> SourceComparison.key(s).equals(SourceComparison.key(name)))
            .findFirst())
        .orElse(null);
  }

  /** Counts, null counts, distinct estimates and the sample of one side. */
  private final class Side {
    final RowSample sample;
    final long[] nulls;
    final HyperLogLog[] distinct;
    long rows;

    Side(boolean[] keepLabels) {
      sample = new RowSample(CompareLimits.SAMPLE_ROWS, keepLabels);
      nulls = new long[keepLabels.length];
      distinct = new HyperLogLog[keepLabels.length];
      for (int c = 0; c < distinct.length; c++) {
        distinct[c] = new HyperLogLog(DISTINCT_PRECISION);
      }
    }

    void add(Cell[] row) {
      for (int c = 0; c < row.length; c++) {
        if (row[c].isNull()) {
          nulls[c]++;
        } else {
          distinct[c].add(row[c].hash(SEED));
        }
      }
      sample.offer(rows, row);
      if (++rows % CANCEL_EVERY == 0) {
        checkCancelled.run();
      }
    }

    long nonNull(int c) {
      return rows - nulls[c];
    }

    double nullRate(int c) {
      return rows == 0 ? Double.NaN : (double) nulls[c] / rows;
    }

    double distinctRatio(int c) {
      long n = nonNull(c);
      return n == 0 ? Double.NaN : Math.min(1, (double) distinct[c].estimate() / n);
    }
  }

  /**
   * A synthetic row that hit the Bloom filter: its cells (of the row check's columns), first row number, how often it
   * occurred, and how many source rows hold it (counted up to k in the confirming pass).
   */
  private static final class Candidate {
    final Cell[] cells;
    final long firstRow;
    long count = 1;
    long sourceRows;

    Candidate(Cell[] row, int[] columns, long firstRow) {
      this.cells = new Cell[columns.length];
      for (int i = 0; i < columns.length; i++) {
        cells[i] = row[columns[i]].copy();
      }
      this.firstRow = firstRow;
    }

    boolean matches(Cell[] row, int[] columns) {
      for (int i = 0; i < columns.length; i++) {
        if (!cells[i].sameAs(row[columns[i]])) {
          return false;
        }
      }
      return true;
    }
  }
}
