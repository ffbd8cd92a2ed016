import io.synthgen.compile.CompiledColumn;
import io.synthgen.compile.CompiledPlan;
import io.synthgen.compile.CompiledTable;
import io.synthgen.compile.SqlCompiler;
import io.synthgen.compile.SqlOptions;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Runs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark SQL benchmark: synthgen's compiled SQL ({@link SqlCompiler}) against a dbldatagen-style peer
 * ({@code bench/peers/spark-sql/w1.sql}, {@code w2.sql}: plain {@code rand(seed)} per column) on the workloads W1
 * and W2 of the shared bench, both written as Parquet (ZSTD) by the same {@code df.write} in one Spark local[2]
 * session; and a large run of W2 through the compiled SQL, checked from the files it wrote. Run by
 * {@code bench/spark.sh}, which builds the classpath, compiles this file and verifies the outputs.
 *
 * <pre>
 * java ... SparkRuns compare --work DIR --words DIR --report FILE [--w1-rows N] [--w2-rows N] [--runs K]
 *     [--partitions P]
 * java ... SparkRuns large --work DIR --report FILE [--rows N] [--slices S] [--partitions P per slice]
 *     [--budget-seconds T] [--format parquet|delta]
 * </pre>
 *
 * <p>Every case is timed as the wall-clock seconds of its write and the CPU seconds the JVM spent meanwhile (on a
 * shared machine the CPU seconds are the steadier measure); the load average is recorded around each run.
 */
public final class SparkRuns {

  private static final Path ROOT = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath();
  private static final Path W1_PLAN = ROOT.resolve("bench/plans/w1-customers.json");
  private static final Path W2_PLAN = ROOT.resolve("bench/plans/w2-transactions.json");
  private static final Path PEERS = ROOT.resolve("bench/peers/spark-sql");
  /** W2's expected means (shared/bench/workloads/transactions.properties). */
  private static final double W2_MEAN_TOTAL = 197.856;
  private static final double W2_MEAN_ITEMS = 4.6152;

  private final Map<String, String> opts;
  private final Path work;
  private final Path report;
  private final List<String> lines = new ArrayList<>();
  private SparkSession spark;

  private SparkRuns(Map<String, String> opts) {
    this.opts = opts;
    this.work = Path.of(required(opts, "work")).toAbsolutePath();
    this.report = Path.of(required(opts, "report")).toAbsolutePath();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !(args[0].equals("compare") || args[0].equals("large"))) {
      System.err.println("usage: SparkRuns compare|large --work DIR --report FILE [options] (see the class comment)");
      System.exit(2);
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options are --name value pairs; got " + args[i]);
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    SparkRuns runs = new SparkRuns(opts);
    Files.createDirectories(runs.work);
    runs.spark = startSpark(runs.work, opts.getOrDefault("format", "parquet").equals("delta"));
    try {
      if (args[0].equals("compare")) {
        runs.compare();
      } else {
        runs.large();
      }
    } finally {
      runs.spark.stop();
    }
  }

  // ---------------------------------------------------------------------------------------------- side by side

