package io.synthgen.profile.scan;

import io.synthgen.output.csv.CsvRecords;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.stats.ColumnAccumulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.Reader;

/**
 * A CSV table: a header row, then records split by {@link CsvRecords#strict} (at most
 * {@link ProfileLimits#MAX_LINE_CHARS} characters and {@link ProfileLimits#MAX_COLUMNS} fields a record), buffered in
 * batches of {@link #TEXT_BATCH} records (at most {@link #TEXT_BATCH_CHARS} characters) whose columns are fed on
 * {@link ColumnThreads}. Every part of a folder must have the first part's header.
 */
final class CsvScan {

  /** Records buffered before their columns are fed in parallel. */
  static final int TEXT_BATCH = 8_192;

  /** Characters buffered at most before the records are fed. */
  static final long TEXT_BATCH_CHARS = 1L << 23;

  private CsvScan() {
  }

  static TableScanner.Scanned scan(TableScanner scan) throws IOException, TableScanner.DataException {
    List<ColumnAccumulator> acc = null;
    List<String> header = null;
    long row = 0;
    for (Path part : scan.table.parts()) {
      try (Reader r = scan.open(part)) {
        CsvRecords t = CsvRecords.strict(r, ProfileLimits.MAX_LINE_CHARS, ProfileLimits.MAX_COLUMNS);
        List<String> h = t.next();
        if (h == null) {
          continue;
        }
        h = new ArrayList<>(h);
        if (!h.isEmpty() && h.get(0) != null && h.get(0).startsWith("\uFEFF")) {
          h.set(0, h.get(0).substring(1)); // a byte order mark (UTF-8 files from spreadsheets) is not the name
        }
        if (header == null) {
          header = h;
          Set<String> taken = new HashSet<>();
          acc = new ArrayList<>();
          for (int i = 0; i < h.size(); i++) {
            String raw = h.get(i) == null ? "column_" + (i + 1) : h.get(i);
            acc.add(scan.accumulator(Names.identifier(raw, taken), raw, null));
          }
        } else if (!h.equals(header)) {
          throw new TableScanner.DataException("part " + part.getFileName()
              + " has another header than the first part");
        }
        String[][] buf = new String[TEXT_BATCH][];
        int n = 0;
        long chars = 0;
        try (ColumnThreads par = new ColumnThreads(acc.size())) {
          while (true) {
            long line = t.line();
            List<String> f = t.next();
            if (f == null || n == TEXT_BATCH || chars > TEXT_BATCH_CHARS) {
              long start = row - n;
              int rows = n;
              List<ColumnAccumulator> a = acc;
              par.each(c -> {
                ColumnAccumulator x = a.get(c);
                for (int i = 0; i < rows; i++) {
                  String v = buf[i][c];
                  if (v == null) {
                    x.addNull();
                  } else {
                    x.addText(v, start + i, false);
                  }
                }
              });
              n = 0;
              chars = 0;
            }
            if (f == null) {
              break;
            }
            if (f.size() == 1 && f.get(0) == null && acc.size() > 1) {
              continue; // a blank line
            }
            if (f.size() != acc.size()) {
              throw new TableScanner.DataException("line " + line + " of " + part.getFileName() + " has " + f.size()
                  + " fields, the header " + acc.size());
            }
            buf[n++] = f.toArray(new String[0]);
            for (String v : f) {
              chars += v == null ? 1 : v.length() + 1;
            }
            row++;
          }
        }
      } catch (CsvRecords.FormatException e) {
        throw new TableScanner.DataException(part.getFileName() + ": " + e.getMessage());
      }
    }
    if (acc == null) {
      throw new TableScanner.DataException("no header row: the file is empty");
    }
    return new TableScanner.Scanned(acc, row, scan.notes);
  }

}
