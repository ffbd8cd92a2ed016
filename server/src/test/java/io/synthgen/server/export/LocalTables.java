package io.synthgen.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Column;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.run.RunManifest;
import io.synthgen.run.Runs;
import io.synthgen.server.catalog.UcNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Compares tables Spark made from exported SQL with the local engine's files of the same plan, cell for cell. */
public final class LocalTables {

  private LocalTables() {
  }

  /**
   * Generates the plan locally into {@code scratch}, then requires every table (named by {@code sparkName}) to equal
   * its file both ways (EXCEPT ALL after casting both to the plan types) and to have the plan's rows.
   */
  public static void assertEqual(SparkSession s, ResolvedPlan plan, Path scratch, Function<String, String> sparkName)
      throws Exception {
    // the tables hold instants whatever zone made them; the local files hold UTC wall-clock timestamps (Parquet
    // isAdjustedToUTC=false), which read as those instants only in UTC
    s.conf().set("spark.sql.session.timeZone", "UTC");
    Path run = Files.createTempDirectory(scratch, "run");
    Runs.generate(plan, run, WriterOptions.of(plan.plan().destination(), null, null, 0), new Engine(2,
        Engine.DEFAULT_CHUNK_ROWS), Progress.NONE, new Cancellation());
    RunManifest m = RunManifest.read(run).orElseThrow();
    for (var t : plan.plan().tables()) {
      StringJoiner cols = new StringJoiner(", ");
      for (Column c : t.columns()) {
        if (!c.omit()) {
          cols.add("CAST(" + UcNames.quote(c.name()) + " AS " + sqlType(c) + ") AS " + UcNames.quote(c.name()));
        }
      }
      String view = "local_" + t.name() + "_" + Math.abs(run.hashCode());
      s.read().parquet(run.resolve(m.table(t.name()).orElseThrow().files().get(0).path()).toString())
          .createOrReplaceTempView(view);
      String local = "SELECT " + cols + " FROM " + view;
      String spark = "SELECT " + cols + " FROM " + sparkName.apply(t.name());
      assertEquals(plan.table(t.name()).rows(), s.sql(spark).count(), t.name() + " rows");
      List<Row> onlySpark = s.sql(spark + " EXCEPT ALL " + local).limit(3).collectAsList();
      List<Row> onlyLocal = s.sql(local + " EXCEPT ALL " + spark).limit(3).collectAsList();
      assertEquals(List.of(), onlySpark, t.name() + ": rows only in the exported table");
      assertEquals(List.of(), onlyLocal, t.name() + ": rows only in the local engine's file");
    }
  }

  private static String sqlType(Column c) {
    var t = c.type();
    return switch (t.kind()) {
      case DECIMAL -> String.format(Locale.ROOT, "DECIMAL(%d,%d)", t.precision(), t.scale());
      default -> t.kind().name();
    };
  }
}
