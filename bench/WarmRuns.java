import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generates one plan several times in one JVM and prints how long each run took and how much JIT compilation it
 * caused: the first run is what {@code synthgen generate} pays as a process, the later ones are the engine's steady
 * state. Run from the repository root after {@code ./mvnw -DskipTests package}:
 *
 * <pre>java -XX:+UseParallelGC -Xmn256m -cp server/target/synthgen.jar bench/WarmRuns.java bench/plans/w1-customers.json 5 /tmp/warm</pre>
 */
public class WarmRuns {

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: WarmRuns <plan.json> [runs (default 5)] [output folder (default: a temporary one)]");
      System.exit(2);
    }
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path out = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("synthgen-warm");
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

    long t0 = System.nanoTime();
    Plan plan = PlanCodec.read(Path.of(args[0]));
    long t1 = System.nanoTime();
    ResolvedPlan resolved = Resolver.resolve(plan);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "plan read %.0f ms, resolved (dictionaries, expressions) %.0f ms%n",
        (t1 - t0) / 1e6, (t2 - t1) / 1e6);

    long rows = resolved.totalRows();
    for (int i = 1; i <= runs; i++) {
      long jitBefore = jit.getTotalCompilationTime();
      long s = System.nanoTime();
      RunResult r = Runs.generate(resolved, out, WriterOptions.parquetZstd(), Engine.defaults(), Progress.NONE,
          new Cancellation());
      double seconds = (System.nanoTime() - s) / 1e9;
      if (!r.validation().failures().isEmpty()) {
        throw new IllegalStateException("run " + i + " failed validation: " + r.validation().failures());
      }
      System.out.printf(Locale.ROOT, "run %d: %.2f s, %,.0f rows/s, JIT compilation during the run %.2f s%n", i,
          seconds, rows / seconds, (jit.getTotalCompilationTime() - jitBefore) / 1e3);
    }
  }
}
