package io.synthgen.profile.scan;

import io.synthgen.output.OutputColumn;
import io.synthgen.output.parquet.ParquetColumns;
import io.synthgen.output.parquet.ParquetTableReader;
import io.synthgen.profile.ProfileLimits;
import io.synthgen.profile.stats.ColumnAccumulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;

/**
 * A Parquet table: columns discovered from the first part's footer (the others must have the same), read with
 * synthgen's parquet-java reader batch by batch, each batch's columns fed on {@link ColumnThreads}.
 */
final class ParquetScan {

  private ParquetScan() {
  }

  static TableScanner.Scanned scan(TableScanner scan) throws IOException, TableScanner.DataException {
    List<ColumnAccumulator> acc = null;
    List<OutputColumn> first = null;
    long row = 0;
    for (Path part : scan.table.parts()) {
      ParquetColumns cols = ParquetColumns.of(part);
      if (first == null) {
        first = cols.readable();
        if (first.size() > ProfileLimits.MAX_COLUMNS) {
          throw new TableScanner.DataException(first.size() + " columns, more than " + ProfileLimits.MAX_COLUMNS);
        }
        for (String u : cols.unreadable()) {
          scan.notes.add("column " + u + " of " + scan.table.location() + " skipped: not a type synthgen generates");
        }
        Set<String> taken = new HashSet<>();
        acc = new ArrayList<>();
        for (OutputColumn c : first) {
          acc.add(scan.accumulator(Names.identifier(c.name(), taken), c.name(), c.type()));
        }
      } else if (!cols.readable().equals(first)) {
        throw new TableScanner.DataException("part " + part.getFileName() + " has other columns than the first part");
      }
      try (ParquetTableReader r = new ParquetTableReader(part, first, row);
          ColumnThreads par = new ColumnThreads(acc.size())) {
        while (r.hasNext()) {
          Batch b = r.next();
          long start = row;
          List<ColumnAccumulator> a = acc;
          par.each(c -> feed(a.get(c), b.vectors().get(c), b.size(), start));
          row += b.size();
        }
      }
    }
    return new TableScanner.Scanned(acc, row, scan.notes);
  }


  private static void feed(ColumnAccumulator a, Vec v, int n, long firstRow) {
    if (v instanceof LongVec l) {
      for (int i = 0; i < n; i++) {
        if (l.isNull(i)) {
          a.addNull();
        } else {
          a.addLong(l.values[i], firstRow + i);
        }
      }
    } else if (v instanceof DoubleVec d) {
      for (int i = 0; i < n; i++) {
        if (d.isNull(i)) {
          a.addNull();
        } else {
          a.addDouble(d.values[i], firstRow + i);
        }
      }
    } else if (v instanceof BoolVec b) {
      for (int i = 0; i < n; i++) {
        if (b.isNull(i)) {
          a.addNull();
        } else {
          a.addBoolean(b.values[i]);
        }
      }
    } else if (v instanceof StrVec s) {
      for (int i = 0; i < n; i++) {
        if (s.isNull(i)) {
          a.addNull();
        } else {
          a.addString(s.str(i));
        }
      }
    } else {
      throw new IllegalStateException("unknown vector " + v.getClass());
    }
  }

}
