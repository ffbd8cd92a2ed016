import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's steady state for several vector sizes in one JVM: after {@code warmups} runs at every size, runs
 * {@code rounds} rounds, each generating the plan once at every size in turn (so drift in the machine's load hits
 * every size alike), and prints per size the median wall seconds, the median CPU seconds of the process during the
 * run and the JIT compilation time the runs caused. The output is the same bytes for every size; the run fails if
 * validation does not pass. Run from the repository root after {@code ./mvnw -DskipTests package}:
 *
 * <pre>java -XX:+UseParallelGC -Xmn256m -cp server/target/synthgen.jar bench/VectorRuns.java
 *     bench/plans/w2-transactions.json 2048,8192,131072 5 /tmp/vectors</pre>
 */
public class VectorRuns {

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: VectorRuns <plan.json> <vector sizes, comma-separated> [rounds (default 5)]"
          + " [output folder (default: a temporary one)] [warm-up runs per size (default 1)]");
      System.exit(2);
    }
    int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path out = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("synthgen-vectors");
    int warmups = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    ResolvedPlan plan = Resolver.resolve(PlanCodec.read(Path.of(args[0])));
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    for (int w = 0; w < warmups; w++) {
      for (int v : sizes) {
        run(plan, out, v);
      }
    }
    Map<Integer, List<double[]>> samples = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (int v : sizes) {
        long jit0 = jit.getTotalCompilationTime();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        run(plan, out, v);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double jitS = (jit.getTotalCompilationTime() - jit0) / 1e3;
        samples.computeIfAbsent(v, k -> new ArrayList<>()).add(new double[] {wall, cpu, jitS});
      }
    }
    long rows = plan.totalRows();
    System.out.printf(Locale.ROOT, "%,d rows, %d rounds after %d warm-up run(s) per size; load average %s%n", rows,
        rounds, warmups, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    System.out.println("| vector rows | median s | median CPU s | CPU s per million rows | JIT s (all runs) |");
    System.out.println("|---|---|---|---|---|");
    for (Map.Entry<Integer, List<double[]>> e : samples.entrySet()) {
      double wall = median(e.getValue(), 0);
      double cpu = median(e.getValue(), 1);
      double jitS = e.getValue().stream().mapToDouble(s -> s[2]).sum();
      System.out.printf(Locale.ROOT, "| %,d | %.3f | %.3f | %.3f | %.2f |%n", e.getKey(), wall, cpu,
          cpu / rows * 1e6, jitS);
    }
  }

  private static void run(ResolvedPlan plan, Path out, int vectorRows) throws Exception {
    RunResult r = Runs.generate(plan, out, WriterOptions.parquetZstd(),
        new Engine(Runtime.getRuntime().availableProcessors(), Engine.DEFAULT_CHUNK_ROWS, vectorRows),
        Progress.NONE, new Cancellation());
    if (!r.validation().failures().isEmpty()) {
      throw new IllegalStateException("validation failed: " + r.validation().failures());
    }
  }

  private static double median(List<double[]> runs, int k) {
    double[] a = runs.stream().mapToDouble(s -> s[k]).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
