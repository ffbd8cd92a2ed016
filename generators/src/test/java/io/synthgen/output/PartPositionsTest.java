package io.synthgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableRun;
import io.synthgen.plan.Destination;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import io.synthgen.testing.Plans;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part files hold rows by output position, not by row id: an append slice's ids start past 0, out_of_order swaps
 * neighbours across a part boundary and duplicates add rows, and still every part but the last has exactly
 * rows-per-file rows and the parts read in order are the single-file output.
 */
class PartPositionsTest {

  private static final String PLAN = """
      {"format": "synthgen.plan/v1", "name": "parts", "seed": 21, "reference_date": "2025-01-01",
       "series": {"start": "2024-01-01", "interval": "1 day", "batches": 3},
       "tables": [
        {"name": "r", "rows": 1000, "primary_key": "id", "batch": {"mode": "append"},
         "columns": [
          {"name": "id", "type": "bigint", "strategy": "sequence"},
          {"name": "v", "type": "double", "strategy": "uniform", "min": 0, "max": 1},
          {"name": "s", "type": "string", "strategy": "values", "values": ["a", "b"]},
          {"name": "ts", "type": "timestamp", "strategy": "date_range",
           "start": "2024-01-01T00:00:00", "end": "2024-01-01T23:59:59"}],
         "quality": {"defects": [{"defect": "out_of_order", "rate": 0.3}, {"defect": "duplicates", "rate": 0.05}]}},
        {"name": "d", "rows": 700, "primary_key": "id",
         "columns": [
          {"name": "id", "type": "bigint", "strategy": "sequence"},
          {"name": "status", "type": "string", "strategy": "values", "values": ["on", "off", "idle"]}],
         "change_feed": {"rows_per_batch": 900},
         "quality": {"defects": [{"defect": "out_of_order", "rate": 0.3}, {"defect": "duplicates", "rate": 0.05}]}}]}
      """;

  private static final long PER_FILE = 300;

  @Test
  void everyBatchWritesPartsOfExactlyRowsPerFileInOutputOrder(@TempDir Path tmp) throws Exception {
    ResolvedPlan plan = Plans.resolve(Plans.read(PLAN));
    for (long k = 0; k < 3; k++) {
      Path single = tmp.resolve("single-" + k);
      Path parted = tmp.resolve("parted-" + k);
      // small chunks: many chunks cross part boundaries, and several are encoded before their position is known
      Runs.generate(plan, k, single, new WriterOptions(Destination.Format.PARQUET, Destination.Compression.ZSTD, 0),
          new Engine(2, 128), Progress.NONE, new Cancellation());
      RunResult r = Runs.generate(plan, k, parted,
          new WriterOptions(Destination.Format.PARQUET, Destination.Compression.ZSTD, PER_FILE),
          new Engine(2, 128), Progress.NONE, new Cancellation());
      int multi = 0;
      for (TableRun t : r.tables()) {
        List<FileEntry> files = t.files();
        if (files.size() < 2) {
          assertTrue(t.rows() <= PER_FILE, t.table() + " batch " + k + ": " + t.rows() + " rows in one file");
          continue;
        }
        multi++;
        assertEquals((t.rows() + PER_FILE - 1) / PER_FILE, files.size(), t.table() + " batch " + k + " parts");
        try (Duck duck = new Duck()) {
          for (int p = 0; p < files.size(); p++) {
            duck.view("part", parted.resolve(files.get(p).path()));
            long rows = duck.count("SELECT count(*) FROM part");
            assertEquals(p < files.size() - 1 ? PER_FILE : t.rows() - PER_FILE * (files.size() - 1), rows,
                t.table() + " batch " + k + " part " + p);
            assertEquals(rows, files.get(p).rows(), t.table() + " batch " + k + " part " + p + " manifest rows");
          }
          duck.view("one", single.resolve(t.table() + ".parquet"));
          String parts = parted.resolve(t.table()).resolve("*.parquet").toString();
          duck.exec("CREATE OR REPLACE VIEW many AS SELECT * EXCLUDE (filename, file_row_number) , "
              + "row_number() OVER (ORDER BY filename, file_row_number) AS pos FROM read_parquet('" + parts
              + "', filename = true, file_row_number = true)");
          duck.exec("CREATE OR REPLACE VIEW ones AS SELECT * EXCLUDE (file_row_number), "
              + "row_number() OVER (ORDER BY file_row_number) AS pos FROM read_parquet('"
              + single.resolve(t.table() + ".parquet") + "', file_row_number = true)");
          assertEquals(t.rows(), duck.count("SELECT count(*) FROM ones"), t.table() + " batch " + k);
          assertEquals(0, duck.count("SELECT count(*) FROM ((SELECT * FROM many EXCEPT ALL SELECT * FROM ones) "
              + "UNION ALL (SELECT * FROM ones EXCEPT ALL SELECT * FROM many))"), t.table() + " batch " + k
              + ": the parts in order differ from the single file");
        }
      }
      assertTrue(multi >= 2, "batch " + k + ": the data tables span several parts");
    }
  }
}
