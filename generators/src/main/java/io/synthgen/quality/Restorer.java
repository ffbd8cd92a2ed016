package io.synthgen.quality;

import io.synthgen.validate.CellText;
import io.synthgen.plan.DefectKind;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Table;
import io.synthgen.vec.Batch;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Undoes recorded defects on written rows, fed in output order batch by batch with the ground truth of those rows:
 * injected copies are dropped, each altered cell gets its first recorded original back, date-formats columns are
 * parsed back to their type, and swapped rows get each other's row ids. Checks on the way that the ground truth
 * matches the rows: every altered cell holds its last recorded value, a copy equals the row it names (a near copy
 * differs only by its nudge), swaps come in pairs. What the ground truth does not record is left as written, so the
 * checks that follow still see it. Not thread-safe; one per table read.
 */
public final class Restorer {

  /** Rows before a copy that it may name (an exact and a near copy can follow one row). */
  private static final int COPY_REACH = 2;

  private final String table;
  private final List<OutputColumn> cleanColumns;
  private final List<String> nearColumns = new ArrayList<>();
  private final boolean keepTexts;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final LinkedHashMap<Long, String[]> recent = new LinkedHashMap<>();
  private final Map<Long, Long> pendingSwaps = new TreeMap<>();
  private long cleanRows;
  private Long idBase;
  private long mismatches;
  private String firstMismatch;

  /** For the plan table {@code spec} written with {@code cleanColumns} before defects. */
  public Restorer(Table spec, List<OutputColumn> cleanColumns) {
    this.table = spec.name();
    this.cleanColumns = List.copyOf(cleanColumns);
    boolean copies = false;
    for (Defect d : spec.quality().defects()) {
      if (d instanceof Defect.NearDuplicates nd) {
        nearColumns.addAll(nd.columns());
      }
      copies |= d instanceof Defect.NearDuplicates || d instanceof Defect.Duplicates;
    }
    for (DefectKind k : DefectKind.values()) {
      boolean used = spec.quality().defects().stream().anyMatch(d -> DefectKind.of(d) == k);
      if (used) {
        counts.put(k.id(), 0L);
      }
    }
    this.keepTexts = copies;
  }

  /** Records per defect seen so far, in plan order of the defects. */
  public Map<String, Long> counts() {
    return new LinkedHashMap<>(counts);
  }

  public long mismatches() {
    return mismatches;
  }

  /** The first record that did not match the rows, or null. */
  public String firstMismatch() {
    return firstMismatch;
  }

  /** Ends the table: a swap whose partner never came is a mismatch. */
  public void finish() {
    for (Map.Entry<Long, Long> e : pendingSwaps.entrySet()) {
      mismatch("row " + e.getKey() + " out_of_order: its partner row " + e.getValue() + " records no swap");
    }
    pendingSwaps.clear();
  }

  private void mismatch(String what) {
    mismatches++;
    if (firstMismatch == null) {
      firstMismatch = table + " " + what;
    }
  }