  private void compare() throws Exception {
    long w1Rows = Long.parseLong(opts.getOrDefault("w1-rows", "1000000"));
    long w2Rows = Long.parseLong(opts.getOrDefault("w2-rows", "10000000"));
    int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));
    int partitions = Integer.parseInt(opts.getOrDefault("partitions", "2"));
    Path words = Path.of(required(opts, "words"));
    String only = opts.getOrDefault("only", "");

    List<Workload> workloads = new ArrayList<>();
    if (!only.equals("W2")) {
      workloads.add(new Workload("W1", "customers", W1_PLAN, w1Rows, PEERS.resolve("w1.sql")));
    }
    if (!only.equals("W1")) {
      workloads.add(new Workload("W2", "transactions", W2_PLAN, w2Rows, PEERS.resolve("w2.sql")));
    }
    lines.add("# Spark SQL benchmark, " + Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC");
    lines.add("");
    lines.add("Spark " + spark.version() + " local[2], " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB; range() in " + partitions + " partitions; Parquet "
        + "ZSTD through df.write. Median of " + runs + " runs after one warm-up of each case, alternating which "
        + "contender goes first. CPU s = CPU seconds of the JVM during the write.");
    lines.add("");
    lines.add("| workload | rows | peer s | synthgen s | peer / synthgen (wall) | peer CPU s | synthgen CPU s "
        + "| peer / synthgen (CPU) | synthgen rows/s | peer bytes | synthgen bytes | load avg (1 min) |");
    lines.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
    List<String> details = new ArrayList<>();
    List<String> generationOnly = new ArrayList<>();
    for (Workload w : workloads) {
      String peerSql = fill(Files.readString(w.peerSql()), w.rows(), partitions, words);
      Compiled sg = compile(w.plan(), w.rows(), partitions, w.table());
      for (String s : sg.setup()) {
        spark.sql(s).collect();
      }
      Files.writeString(work.resolve(w.name() + "-peer.sql"), peerSql);
      Files.writeString(work.resolve(w.name() + "-synthgen.sql"), String.join(";\n", sg.setup())
          + (sg.setup().isEmpty() ? "" : ";\n") + sg.select());
      explain(w.name() + "-peer", peerSql);
      explain(w.name() + "-synthgen", sg.select());
      Path peerOut = work.resolve(w.name() + "-peer");
      Path sgOut = work.resolve(w.name() + "-synthgen");
      double loadStart = loadAverage();
      Timing peerWarm = write(peerSql, peerOut, "parquet");
      Timing sgWarm = write(sg.select(), sgOut, "parquet");
      details.add(String.format(Locale.ROOT, "%s warm-up: peer %.2f s (%.2f CPU s), synthgen %.2f s (%.2f CPU s)",
          w.name(), peerWarm.seconds(), peerWarm.cpu(), sgWarm.seconds(), sgWarm.cpu()));
      List<Timing> peer = new ArrayList<>();
      List<Timing> mine = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        if (i % 2 == 1) {
          peer.add(write(peerSql, peerOut, "parquet"));
          mine.add(write(sg.select(), sgOut, "parquet"));
        } else {
          mine.add(write(sg.select(), sgOut, "parquet"));
          peer.add(write(peerSql, peerOut, "parquet"));
        }
        details.add(String.format(Locale.ROOT, "%s run %d: peer %s; synthgen %s", w.name(), i, peer.get(i - 1),
            mine.get(i - 1)));
        System.err.println(details.get(details.size() - 1));
      }
      // generation alone: the same SELECTs into Spark's noop sink (every row and column computed, nothing written)
      List<Timing> peerNoop = new ArrayList<>();
      List<Timing> mineNoop = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        peerNoop.add(write(peerSql, peerOut.resolveSibling(w.name() + "-noop"), "noop"));
        mineNoop.add(write(sg.select(), sgOut.resolveSibling(w.name() + "-noop"), "noop"));
        details.add(String.format(Locale.ROOT, "%s run %d, noop sink (generation only): peer %s; synthgen %s",
            w.name(), i, peerNoop.get(i - 1), mineNoop.get(i - 1)));
      }
      generationOnly.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |", w.name(),
          median(peerNoop, Timing::seconds), median(mineNoop, Timing::seconds),
          median(peerNoop, Timing::seconds) / median(mineNoop, Timing::seconds), median(peerNoop, Timing::cpu),
          median(mineNoop, Timing::cpu), median(peerNoop, Timing::cpu) / median(mineNoop, Timing::cpu)));
      double loadEnd = loadAverage();
      double ps = median(peer, Timing::seconds);
      double ss = median(mine, Timing::seconds);
      double pc = median(peer, Timing::cpu);
      double sc = median(mine, Timing::cpu);
      lines.add(String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %,.0f | %,d | %,d "
              + "| %.2f → %.2f |", w.name(), w.rows(), ps, ss, ps / ss, pc, sc, pc / sc, w.rows() / ss,
          bytes(peerOut), bytes(sgOut), loadStart, loadEnd));
      details.add(checkAgainstLocal(w, sg, sgOut));
      System.err.println(details.get(details.size() - 1));
    }
    lines.add("");
    lines.add("Generation alone (the same SELECTs into Spark's `noop` sink: every value computed, nothing encoded or "
        + "written; medians of " + runs + "):");
    lines.add("");
    lines.add("| workload | peer s | synthgen s | peer / synthgen (wall) | peer CPU s | synthgen CPU s "
        + "| peer / synthgen (CPU) |");
    lines.add("|---|---|---|---|---|---|---|");
    lines.addAll(generationOnly);
    lines.add("");
    lines.add("Each run (wall s, CPU s of the JVM, GC s, load average before → after):");
    lines.add("");
    details.forEach(d -> lines.add("- " + d));
    writeReport();
  }

  /**
   * Compares the compiled SQL's output with the local engine's for the same plan: row count and an order-free
   * fingerprint of every cell (the sum of xxhash64 over each row's columns cast to their plan types), both read
   * back by Spark from the Parquet files.
   */
  private String checkAgainstLocal(Workload w, Compiled sg, Path sgOut) throws Exception {
    Path local = work.resolve(w.name() + "-local");
    deleteTree(local);
    ResolvedPlan resolved = Resolver.resolve(scaled(w.plan(), w.rows()));
    long t = System.nanoTime();
    Runs.generate(resolved, local, WriterOptions.parquetZstd(), Engine.defaults(), Progress.NONE, new Cancellation());
    double localSeconds = (System.nanoTime() - t) / 1e9;
    Fingerprint a = fingerprint(sgOut.toString(), sg.columns(), null);
    Fingerprint b = fingerprint(local.resolve(w.table() + ".parquet").toString(), sg.columns(), null);
    return String.format(Locale.ROOT, "%s compiled SQL against the local engine (%.1f s, same JVM): %s; compiled "
        + "%s, local %s", w.name(), localSeconds, a.equals(b) ? "equal" : "DIFFERENT", a, b);
  }

  // ---------------------------------------------------------------------------------------------- the large run

  private void large() throws Exception {
    long rows = Long.parseLong(opts.getOrDefault("rows", "1000000000"));
    int slices = Integer.parseInt(opts.getOrDefault("slices", "10"));
    int partitions = Integer.parseInt(opts.getOrDefault("partitions", "10"));
    double budget = Double.parseDouble(opts.getOrDefault("budget-seconds", "0"));
    String format = opts.getOrDefault("format", "parquet");
    Path out = work.resolve("large-w2-" + format);
    deleteTree(out);
    Compiled sg = compile(W2_PLAN, rows, partitions, "transactions");
    for (String s : sg.setup()) {
      spark.sql(s).collect();
    }
    // slices of the table, rows [first, first + count) each (CompiledTable.select(first, count)), appended to one
    // table: progress is visible, and a time budget stops before a slice that would start too late
    long per = (rows + slices - 1) / slices;
    double load0 = loadAverage();
    List<Timing> done = new ArrayList<>();
    long written = 0;
    for (int i = 0; i < slices && written < rows; i++) {
      double elapsed = done.stream().mapToDouble(Timing::seconds).sum();
      if (budget > 0 && i > 0 && elapsed + elapsed / i > budget) {
        System.err.printf(Locale.ROOT, "stopping after %d slices: the next would end past the budget of %.0f s%n",
            i, budget);
        break;
      }
      long count = Math.min(per, rows - written);
      Timing t = write(sg.table().select(written, count), out, format, i == 0 ? SaveMode.Overwrite : SaveMode.Append);
      done.add(t);
      written += count;
      System.err.printf(Locale.ROOT, "large W2 slice %d: rows [%,d, %,d): %s%n", i, written - count, written, t);
    }
    double load1 = loadAverage();
    double seconds = done.stream().mapToDouble(Timing::seconds).sum();
    double cpu = done.stream().mapToDouble(Timing::cpu).sum();
    double gc = done.stream().mapToDouble(Timing::gc).sum();
    long planned = rows;
    rows = written;
    String source = format.equals("delta") ? "delta.`" + out + "`" : "parquet.`" + out + "`";

    long c0 = System.nanoTime();
    Row r = spark.sql("SELECT count(*), sum(txn_id), min(txn_id), max(txn_id), sum(total_amount), "
        + "sum(tax_amount), count(discount_amount), avg(items_count) FROM " + source).first();
    double checkSeconds = (System.nanoTime() - c0) / 1e9;
    long count = r.getLong(0);
    BigInteger sumId = new BigInteger(r.get(1).toString());
    BigInteger expectSumId = BigInteger.valueOf(rows).multiply(BigInteger.valueOf(rows + 1)).shiftRight(1);
    BigDecimal sumTotal = (BigDecimal) r.get(4);
    double meanTotal = sumTotal.doubleValue() / count;
    double nullShare = 1 - (double) r.getLong(6) / count;
    double meanItems = r.getDouble(7);

    // the first 10M rows of the large table against the local engine's W2 at 10M rows (values do not depend on
    // the row count of this plan: no foreign keys, no per-parent layout)
    long prefix = Math.min(rows, 10_000_000L);
    Path local = work.resolve("large-local-prefix");
    deleteTree(local);
    Runs.generate(Resolver.resolve(scaled(W2_PLAN, prefix)), local, WriterOptions.parquetZstd(), Engine.defaults(),
        Progress.NONE, new Cancellation());
    Fingerprint big = fingerprint(source, sg.columns(), "txn_id <= " + prefix);
    Fingerprint small = fingerprint("parquet.`" + local.resolve("transactions.parquet") + "`", sg.columns(), null);

    lines.add("# Large W2 run through the compiled SQL, " + Instant.now().toString().substring(0, 16)
        .replace('T', ' ') + " UTC");
    lines.add("");
    lines.add(String.format(Locale.ROOT, "Spark %s local[2], max heap %d MB, %s (ZSTD), load average %.2f → %.2f.",
        spark.version(), Runtime.getRuntime().maxMemory() / (1 << 20), format, load0, load1));
    lines.add("");
    if (rows < planned) {
      lines.add(String.format(Locale.ROOT, "**Stopped by the time budget (%.0f s) after %,d of the %,d planned rows**; "
          + "the numbers and checks below are of the rows written.", budget, rows, planned));
      lines.add("");
    }
    lines.add("| rows | seconds | CPU s | GC s | rows/s | bytes | bytes/row |");
    lines.add("|---|---|---|---|---|---|---|");
    long bytes = bytes(out);
    lines.add(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f | %,.0f | %,d | %.1f |", rows, seconds, cpu,
        gc, rows / seconds, bytes, (double) bytes / rows));
    lines.add("");
    lines.add(String.format(Locale.ROOT, "%d slices of up to %,d rows (each `CompiledTable.select(first, count)`, "
        + "range() in %d partitions, appended to one %s table):", done.size(), per, partitions, format));
    lines.add("");
    for (int i = 0; i < done.size(); i++) {
      lines.add("- slice " + i + ": " + done.get(i));
    }
    lines.add("");
    lines.add(String.format(Locale.ROOT, "Checks, read back by Spark from the files (%.1f s):", checkSeconds));
    lines.add("");
    lines.add(check("count(*) = " + rows, count == rows, String.format(Locale.ROOT, "%,d", count)));
    lines.add(check("sum(txn_id) = n(n+1)/2 = " + expectSumId, sumId.equals(expectSumId), sumId.toString()));
    lines.add(check("min(txn_id) = 1, max(txn_id) = n", r.getLong(2) == 1 && r.getLong(3) == rows,
        r.getLong(2) + ", " + r.getLong(3)));
    lines.add(check(String.format(Locale.ROOT, "mean total_amount within 0.1 %% of %.3f", W2_MEAN_TOTAL),
        Math.abs(meanTotal / W2_MEAN_TOTAL - 1) < 1e-3, String.format(Locale.ROOT,
            "sum %s, mean %.4f (%+.4f %%)", sumTotal.toPlainString(), meanTotal, 100 * (meanTotal / W2_MEAN_TOTAL - 1))));
    lines.add(check(String.format(Locale.ROOT, "mean items_count within 0.1 %% of %.4f", W2_MEAN_ITEMS),
        Math.abs(meanItems / W2_MEAN_ITEMS - 1) < 1e-3, String.format(Locale.ROOT, "%.5f", meanItems)));
    lines.add(check("discount_amount NULL share within 0.0005 of 0.02", Math.abs(nullShare - 0.02) < 5e-4,
        String.format(Locale.ROOT, "%.5f", nullShare)));
    lines.add(check("rows with txn_id ≤ " + prefix + " equal the local engine's W2 at " + prefix
        + " rows (count and xxhash64 fingerprint of every cell)", big.equals(small), "large " + big + ", local "
        + small));
    writeReport();
  }

  private static String check(String what, boolean ok, String got) {
    return "- " + (ok ? "PASS" : "FAIL") + " " + what + ": " + got;
  }

  // ---------------------------------------------------------------------------------------------- pieces

  record Workload(String name, String table, Path plan, long rows, Path peerSql) {
  }

  record Compiled(List<String> setup, CompiledTable table) {
    String select() {
      return table.select();
    }

    List<CompiledColumn> columns() {
      return table.columns();
    }
  }

  record Timing(double seconds, double cpu, double gc, double loadBefore, double loadAfter) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.2f s, %.2f CPU s, %.2f GC s, load %.2f → %.2f", seconds, cpu, gc,
          loadBefore, loadAfter);
    }
  }

  record Fingerprint(long rows, BigDecimal hashSum) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d rows, Σxxhash64 %s", rows, hashSum.toPlainString());
    }
  }

  private static Plan scaled(Path planFile, long rows) throws Exception {
    Plan plan = PlanCodec.read(planFile);
    if (plan.tables().size() != 1) {
      throw new IllegalArgumentException(planFile + ": the workload plans have one table");
    }
    return plan.withTables(List.of(plan.tables().get(0).withRows(rows)));
  }

  private Compiled compile(Path planFile, long rows, int partitions, String table) throws Exception {
    ResolvedPlan resolved = Resolver.resolve(scaled(planFile, rows));
    CompiledPlan compiled = SqlCompiler.compile(resolved, new SqlOptions(null, partitions));
    CompiledTable t = compiled.table(table);
    if (t.rows() != rows) {
      throw new IllegalStateException(table + ": the compiled table has " + t.rows() + " rows, not " + rows);
    }
    return new Compiled(compiled.setup(), t);
  }

  /** The peer's SQL with its placeholders filled: rows, partitions and the shared word lists. */
  private static String fill(String sql, long rows, int partitions, Path words) throws IOException {
    // the header comment names the placeholders; drop comment lines before filling them
    String body = sql.lines().filter(l -> !l.stripLeading().startsWith("--")).collect(Collectors.joining("\n"));
    String out = body.replace("${rows}", Long.toString(rows)).replace("${partitions}", Integer.toString(partitions));
    try (Stream<Path> files = Files.list(words)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".txt", "");
        List<String> values = Files.readAllLines(f).stream().filter(s -> !s.isEmpty()).toList();
        String array = values.stream().map(v -> "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'")
            .collect(Collectors.joining(", ", "array(", ")"));
        out = out.replace("${n_" + name + "}", Integer.toString(values.size())).replace("${" + name + "}", array);
      }
    }
    if (out.contains("${")) {
      throw new IllegalArgumentException("unfilled placeholder in peer SQL near: "
          + out.substring(out.indexOf("${"), Math.min(out.length(), out.indexOf("${") + 40)));
    }
    return out;
  }

  private Timing write(String select, Path out, String format) {
    return write(select, out, format, SaveMode.Overwrite);
  }

  private Timing write(String select, Path out, String format, SaveMode mode) {
    if (mode == SaveMode.Overwrite) {
      deleteTree(out);
    }
    double load0 = loadAverage();
    long cpu0 = cpuNanos();
    long gc0 = gcMillis();
    long t0 = System.nanoTime();
    var writer = spark.sql(select).write().mode(mode).format(format);
    if (format.equals("parquet")) {
      writer = writer.option("compression", "zstd");
    }
    if (format.equals("noop")) {
      writer.save();
    } else {
      writer.save(out.toString());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Timing(seconds, (cpuNanos() - cpu0) / 1e9, (gcMillis() - gc0) / 1e3, load0, loadAverage());
  }

  private Fingerprint fingerprint(String source, List<CompiledColumn> columns, String where) {
    String from = source.contains("`") ? source : "parquet.`" + source + "`";
    String cells = columns.stream().map(c -> "CAST(" + ident(c.name()) + " AS " + c.sparkType() + ")")
        .collect(Collectors.joining(", "));
    Row r = spark.sql("SELECT count(*), sum(CAST(xxhash64(" + cells + ") AS DECIMAL(38,0))) FROM " + from
        + (where == null ? "" : " WHERE " + where)).first();
    return new Fingerprint(r.getLong(0), (BigDecimal) r.get(1));
  }

  private void explain(String name, String select) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Row r : spark.sql("EXPLAIN FORMATTED " + select).collectAsList()) {
      b.append(r.getString(0)).append('\n');
    }
    for (Row r : spark.sql("EXPLAIN CODEGEN " + select).collectAsList()) {
      b.append(r.getString(0)).append('\n');
    }
    Files.writeString(work.resolve("explain-" + name + ".txt"), b);
  }

  private void writeReport() throws IOException {
    Files.createDirectories(report.getParent());
    String text = String.join("\n", lines) + "\n";
    Files.writeString(report, text, Files.exists(report) ? java.nio.file.StandardOpenOption.APPEND
        : java.nio.file.StandardOpenOption.CREATE);
    System.out.print(text);
  }

  private static SparkSession startSpark(Path work, boolean delta) {
    SparkSession.Builder b = SparkSession.builder()
        .appName("synthgen-spark-bench")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.warehouse.dir", work.resolve("warehouse").toUri().toString())
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        // timestamps as INT64 microseconds (the default INT96 is a legacy type DuckDB and the verifier read badly)
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        // ZSTD for Delta's Parquet files too (df.write's option covers only the parquet format)
        .config("spark.sql.parquet.compression.codec", "zstd")
        .config("spark.sql.debug.maxToStringFields", "500");
    if (delta) {
      b = b.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .config("spark.databricks.delta.snapshotPartitions", "2");
    }
    return b.getOrCreate();
  }

  private static String ident(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  private static double median(List<Timing> ts, java.util.function.ToDoubleFunction<Timing> f) {
    double[] v = ts.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException e) {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
  }

  private static long bytes(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && !n.startsWith(".") && !n.startsWith("_");
      }).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
