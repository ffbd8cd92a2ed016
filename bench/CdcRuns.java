import io.synthgen.dictionary.Dictionaries;
import io.synthgen.draft.SkewShares;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableRun;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.series.FeedSources;
import io.synthgen.template.Recipes;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times one table of a template written as a plain snapshot of M rows against its change feed with M operations a
 * batch, the same way for every case: the source is built and written to Parquet (ZSTD) by {@link Engine#run} with
 * no validation observer, so the cases differ only in what their rows cost. The plan is the template with its
 * {@code cdc} recipe, scaled to M rows of its main table (as {@code --rows M --cdc} does) and that table's feed
 * {@code rows_per_batch} set to M; only that table's source is written.
 *
 * <p>Cases: {@code snapshot} (the plain table, rows 0..M-1), {@code full_load} (feed batch 0: M APPENDs of the same
 * rows), {@code plain}, {@code delta_cdf} and {@code debezium} (feed batch B, M operations, in that format). Each run
 * prints one line {@code run I wall_s W cpu_s C rows R} (CPU seconds of the whole process during the run). Used by
 * {@code bench/cdc.sh}; on its own, from the repository root after {@code ./mvnw -Dmaven.test.skip=true package}:
 *
 * <pre>
 * javac -cp server/target/synthgen.jar -d /tmp/cdc-classes bench/CdcRuns.java
 * java -XX:+UseParallelGC -Xmn256m -cp server/target/synthgen.jar:/tmp/cdc-classes CdcRuns retail customers 1000000 plain 3 6 /tmp/cdc
 * </pre>
 */
public class CdcRuns {

  static final List<String> CASES = List.of("snapshot", "full_load", "plain", "delta_cdf", "debezium");

  public static void main(String[] args) throws Exception {
    if (args.length != 7 || !CASES.contains(args[3])) {
      System.err.println("usage: CdcRuns <template> <table> <rows M> <" + String.join("|", CASES)
          + "> <batch B of the operation cases> <runs> <output folder>");
      System.exit(2);
    }
    String template = args[0];
    String table = args[1];
    long rows = Long.parseLong(args[2]);
    String kind = args[3];
    long batch = Long.parseLong(args[4]);
    int runs = Integer.parseInt(args[5]);
    Path out = Path.of(args[6]);

    ResolvedPlan plan = Resolver.resolve(plan(template, table, rows, format(kind)));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 1; i <= runs; i++) {
      delete(out);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      TableSource source = switch (kind) {
        case "snapshot" -> TableSource.of(plan, plan.table(table));
        case "full_load" -> FeedSources.feed(plan, plan.table(table), 0);
        default -> FeedSources.feed(plan, plan.table(table), batch);
      };
      List<TableRun> written = Engine.defaults().run(List.of(source), out, WriterOptions.parquetZstd(),
          Progress.NONE, new Cancellation(), null);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      long n = written.stream().mapToLong(TableRun::rows).sum();
      System.out.printf(Locale.ROOT, "run %d wall_s %.3f cpu_s %.3f rows %d%n", i, wall, cpu, n);
    }
  }

  /**
   * The template scaled to M rows of its main table {@code table}, with its cdc recipe, the table's feed with
   * rows_per_batch = M and the given format. The other tables stay (a column may aggregate a child table) but are
   * not written.
   */
  static Plan plan(String template, String table, long rows, ChangeFeed.Format format) throws Exception {
    Plan scaled = Templates.load(template);
    if (!table.equals(scaled.mainTable())) {
      throw new IllegalArgumentException(table + " is not the main table of " + template + " (" + scaled.mainTable()
          + "), which --rows scales; give that one");
    }
    // as synthgen generate TEMPLATE --rows M --cdc does: scaled, skew shares solved again, then the recipe
    scaled = SkewShares.resolved(Scaling.scale(scaled, rows), new HashSet<>(Dictionaries.standard().names()));
    Plan cdc = Recipes.cdc(scaled);
    Table t = cdc.tables().stream().filter(x -> x.name().equals(table)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("template " + template + " has no table " + table));
    ChangeFeed f = t.changeFeed();
    if (f == null) {
      throw new IllegalArgumentException("table " + table + " of " + template + " has no change feed in its recipe");
    }
    ChangeFeed feed = new ChangeFeed(f.name(), rows, f.weights(), f.changes(), format, f.appendAs(),
        f.operationColumn(), f.sequenceColumn());
    Table target = t.withChangeFeed(feed);
    if (t.rows() != rows) {
      throw new IllegalStateException(template + " scaled to " + rows + " rows has " + t.rows() + " in " + table);
    }
    return cdc.withTables(cdc.tables().stream().map(x -> x == t ? target : x).toList());
  }

  static ChangeFeed.Format format(String kind) {
    return switch (kind) {
      case "delta_cdf" -> ChangeFeed.Format.DELTA_CDF;
      case "debezium" -> ChangeFeed.Format.DEBEZIUM;
      default -> ChangeFeed.Format.PLAIN;
    };
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
