package io.synthgen.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Preview;
import io.synthgen.engine.Progress;
import io.synthgen.output.TableWriter;
import io.synthgen.output.formats.TableWriters;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.plan.validate.PlanValidator;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.template.Scaling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fuzz oracle. A plan document goes through the real path ({@code PlanCodec.read} with the standard dictionaries,
 * then {@code Resolver.resolve}, as the command line does) and must end in one of two ways:
 * <ul>
 *   <li>refused: a {@link PlanException} whose every violation has a JSON path from the plan root, a rule and a fix;
 *   <li>accepted: the plan, scaled down to at most {@link #MAX_GENERATED_ROWS} rows, is generated to Parquet by
 *       {@link Runs#generate}, its own validator passes, and DuckDB finds the output true to the plan
 *       ({@link OutputCheck}).
 * </ul>
 * Anything else (another exception, an {@link Error}, a hang) fails the case.
 */
public final class PlanOracle {

  /** Generated rows per case, all tables together: enough to meet every strategy, small enough for CI. */
  public static final long MAX_GENERATED_ROWS = 2_000;

  /** Rows per chunk in the fuzz runs: small, so that several chunks and row groups are met. */
  static final int CHUNK_ROWS = 512;

  /** A per-parent table's exact rows may differ from its declared rows by this factor at most, once large. */
  static final double PER_PARENT_ROWS_FACTOR = 10;

  /** Below this many rows the declared and exact counts of a per-parent table are not compared. */
  static final long PER_PARENT_ROWS_FLOOR = 1_000;

  /** Rows per table the sample of the full plan picks. */
  static final int PREVIEW_ROWS = 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> TOP_LEVEL = Set.of("$", "format", "name", "industry", "description", "seed",
      "reference_date", "main_table", "tier", "destination", "tables");
  private static Set<String> dictionaryNames;

  /** How a case ended. */
  public enum Outcome { REFUSED, GENERATED, EMPTY, TOO_LARGE_TO_SCALE, SCALED_REFUSED }

  private PlanOracle() {
  }

  private static synchronized Set<String> dictionaries() {
    if (dictionaryNames == null) {
      dictionaryNames = Set.copyOf(Dictionaries.standard().names());
    }
    return dictionaryNames;
  }

  /** Checks one document under the hang guard; {@code describe} names it in a failure. */
  public static Outcome check(String json, String describe) {
    return Guard.run(describe, () -> checkNow(json));
  }

  /** The oracle without the guard (run it inside one). */
  static Outcome checkNow(String json) throws Exception {
    Plan plan;
    try {
      plan = PlanCodec.read(json, new HashSet<>(dictionaries()));
    } catch (PlanException e) {
      cleanRefusal(e, json, "reading");
      return Outcome.REFUSED;
    }
    ResolvedPlan full;
    try {
      full = Resolver.resolve(plan);
    } catch (PlanException e) {
      cleanRefusal(e, json, "resolving");
      return Outcome.REFUSED;
    }
    rowCountsInRange(full);
    perParentRowsHonoured(full);
    // the sample path (synthgen sample, generate_sample) sees the full plan, however large
    Preview.generate(full, PREVIEW_ROWS);
    ResolvedPlan small;
    try {
      small = scaledDown(full);
    } catch (PlanException e) {
      // fewer rows can leave a table empty (a per-parent table whose few parents drew no children), and a foreign
      // key to it is then rightly refused; the refusal must still be clean
      cleanRefusal(e, json, "resolving the scaled-down plan");
      return Outcome.SCALED_REFUSED;
    }
    if (small == null) {
      return Outcome.TOO_LARGE_TO_SCALE;
    }
    Path dir = Files.createTempDirectory("synthgen-fuzz-");
    try {
      destinationWritable(small, dir.resolve("probe"));
      Path out = dir.resolve("run");
      RunResult run = Runs.generate(small, out, WriterOptions.parquetZstd(), new Engine(1, CHUNK_ROWS),
          Progress.NONE, new Cancellation());
      if (!run.validation().passed()) {
        throw new AssertionError("accepted plan, but the run's own validator failed: " + run.validation().failures());
      }
      OutputCheck.check(small, out);
      return small.totalRows() == 0 ? Outcome.EMPTY : Outcome.GENERATED;
    } finally {
      deleteRecursively(dir);
    }
  }

  /** Every violation names a JSON path from the root, a rule and a fix, and nothing looks like a stack trace. */
  static void cleanRefusal(PlanException e, String json, String stage) {
    List<Violation> vs = e.violations();
    if (vs.isEmpty()) {
      throw new AssertionError("refused while " + stage + " with no violation: " + e.getMessage());
    }
    Set<String> roots = new HashSet<>(TOP_LEVEL);
    roots.addAll(topLevelKeys(json));
    for (Violation v : vs) {
      String path = v.path();
      if (path == null || path.isBlank()) {
        throw new AssertionError("violation without a path while " + stage + ": " + v);
      }
      String first = firstSegment(path);
      if (!roots.contains(first)) {
        throw new AssertionError("violation path '" + path + "' does not start at the plan root (first segment '"
            + first + "') while " + stage + ": " + v);
      }
      if (v.rule() == null || v.rule().isBlank()) {
        throw new AssertionError("violation without a rule while " + stage + ": " + v);
      }
      if (v.fix() == null || v.fix().isBlank()) {
        throw new AssertionError("violation without a fix while " + stage + ": " + v);
      }
      String text = v.toString();
      if (text.contains("\tat ") || text.contains("Exception in thread") || text.contains("this is a bug")) {
        throw new AssertionError("violation carries a stack trace or a bug report while " + stage + ": " + v);
      }
    }
  }

  private static String firstSegment(String path) {
    int end = path.length();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        end = i;
        break;
      }
    }
    return path.substring(0, end);
  }

  private static Set<String> topLevelKeys(String json) {
    Set<String> keys = new HashSet<>();
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n != null && n.isObject()) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
          keys.add(it.next());
        }
      }
    } catch (IOException e) {
      // not JSON: only the fixed root names apply
    }
    return keys;
  }

  /** Exact row counts (per-parent tables included) stay within the plan format's row limit. */
  static void rowCountsInRange(ResolvedPlan full) {
    for (ResolvedTable t : full.tables()) {
      if (t.rows() < 0 || t.rows() > PlanValidator.MAX_ROWS) {
        throw new AssertionError("accepted plan, but table " + t.name() + " would have " + t.rows()
            + " rows, outside 0.." + PlanValidator.MAX_ROWS);
      }
    }
  }

  /** A per-parent table whose declared rows the run would ignore by orders of magnitude must have been refused. */
  static void perParentRowsHonoured(ResolvedPlan full) {
    for (Table t : full.plan().tables()) {
      if (t.perParent() == null) {
        continue;
      }
      long declared = t.rows();
      long exact = full.table(t.name()).rows();
      if (Math.max(declared, exact) >= PER_PARENT_ROWS_FLOOR
          && (exact * PER_PARENT_ROWS_FACTOR < declared || declared * PER_PARENT_ROWS_FACTOR < exact)) {
        throw new AssertionError("accepted plan, but per_parent table " + t.name() + " declares " + declared
            + " rows and the run would write " + exact);
      }
    }
  }

  /** The plan scaled to at most {@link #MAX_GENERATED_ROWS} rows, resolved; null when it cannot get there. */
  static ResolvedPlan scaledDown(ResolvedPlan full) throws PlanException {
    ResolvedPlan current = full;
    Plan plan = full.plan();
    double factor = 1;
    for (int attempt = 0; attempt < 8 && current.totalRows() > MAX_GENERATED_ROWS; attempt++) {
      factor = Math.min(factor / 2, factor * MAX_GENERATED_ROWS / (double) current.totalRows());
      current = Resolver.resolve(shrink(plan, factor));
    }
    return current.totalRows() > MAX_GENERATED_ROWS ? null : current;
  }

  /** Fewer rows: {@link Scaling} when the main table allows it, else every independent table scaled alike. */
  private static Plan shrink(Plan plan, double factor) {
    String main = plan.mainTable() != null ? plan.mainTable() : plan.tables().get(0).name();
    Table mainTable = plan.table(main).orElseThrow();
    if (mainTable.perParent() == null) {
      long rows = (long) Math.floor(mainTable.rows() * factor);
      return Scaling.scale(plan, mainTable.rows() > 0 ? Math.max(1, rows) : 0);
    }
    List<Table> out = new ArrayList<>();
    for (Table t : plan.tables()) {
      long n = (long) Math.floor(t.rows() * factor);
      out.add(t.withRows(t.rows() > 0 ? Math.max(1, n) : 0));
    }
    return plan.withTables(out);
  }

  /** What the plan's own destination would need at run time (format and compression) must work. */
  private static void destinationWritable(ResolvedPlan plan, Path probe) throws IOException {
    Destination d = plan.plan().destination();
    if (d == null || d.kind() != Destination.Kind.LOCAL || d.format() == null) {
      return;
    }
    Destination.Compression c = d.compression() != null ? d.compression()
        : d.format() == Destination.Format.PARQUET ? Destination.Compression.ZSTD : Destination.Compression.NONE;
    WriterOptions options = new WriterOptions(d.format(), c, 0);
    ResolvedTable first = plan.tables().get(0);
    try (TableWriter w = TableWriters.open(probe, first.name(), Engine.outputColumns(first), options)) {
      w.abort();
    } catch (IllegalArgumentException e) {
      throw new AssertionError("accepted plan, but its destination cannot be written: " + e.getMessage(), e);
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
