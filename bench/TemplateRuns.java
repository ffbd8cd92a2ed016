import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.resolve.Resolver;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures an industry template's steady per-table cost: the template is resolved at ROWS rows of its main table
 * (other tables keep their ratios, as {@code --rows} does), warmed up once at its default size, and then each table is
 * generated alone through the engine (Parquet, ZSTD, all cores) while the process CPU time and the wall time are
 * taken around it. Post-run validation is not part of it (the engine alone). Each table's output is deleted after
 * it is measured. Run from the repository root after {@code ./mvnw -DskipTests package}:
 *
 * <pre>java -XX:+UseParallelGC -Xmn256m -cp server/target/synthgen.jar bench/TemplateRuns.java healthcare 10000000 /tmp/tr</pre>
 *
 * <p>Prints one tab-separated line per table, {@code table <tab> template <tab> name <tab> rows <tab> columns <tab>
 * wall s <tab> CPU s <tab> main <tab> computed columns}, main being 1 for the plan's main table and 0 otherwise and
 * computed columns counting the omitted ones too (a table may compute many more columns than it writes), which
 * bench/run.sh turns into rates, plus readable lines on stderr.
 */
public class TemplateRuns {

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: TemplateRuns <template> <rows of the main table> <output folder>");
      System.exit(2);
    }
    String name = args[0];
    long rows = Long.parseLong(args[1]);
    Path out = Path.of(args[2]);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    ResolvedPlan warm = Resolver.resolve(Templates.load(name));
    long ws = System.nanoTime();
    for (ResolvedTable t : warm.tables()) {
      generate(warm, t, out);
    }
    System.err.printf(Locale.ROOT, "%s: warm-up at the default size (%,d rows), %.2f s%n", name,
        warm.totalRows(), (System.nanoTime() - ws) / 1e9);

    Plan template = Templates.load(name);
    String main = template.mainTable() != null ? template.mainTable() : template.tables().get(0).name();
    ResolvedPlan plan = Resolver.resolve(Scaling.scale(template, rows));
    for (ResolvedTable t : plan.tables()) {
      int columns = Engine.outputColumns(t).size();
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      generate(plan, t, out);
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.out.printf(Locale.ROOT, "table\t%s\t%s\t%d\t%d\t%.3f\t%.3f\t%d\t%d%n", name, t.name(), t.rows(),
          columns, wall, cpu, t.name().equals(main) ? 1 : 0, t.columns().size());
      System.err.printf(Locale.ROOT, "%s.%s: %,d rows x %d columns, %.2f s wall, %.2f s CPU, %.3f CPU s per "
          + "million rows per column%n", name, t.name(), t.rows(), columns, wall, cpu,
          t.rows() == 0 ? 0 : cpu / (t.rows() / 1e6) / columns);
    }
  }

  /** Writes one table alone into {@code out} and deletes what it wrote. */
  private static void generate(ResolvedPlan plan, ResolvedTable t, Path out) throws IOException {
    Engine.defaults().run(List.of(TableSource.of(plan, t)), out, WriterOptions.parquetZstd(), Progress.NONE,
        new Cancellation(), null);
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(out)) {
          Files.delete(p);
        }
      }
    }
  }
}
