package io.synthgen.quality;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableRun;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Plans;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A parent and a readings table, with defects put on the readings through the plan records. */
final class QualityFixture {

  private QualityFixture() {
  }

  static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  /** devices (100 rows, a sequence key and a pattern serial) and readings with every kind of column. */
  static Plan plan(long readings) {
    return Plans.read(Plans.document(11,
        "{\"name\": \"devices\", \"rows\": 100, \"primary_key\": \"device_id\", \"columns\": ["
            + String.join(",",
                col("device_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1"),
                col("serial", "string", "\"strategy\": \"pattern\", \"pattern\": \"SN-##############\", \"unique\": true"))
            + "]},"
            + "{\"name\": \"readings\", \"rows\": " + readings + ", \"primary_key\": \"reading_id\", \"columns\": ["
            + String.join(",",
                col("reading_id", "bigint", "\"strategy\": \"sequence\", \"start\": 1"),
                col("device_id", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"devices.device_id\""),
                col("serial", "string", "\"strategy\": \"foreign_key\", \"references\": \"devices.serial\""),
                col("status", "string", "\"strategy\": \"values\", \"values\": [\"ok\", \"Warn\", \"FAIL\"], "
                    + "\"weights\": [80, 15, 5]"),
                col("value", "double", "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"normal\", "
                    + "\"mean\": 20, \"stddev\": 3}, \"null_rate\": 0.05"),
                col("amount", "decimal(10,2)", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 100"),
                col("count", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 50"),
                col("reading_ts", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01 00:00:00\", "
                    + "\"end\": \"2024-01-31 23:59:59\", \"interval\": \"1 second\""),
                col("reading_day", "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", "
                    + "\"end\": \"2024-12-31\""))
            + "]}"));
  }

  static Plan withDefects(Plan p, Quality.GroundTruth truth, Defect... defects) {
    List<Table> ts = new ArrayList<>();
    for (Table t : p.tables()) {
      ts.add(t.name().equals("readings") ? t.withQuality(new Quality(List.of(defects), truth)) : t);
    }
    return p.withTables(ts);
  }

  /** Every defect kind once, at the reference's rates. */
  static Defect[] all() {
    return new Defect[] {
        new Defect.Nulls(List.of("value", "status"), 0.02),
        new Defect.Duplicates(0.01),
        new Defect.NearDuplicates(List.of("amount", "status"), 0.01),
        new Defect.Jitter("reading_ts", 0.5, "60 seconds"),
        new Defect.VeryLate("reading_ts", 0.05, "24 hours"),
        new Defect.OutOfOrder(0.10),
        new Defect.CaseNoise(List.of("status"), 0.10),
        new Defect.Whitespace(List.of("status"), 0.05),
        new Defect.DateFormats("reading_day", 0.15, Defect.DateFormats.DEFAULT_FORMATS),
        new Defect.OutOfRange("amount", 0.005, null, 10.0),
        new Defect.Orphans("device_id", 0.01),
        new Defect.Orphans("serial", 0.01)};
  }

  /** Writes every table of the plan, defects applied, into {@code dir}. */
  static List<TableRun> write(ResolvedPlan plan, Path dir, WriterOptions options, Engine engine) throws IOException {
    List<TableSource> sources = QualitySources.applyAll(plan, TableSource.all(plan));
    return engine.run(sources, dir, options, Progress.NONE, new Cancellation(), null);
  }

  /** Writes every table without defects. */
  static List<TableRun> writeClean(ResolvedPlan plan, Path dir) throws IOException {
    return new Engine(2, 4096).run(TableSource.all(plan), dir, WriterOptions.parquetZstd(), Progress.NONE,
        new Cancellation(), null);
  }

  /** {@code s} with a bug after injection: the first row of every chunk gets a {@code count} of 999. */
  static TableSource damaging(TableSource s) {
    return new TableSource() {
      @Override
      public String name() {
        return s.name();
      }

      @Override
      public List<io.synthgen.output.OutputColumn> columns() {
        return s.columns();
      }

      @Override
      public long rows() {
        return s.rows();
      }

      @Override
      public io.synthgen.vec.Batch chunk(long first, int n) {
        io.synthgen.vec.Batch b = s.chunk(first, n);
        ((io.synthgen.vec.LongVec) b.vector("count")).values[0] = 999;
        return b;
      }

      @Override
      public io.synthgen.resolve.ResolvedTable table() {
        return s.table();
      }
    };
  }
}
