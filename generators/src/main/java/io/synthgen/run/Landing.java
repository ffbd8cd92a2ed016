package io.synthgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.BatchObserver;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableRun;
import io.synthgen.engine.TableSource;
import io.synthgen.output.FileEntry;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Plan;
import io.synthgen.quality.QualitySources;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import io.synthgen.validate.Validator;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A landing zone: the batches of a series written as one folder per table and batch, the way ingestion pipelines
 * (Auto Loader, Structured Streaming file sources) read them. Batch k of every table goes to its own folder, in
 * {@link Layout#BATCHES} {@code {table}/batch_{kkkk}/part-{nnnnn}.{ext}} and in {@link Layout#CDC_RAW} the seed's
 * {@code cdc_raw/{table}/initial_load/...} for batch 0 and {@code cdc_raw/{table}/batch_{kkk}/...} after.
 *
 * <p>Invariants: landing batch k adds its folders and never touches another batch's; a batch folder appears under
 * its final name only complete (its files are written in a hidden staging folder of the landing root, then the
 * folder is renamed into place in one step), so a reader never sees a partial file or a partial batch of a table;
 * a batch folder that exists is refused unless {@code overwrite} asks to replace exactly that folder. A landing
 * root holds one plan in one layout: {@code _synthgen/landing.json} names them, written before the first batch,
 * and {@code _synthgen/batch_{kkkk}.json} is each batch's manifest (files, rows, SHA-256), written last. Folders
 * starting with {@code _} or {@code .} are skipped by Spark's file sources.
 */
public final class Landing {

  /** The highest batch number of the {@code batches} layout: its folders carry 4 digits. */
  public static final long MAX_BATCH = 9_999;
  /** The highest batch number of the {@code cdc_raw} layout: its folders carry 3 digits, as the seed's. */
  public static final long MAX_CDC_RAW_BATCH = 999;
  /** Part files per batch folder at most (their names carry 5 digits). */
  public static final long MAX_FILES_PER_FOLDER = 100_000;
  /** The folder of the landing's own files: the landing description and one manifest per batch. */
  public static final String META = "_synthgen";
  static final String DESCRIPTION = "landing.json";
  static final String STAGING_PREFIX = ".synthgen-landing-";
  static final String LOCK_FILE = ".synthgen-landing.lock";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern MANIFEST_NAME = Pattern.compile("batch_(\\d{4})\\.json");
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  private static final SecureRandom TOKENS = new SecureRandom();

  private Landing() {
  }

  /** How batch folders are named. */
  public enum Layout {
    /** {@code {table}/batch_0000/}, {@code {table}/batch_0001/}, ... */
    BATCHES("batches"),
    /** {@code cdc_raw/{table}/initial_load/}, {@code cdc_raw/{table}/batch_001/}, ... (the seed's names) */
    CDC_RAW("cdc_raw");

    private final String jsonName;

    Layout(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    /** The highest batch this layout can name. */
    public long maxBatch() {
      switch (this) {
        case BATCHES:
          return MAX_BATCH;
        case CDC_RAW:
          return MAX_CDC_RAW_BATCH;
      }
      throw new IllegalStateException("no batch bound for " + this);
    }

    /** The folder of batch {@code k} of the output {@code table}, relative to the landing root. */
    public String folder(String table, long k) {
      switch (this) {
        case BATCHES:
          return table + "/" + String.format(Locale.ROOT, "batch_%04d", k);
        case CDC_RAW:
          return "cdc_raw/" + table + "/" + (k == 0 ? "initial_load" : String.format(Locale.ROOT, "batch_%03d", k));
      }
      throw new IllegalStateException("no folder names for " + this);
    }

    public static Layout parse(String s) {
      for (Layout l : values()) {
        if (l.jsonName.equalsIgnoreCase(s) || l.name().equalsIgnoreCase(s)) {
          return l;
        }
      }
      throw new IllegalArgumentException("unknown layout '" + s + "'; use batches ({table}/batch_0000/...) or "
          + "cdc_raw (cdc_raw/{table}/initial_load/, batch_001/...)");
    }
  }

  /** What one table of a landed batch holds: its folder (relative to the root) and files (paths relative too). */
  public record Landed(String table, String folder, long rows, List<FileEntry> files, double seconds) {

    public Landed {
      files = List.copyOf(files);
    }

    public long bytes() {
      return files.stream().mapToLong(FileEntry::bytes).sum();
    }
  }

  /** A landed batch. */
  public record Result(Path root, Layout layout, long batch, List<Landed> tables, Path manifest, boolean replaced,
      ValidationReport validation, double seconds) {

    public Result {
      tables = List.copyOf(tables);
    }

    public long rows() {
      return tables.stream().mapToLong(Landed::rows).sum();
    }

    public long bytes() {
      return tables.stream().mapToLong(Landed::bytes).sum();
    }
  }

  /** Batch folders that exist already: landing never rewrites a batch unless asked to replace exactly them. */
  public static final class BatchExists extends IOException {
    private static final long serialVersionUID = 1L;
    private final long batch;
    private final List<String> folders;

    BatchExists(Path root, long batch, List<String> folders) {
      super("batch " + batch + " is already landed in " + root + ": " + String.join(", ", folders)
          + "; earlier batches are never rewritten");
      this.batch = batch;
      this.folders = List.copyOf(folders);
    }

    public long batch() {
      return batch;
    }

    public List<String> folders() {
      return folders;
    }
  }

  /** A landing root that holds another plan's batches, another layout, or files that are not a landing. */
  public static final class NotALanding extends IOException {
    private static final long serialVersionUID = 1L;

    NotALanding(String message) {
      super(message);
    }
  }

  /**
   * Lands one batch: writes {@code sources} (what batch {@code batch} of {@code plan} writes) into {@code root}, with
   * each table's defects injected and its {@code <name>_defects} ground truth beside it, exactly as
   * {@link Runs#generate} writes the batch.
   *
   * @param options format, compression and {@code rowsPerFile} (the max records per file; 0: one file per folder)
   * @param overwrite replace the batch's folders when they exist (only those folders)
   * @param validator checks the plan tables the batch writes while they are written (null: none); its report is
   *     in the result and the batch manifest
   * @throws BatchExists when a folder of this batch exists and {@code overwrite} is false (nothing is written)
   * @throws NotALanding when {@code root} holds something else (nothing is written)
   */
  public static Result write(ResolvedPlan plan, List<TableSource> sources, long batch, Path root, Layout layout,
      WriterOptions options, boolean overwrite, Engine engine, Progress progress, Cancellation cancel,
      Validator validator) throws IOException {
    long start = System.nanoTime();
    // what Runs.generate writes for this batch: the defective sources and their <name>_defects ground truth
    List<TableSource> withDefects = validator == null ? QualitySources.applyAll(plan, sources, batch)
        : QualitySources.applyAll(plan, sources, validator, batch);
    Function<TableSource, BatchObserver> observers = validator == null ? s -> null
        : QualitySources.observers(validator);
    check(withDefects, batch, layout, options);
    String hash = Runs.planHash(plan.withExactRows());
    if (Files.isDirectory(root)) {
      checkDescription(root, plan, hash, layout); // before the lock file is made: a foreign folder stays as it was
    }
    Files.createDirectories(root);
    Lock lock = Lock.acquire(root);
    try {
      checkDescription(root, plan, hash, layout);
      List<String> existing = new ArrayList<>();
      for (TableSource s : withDefects) {
        String folder = layout.folder(s.name(), batch);
        if (Files.exists(root.resolve(folder))) {
          existing.add(folder);
        }
      }
      if (!existing.isEmpty() && !overwrite) {
        throw new BatchExists(root, batch, existing);
      }
      writeDescription(root, plan, hash, layout);
      Path staging = root.resolve(STAGING_PREFIX + token());
      try {
        List<TableSource> wrapped = new ArrayList<>();
        for (TableSource s : withDefects) {
          wrapped.add(new Positioned(s, observers.apply(s)));
        }
        Path written = staging.resolve("tables");
        List<TableRun> runs = engine.run(wrapped, written, options, progress, cancel, null);
        // every file is complete: from here on only renames, so a batch is never left half landed by a cancel
        List<Landed> landed = new ArrayList<>();
        String ext = extension(options);
        for (TableRun r : runs) {
          landed.add(commit(root, staging, written, r, layout.folder(r.table(), batch), ext));
        }
        ValidationReport report = validator == null ? null : validator.finish();
        Path manifest = root.resolve(META).resolve(String.format(Locale.ROOT, "batch_%04d.json", batch));
        double seconds = (System.nanoTime() - start) / 1e9;
        writeAtomically(manifest, manifest(plan, hash, layout, batch, options, landed, report, seconds));
        return new Result(root, layout, batch, landed, manifest, !existing.isEmpty(), report, seconds);
      } finally {
        deleteTree(staging);
      }
    } finally {
      lock.close();
    }
  }

  /**
   * Refuses, before any work, a root that {@link #write} would refuse: one holding another plan's batches, another
   * layout, or files that are not a landing. Reads only.
   */
  public static void requireLandable(ResolvedPlan plan, Path root, Layout layout) throws IOException {
    if (Files.isDirectory(root)) {
      checkDescription(root, plan, Runs.planHash(plan.withExactRows()), layout);
    }
  }

  /**
   * The validator of a landed batch: the plan tables it writes (static tables in batch 0, append slices), held to
   * the batch's rules, as a batch run's; feeds, states and histories are checked by their own tests.
   */
  public static Validator validator(ResolvedPlan plan, List<TableSource> sources, long batch) {
    Set<String> written = new java.util.LinkedHashSet<>();
    for (TableSource s : sources) {
      if (s.table() != null) {
        written.add(s.table().name());
      }
    }
    return new Validator(plan, batch, written);
  }

  /** Batches with a manifest in {@code root}, in order; empty for a folder that holds no landing. */
  public static List<Long> landedBatches(Path root) throws IOException {
    Path meta = root.resolve(META);
    List<Long> out = new ArrayList<>();
    if (!Files.isDirectory(meta)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(meta, "batch_*.json")) {
      for (Path p : ds) {
        Matcher m = MANIFEST_NAME.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.add(Long.parseLong(m.group(1)));
        }
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /**
   * A batch landed earlier in {@code root}, as its manifest describes it (empty when the batch has no manifest).
   * Its files are checked to be there with their sizes; a batch whose files were changed or removed is refused, and
   * so is a root holding another plan or layout.
   */
  public static java.util.Optional<Result> read(ResolvedPlan plan, Path root, Layout expected, long batch)
      throws IOException {
    if (!Files.isDirectory(root)) {
      return java.util.Optional.empty();
    }
    checkDescription(root, plan, Runs.planHash(plan.withExactRows()), expected);
    Path manifest = root.resolve(META).resolve(String.format(Locale.ROOT, "batch_%04d.json", batch));
    if (!Files.isRegularFile(manifest)) {
      return java.util.Optional.empty();
    }
    JsonNode n = JSON.readTree(manifest.toFile());
    Layout layout = Layout.parse(n.path("layout").asText());
    List<Landed> tables = new ArrayList<>();
    for (JsonNode t : n.path("tables")) {
      List<FileEntry> files = new ArrayList<>();
      for (JsonNode f : t.path("files")) {
        FileEntry e = new FileEntry(f.path("path").asText(), f.path("rows").asLong(), f.path("bytes").asLong(),
            f.path("sha256").asText());
        Path p = root.resolve(e.path());
        if (!Files.isRegularFile(p) || Files.size(p) != e.bytes()) {
          throw new NotALanding("batch " + batch + " in " + root + " is not as its manifest " + manifest
              + " says: " + e.path() + (Files.isRegularFile(p) ? " has another size" : " is missing")
              + "; land the batch again with overwrite");
        }
        files.add(e);
      }
      tables.add(new Landed(t.path("name").asText(), t.path("folder").asText(), t.path("rows").asLong(), files,
          0));
    }
    return java.util.Optional.of(new Result(root, layout, batch, tables, manifest, false, null,
        n.path("seconds").asDouble()));
  }

  /** The batch after the highest landed one in {@code root}, or 0. */
  public static long nextBatch(Path root) throws IOException {
    List<Long> b = landedBatches(root);
    return b.isEmpty() ? 0 : b.get(b.size() - 1) + 1;
  }

  private static void check(List<TableSource> sources, long batch, Layout layout, WriterOptions options) {
    if (batch < 0 || batch > layout.maxBatch()) {
      throw new IllegalArgumentException("batch " + batch + " cannot be named in the " + layout.jsonName()
          + " layout (batches 0 to " + layout.maxBatch() + "); use a series of at most " + (layout.maxBatch() + 1)
          + " batches" + (layout == Layout.CDC_RAW ? ", or the batches layout (up to " + (MAX_BATCH + 1) + ")" : ""));
    }
    if (options.rowsPerFile() > 0) {
      for (TableSource s : sources) {
        long files = (s.rows() + options.rowsPerFile() - 1) / options.rowsPerFile();
        if (files > MAX_FILES_PER_FOLDER) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %,d rows at %,d records per file "
              + "would be %,d files in one batch folder, more than the %,d allowed; raise the max records per file "
              + "to at least %,d", s.name(), s.rows(), options.rowsPerFile(), files, MAX_FILES_PER_FOLDER,
              (s.rows() + MAX_FILES_PER_FOLDER - 1) / MAX_FILES_PER_FOLDER));
        }
      }
    }
    Set<String> names = new TreeSet<>();
    for (TableSource s : sources) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("two tables of the batch are named " + s.name() + "; rename one");
      }
    }
  }

  /** Moves one table's files into a folder in the staging area, then renames that folder into place. */
  private static Landed commit(Path root, Path staging, Path written, TableRun r, String folder, String ext)
      throws IOException {
    Path ready = staging.resolve("ready").resolve(r.table());
    Files.createDirectories(ready);
    List<FileEntry> files = new ArrayList<>();
    int k = 0;
    for (FileEntry f : r.files()) {
      String name = String.format(Locale.ROOT, "part-%05d", k++) + ext;
      Files.move(written.resolve(f.path()), ready.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      files.add(new FileEntry(folder + "/" + name, f.rows(), f.bytes(), f.sha256()));
    }
    fsync(ready);
    Path target = root.resolve(folder);
    Files.createDirectories(target.getParent());
    if (Files.exists(target)) {
      Path old = staging.resolve("replaced").resolve(r.table());
      Files.createDirectories(old.getParent());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(ready, target, StandardCopyOption.ATOMIC_MOVE);
    return new Landed(r.table(), folder, r.rows(), files, r.seconds());
  }

  /** The file extension of a landing's parts: JSON lines are named {@code .json}, as Spark writes them. */
  static String extension(WriterOptions o) {
    String gz = o.compression() == Destination.Compression.GZIP ? ".gz" : "";
    switch (o.format()) {
      case PARQUET:
        return ".parquet";
      case CSV:
        return ".csv" + gz;
      case JSONL:
        return ".json" + gz;
    }
    throw new IllegalStateException("no extension for " + o.format());
  }

  private static void checkDescription(Path root, ResolvedPlan plan, String hash, Layout layout) throws IOException {
    Path d = root.resolve(META).resolve(DESCRIPTION);
    if (!Files.isRegularFile(d)) {
      try (Stream<Path> s = Files.list(root)) {
        List<String> others = s.map(p -> p.getFileName().toString())
            .filter(n -> !n.startsWith(".")).sorted().limit(5).toList();
        if (!others.isEmpty()) {
          throw new NotALanding(root + " holds files that are not a synthgen landing (" + String.join(", ", others)
              + "); land batches into an empty or new folder");
        }
      }
      return;
    }
    JsonNode n = JSON.readTree(d.toFile());
    String theirs = n.path("plan").path("hash").asText();
    if (!theirs.equals(hash)) {
      throw new NotALanding(root + " holds batches of another plan (" + n.path("plan").path("name").asText()
          + ", hash " + abbreviate(theirs) + "; this plan's is " + abbreviate(hash) + "): batches of different plans "
          + "do not continue each other; land this plan into another folder");
    }
    String l = n.path("layout").asText();
    if (!l.equals(layout.jsonName())) {
      throw new NotALanding(root + " is a landing in the " + l + " layout; land into it with layout " + l
          + ", or into another folder");
    }
  }

  private static void writeDescription(Path root, ResolvedPlan plan, String hash, Layout layout) throws IOException {
    Path d = root.resolve(META).resolve(DESCRIPTION);
    if (Files.isRegularFile(d)) {
      return;
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("synthgen_landing", 1);
    plan(o, plan, hash);
    o.put("layout", layout.jsonName());
    writeAtomically(d, JSON.writeValueAsString(o) + "\n");
  }

  private static void plan(ObjectNode o, ResolvedPlan resolved, String hash) {
    Plan plan = resolved.withExactRows();
    ObjectNode p = o.putObject("plan");
    p.put("name", plan.name());
    p.put("hash", hash);
    p.put("seed", plan.seed());
    if (plan.series() != null) {
      ObjectNode s = o.putObject("series");
      s.put("start", plan.series().start());
      s.put("interval", plan.series().interval());
      s.put("batches", plan.series().batches());
    }
  }

  private static String manifest(ResolvedPlan plan, String hash, Layout layout, long batch, WriterOptions options,
      List<Landed> landed, ValidationReport report, double seconds) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("synthgen_landing_batch", 1);
    plan(o, plan, hash);
    o.put("layout", layout.jsonName());
    o.put("batch", batch);
    o.put("format", options.format().name().toLowerCase(Locale.ROOT));
    o.put("compression", options.compression().name().toLowerCase(Locale.ROOT));
    o.put("max_records_per_file", options.rowsPerFile());
    o.put("seconds", Math.round(seconds * 1000) / 1000.0);
    ArrayNode tables = o.putArray("tables");
    for (Landed l : landed) {
      ObjectNode t = tables.addObject();
      t.put("name", l.table());
      t.put("folder", l.folder());
      t.put("rows", l.rows());
      t.put("bytes", l.bytes());
      ArrayNode files = t.putArray("files");
      for (FileEntry f : l.files()) {
        files.addObject().put("path", f.path()).put("rows", f.rows()).put("bytes", f.bytes())
            .put("sha256", f.sha256());
      }
    }
    if (report != null) {
      ObjectNode v = o.putObject("validation");
      v.put("passed", report.passed());
      v.put("checks", report.checks().size());
      ArrayNode failures = v.putArray("failures");
      for (Check c : report.failures()) {
        failures.add(c.toString());
      }
    }
    return JSON.writeValueAsString(o) + "\n";
  }

  private static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + token());
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void fsync(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
          ch.force(true);
        }
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(q);
      }
    }
  }

  private static String token() {
    byte[] b = new byte[6];
    TOKENS.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * A source whose rows are numbered by their position in the batch, so that part files split at exact multiples
   * of the max records per file whatever row ids the source carries (an append slice's ids start at k * rows).
   * Rows a chunk adds (injected duplicates) stay with the chunk's last part. The observer sees the source's own
   * batch.
   */
  private record Positioned(TableSource source, BatchObserver observer) implements TableSource {

    @Override
    public String name() {
      return source.name();
    }

    @Override
    public List<OutputColumn> columns() {
      return source.columns();
    }

    @Override
    public long rows() {
      return source.rows();
    }

    @Override
    public Batch chunk(long first, int n) {
      Batch b = source.chunk(first, n);
      if (observer != null) {
        observer.accept(b);
      }
      long[] rows = new long[b.size()];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = first + Math.min(i, Math.max(n - 1, 0));
      }
      return new Batch(rows, b.size(), b.names(), b.vectors());
    }

    @Override
    public ResolvedTable table() {
      return source.table();
    }
  }

  /** The landing root's lock: one writer at a time (a file lock the OS drops when the process dies). */
  private static final class Lock implements AutoCloseable {
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private Lock(Path key, FileChannel channel, FileLock lock) {
      this.key = key;
      this.channel = channel;
      this.lock = lock;
    }

    static Lock acquire(Path root) throws IOException {
      Path file = root.resolve(LOCK_FILE);
      Path key = file.toAbsolutePath().normalize();
      if (!HELD.add(key)) {
        throw busy(root);
      }
      FileChannel ch = null;
      try {
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l = ch.tryLock();
        if (l == null) {
          throw busy(root);
        }
        return new Lock(key, ch, l);
      } catch (IOException | RuntimeException e) {
        HELD.remove(key);
        if (ch != null) {
          ch.close();
        }
        throw e;
      }
    }

    private static IOException busy(Path root) {
      return new io.synthgen.run.OutputFolderException(io.synthgen.run.OutputFolderException.Kind.BUSY,
          "another synthgen process is landing a batch in " + root + "; wait for it to finish or land elsewhere");
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
        channel.close();
      } finally {
        HELD.remove(key);
      }
    }
  }
}