  /**
   * The clean rows of {@code written} (rows at output positions start, start + 1, ...) given the records of those
   * rows in output order. {@code Batch.rows} of the result count clean rows across the calls, from the row id the
   * first written row carries at output position 0 (its {@code rows[0] - start}).
   */
  public Batch restore(Batch written, long start, List<TruthRecord> records) {
    int n = written.size();
    if (idBase == null && n > 0) {
      idBase = written.rows()[0] - start;
    }
    long base = idBase == null ? 0 : idBase;
    Map<Integer, List<TruthRecord>> byRow = new HashMap<>();
    for (TruthRecord r : records) {
      long o = r.row() - start;
      if (o < 0 || o >= n) {
        mismatch("row " + r.row() + " " + r.defect() + ": no such row among the rows " + start + ".."
            + (start + n - 1) + " read with it");
        continue;
      }
      byRow.computeIfAbsent((int) o, x -> new ArrayList<>()).add(r);
      counts.merge(r.defect(), 1L, Long::sum);
    }
    Vec[] in = new Vec[cleanColumns.size()];
    for (int c = 0; c < in.length; c++) {
      in[c] = written.vector(cleanColumns.get(c).name());
    }
    int[] kept = new int[n];
    long[] ids = new long[n];
    int m = 0;
    List<Map<Integer, String>> restored = new ArrayList<>();
    for (int o = 0; o < n; o++) {
      long pos = start + o;
      List<TruthRecord> rs = byRow.getOrDefault(o, List.of());
      String[] texts = keepTexts ? texts(in, o) : null;
      TruthRecord copy = rs.stream().filter(r -> r.defect().equals(DefectKind.DUPLICATES.id())
          || r.defect().equals(DefectKind.NEAR_DUPLICATES.id())).findFirst().orElse(null);
      if (copy != null) {
        checkCopy(pos, copy, texts);
      } else {
        Map<Integer, String> cells = new HashMap<>();
        Long partner = null;
        for (TruthRecord r : rs) {
          if (r.defect().equals(DefectKind.OUT_OF_ORDER.id())) {
            partner = position(r);
            continue;
          }
          int c = indexOf(r.column());
          if (c < 0) {
            mismatch("row " + pos + " " + r.defect() + ": no column " + r.column());
            continue;
          }
          cells.putIfAbsent(c, r.original());
        }
        checkCells(pos, rs, in, o);
        long id = cleanRows;
        if (partner != null) {
          id = swap(pos, partner);
        }
        cleanRows++;
        kept[m] = o;
        ids[m] = id;
        restored.add(cells);
        m++;
      }
      if (texts != null) {
        recent.put(pos, texts);
        if (recent.size() > COPY_REACH) {
          recent.remove(recent.keySet().iterator().next());
        }
      }
    }
    List<Vec> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < in.length; c++) {
      OutputColumn col = cleanColumns.get(c);
      Vec v = in[c].type().equals(col.type()) ? MutableColumn.gather(in[c], kept, m)
          : MutableColumn.empty(col.type(), m);
      boolean parse = !in[c].type().equals(col.type());
      for (int k = 0; k < m; k++) {
        Map<Integer, String> cells = restored.get(k);
        if (cells.containsKey(c)) {
          CellText.set(v, k, cells.get(c));
        } else if (parse) {
          // a date-formats column: the cells no record names hold the ISO text of the value
          String t = CellText.of(in[c], kept[k]);
          try {
            CellText.set(v, k, t);
          } catch (RuntimeException e) {
            mismatch("row " + (start + kept[k]) + " " + col.name() + ": '" + t + "' is not a " + col.type()
                + " and no record names it");
            v.setNull(k);
          }
        }
      }
      out.add(v);
      names.add(col.name());
    }
    long[] rowIds = new long[m];
    for (int k = 0; k < m; k++) {
      rowIds[k] = base + ids[k];
    }
    return new Batch(rowIds, m, names, out);
  }

  private Long position(TruthRecord r) {
    try {
      return Long.parseLong(r.original());
    } catch (NumberFormatException e) {
      mismatch("row " + r.row() + " " + r.defect() + ": original '" + r.original() + "' is not a row position");
      return null;
    }
  }

  /** The clean row id of a swapped row: the id its partner's slot has. */
  private long swap(long pos, long partner) {
    Long back = pendingSwaps.remove(partner);
    if (back != null) {
      if (back != pos) {
        mismatch("row " + pos + " out_of_order: partner " + partner + " names row " + back);
      }
      return cleanRows - 1;
    }
    if (partner <= pos) {
      mismatch("row " + pos + " out_of_order: partner " + partner + " records no swap");
      return cleanRows;
    }
    pendingSwaps.put(pos, partner);
    return cleanRows + 1;
  }

  private void checkCells(long pos, List<TruthRecord> rs, Vec[] in, int o) {
    Map<Integer, TruthRecord> last = new HashMap<>();
    for (TruthRecord r : rs) {
      int c = indexOf(r.column());
      if (c >= 0 && !r.defect().equals(DefectKind.OUT_OF_ORDER.id())) {
        last.put(c, r);
      }
    }
    for (Map.Entry<Integer, TruthRecord> e : last.entrySet()) {
      String found = CellText.of(in[e.getKey()], o);
      if (!Objects.equals(found, e.getValue().injected())) {
        mismatch("row " + pos + " " + e.getValue().defect() + " " + e.getValue().column() + ": recorded "
            + e.getValue().injected() + ", found " + found);
      }
    }
  }

  private void checkCopy(long pos, TruthRecord copy, String[] texts) {
    Long of = position(copy);
    if (of == null) {
      return;
    }
    String[] orig = recent.get(of);
    if (of >= pos || of < pos - COPY_REACH || orig == null) {
      mismatch("row " + pos + " " + copy.defect() + ": copies row " + of + ", not one of the " + COPY_REACH
          + " rows before it");
      return;
    }
    boolean near = copy.defect().equals(DefectKind.NEAR_DUPLICATES.id());
    List<String> changed = near && copy.column() != null ? List.of(copy.column().split(",")) : List.of();
    for (int c = 0; c < texts.length; c++) {
      String name = cleanColumns.get(c).name();
      String expected = changed.contains(name) ? nudged(orig[c], cleanColumns.get(c).type()) : orig[c];
      if (!Objects.equals(expected, texts[c])) {
        mismatch("row " + pos + " " + copy.defect() + " of row " + of + ": " + name + " is " + texts[c]
            + ", expected " + expected);
        return;
      }
    }
  }

  /** The text a near copy writes for an original text (see {@link Injection#nudge}). */
  private static String nudged(String text, DataType type) {
    if (text == null) {
      return null;
    }
    Vec v;
    if (type.kind() == DataType.Kind.STRING) {
      v = StrVec.plain(new String[] {text}, 1);
    } else if (type.kind() == DataType.Kind.DOUBLE) {
      v = new DoubleVec(new double[] {Double.parseDouble(text)}, 1);
    } else {
      v = new LongVec(type, new long[] {CellText.parseLong(type, text)}, 1);
    }
    Injection.nudge(v, 0);
    return CellText.of(v, 0);
  }

  private String[] texts(Vec[] in, int o) {
    String[] t = new String[in.length];
    for (int c = 0; c < in.length; c++) {
      t[c] = CellText.of(in[c], o);
    }
    return t;
  }

  private int indexOf(String column) {
    for (int c = 0; c < cleanColumns.size(); c++) {
      if (cleanColumns.get(c).name().equals(column)) {
        return c;
      }
    }
    return -1;
  }
}
