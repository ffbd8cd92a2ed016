package io.synthgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.engine.Engine;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TableReader;
import io.synthgen.output.formats.TableReaders;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.quality.QualitySources;
import io.synthgen.quality.ReadBack;
import io.synthgen.quality.SidecarSource;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.resolve.Resolver;
import io.synthgen.series.Batches;
import io.synthgen.validate.Check;
import io.synthgen.validate.SourceRows;
import io.synthgen.validate.ValidationReport;
import io.synthgen.validate.Validator;
import io.synthgen.vec.Batch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a finished run folder against itself, independently of the process that wrote it: {@code plan.json}'s
 * SHA-256 against the manifest's plan hash; per file its presence, bytes, SHA-256 and rows read back; per table the
 * manifest's rows and bytes against its files; no file the manifest does not list; the manifest's own fields
 * ({@link ManifestChecks}: only known fields, its plan fields as plan.json says, its format and compression as the
 * files' names and bytes show); then every data check of the {@link Validator} on the rows read back. Each failure
 * is a named check saying what differs. A run of a plan with a series is checked against what its batch (or the
 * state after its {@code snapshot_after}) writes: those tables, with their roles and windows.
 */
public final class RunVerifier {

  /** The pseudo-table of checks about the run as a whole. */
  static final String RUN = "run";

  private RunVerifier() {
  }

  /** Checks the run in {@code dir}, which must hold {@code manifest.json} and {@code plan.json}. */
  public static ValidationReport verify(Path dir) throws IOException {
    List<Check> checks = new ArrayList<>();
    JsonNode manifest;
    try {
      manifest = Manifest.JSON.readTree(dir.resolve(Manifest.FILE).toFile());
    } catch (IOException e) {
      checks.add(new Check(Manifest.FILE, null, "reads", "a synthgen manifest", String.valueOf(e.getMessage()), false));
      return new ValidationReport(checks);
    }
    if (!ManifestChecks.isManifest(manifest)) {
      checks.add(new Check(Manifest.FILE, null, "reads", "\"synthgen_manifest\": 1", "no such field", false));
      return new ValidationReport(checks);
    }
    byte[] planBytes = Files.readAllBytes(dir.resolve(Manifest.PLAN_FILE));
    String expectedHash = manifest.path("plan").path("hash").asText();
    String actualHash = hex(sha256().digest(planBytes));
    checks.add(new Check(Manifest.PLAN_FILE, null, "hash", expectedHash + " (the manifest's plan.hash)",
        actualHash, expectedHash.equals(actualHash)));
    ResolvedPlan plan;
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(planBytes)).toString();
      Plan p = PlanCodec.read(text);
      plan = Resolver.resolve(p);
      checks.add(new Check(Manifest.PLAN_FILE, null, "reads", "a valid plan", "a valid plan", true));
      ManifestChecks.plan(manifest, p, checks);
    } catch (CharacterCodingException e) {
      checks.add(new Check(Manifest.PLAN_FILE, null, "reads", "a valid plan", "not valid UTF-8", false));
      return new ValidationReport(checks);
    } catch (PlanException e) {
      checks.add(new Check(Manifest.PLAN_FILE, null, "reads", "a valid plan", e.violations().size() + " problems, "
          + "first: " + e.violations().get(0), false));
      return new ValidationReport(checks);
    }
    ManifestChecks.fields(manifest, checks);
    Optional<ManifestChecks.Layout> layout = ManifestChecks.layout(manifest, checks);
    ManifestChecks.series(manifest, plan, checks);
    boolean snapshot = manifest.has("snapshot_after");
    Long k = plan.series() == null ? null : (snapshot ? manifest.path("snapshot_after")
        : manifest.path("batch")).asLong();
    List<TableSource> sources;
    try {
      sources = k == null ? TableSource.all(plan) : snapshot ? Batches.snapshot(plan, k) : Batches.batch(plan, k);
    } catch (RuntimeException e) {
      checks.add(new Check(RUN, null, "tables", "the tables of " + (snapshot ? "the state after " : "batch ") + k,
          String.valueOf(e.getMessage()), false));
      return new ValidationReport(checks);
    }
    Validator validator = Runs.validator(plan, sources, snapshot ? null : k, snapshot ? k : null);
    Set<String> listed = new TreeSet<>(List.of(Manifest.FILE, Manifest.PLAN_FILE));
    Map<String, TableSource> expected = new LinkedHashMap<>();
    Map<String, TableSource> clean = new LinkedHashMap<>();
    sources.forEach(t -> clean.put(t.name(), t));
    // a snapshot is written clean; a batch or a plain run carries its tables' defects and their ground truth
    (snapshot ? sources : QualitySources.applyAll(plan, sources, k)).forEach(t -> expected.put(t.name(), t));
    String what = k == null ? "plan.json" : (snapshot ? "the state after " : "batch ") + k;
    Set<String> manifestTables = new LinkedHashSet<>();
    for (JsonNode t : manifest.path("tables")) {
      String name = t.path("name").asText();
      manifestTables.add(name);
      TableSource source = expected.get(name);
      if (source == null) {
        checks.add(new Check(name, null, "table", "a table of " + what + " (" + String.join(", ", expected.keySet())
            + ")", "not in " + what, false));
        continue;
      }
      long firstRow = source.table() == null || k == null || snapshot ? 0 : source.table().firstRow(k);
      checkSource(dir, plan, source, clean.get(name), firstRow, t, manifest, layout, validator, what, checks,
          listed);
      if (k != null) {
        ManifestChecks.tableSeries(t, name, plan, snapshot, k, checks);
      }
    }
    for (String name : expected.keySet()) {
      if (!manifestTables.contains(name)) {
        checks.add(new Check(name, null, "table", "listed in the manifest", "missing from the manifest", false));
      }
    }
    List<String> stray = stray(dir, listed);
    checks.add(new Check(RUN, null, "files", "only the files the manifest lists",
        stray.isEmpty() ? "nothing else" : "also " + String.join(", ", stray), stray.isEmpty()));
    checks.addAll(validator.finish().checks());
    return new ValidationReport(checks);
  }

  /** What is done with each batch read back (rows numbered by output position across the table's files). */
  private interface Rows {
    void accept(Batch b) throws IOException;
  }

  /**
   * One source's files against the manifest. Rows of a plan table are fed to the validator numbered from
   * {@code firstRow}, the table's row of the batch's first row; a table with injected defects is read with its
   * written columns and restored with its ground truth first. The rows of a feed, state or history ({@code clean},
   * a source without a plan table) are compared cell by cell with the rows the plan makes for {@code what}, a feed
   * with defects after undoing its ground truth (which gives its {@code defects} check); a sidecar of ground truth
   * ({@code clean} null) is checked as files, and through the table it describes.
   */
  private static void checkSource(Path dir, ResolvedPlan plan, TableSource source, TableSource clean, long firstRow,
      JsonNode t, JsonNode manifest, Optional<ManifestChecks.Layout> layout, Validator validator, String what,
      List<Check> checks, Set<String> listed) {
    String name = source.name();
    ResolvedTable table = source.table();
    if (table == null && clean == null) {
      checkTable(dir, name, source.columns(), t, layout, checks, listed, b -> { });
      return;
    }
    if (table == null) {
      SourceRows rows = new SourceRows(name, clean);
      io.synthgen.plan.Table spec = source == clean ? null : QualitySources.tableOf(plan, name);
      if (spec == null) {
        checkTable(dir, name, source.columns(), t, layout, checks, listed, rows::accept);
        checks.add(rows.finish(what));
        return;
      }
      try (ReadBack back = ReadBack.open(spec, clean.columns(), truthFiles(dir, manifest, name))) {
        checkTable(dir, name, source.columns(), t, layout, checks, listed,
            b -> rows.accept(back.restore(b, b.size() == 0 ? 0 : b.rows()[0])));
        back.finish(validator);
        checks.add(rows.finish(what));
      } catch (IOException | RuntimeException e) {
        checks.add(new Check(name, null, "defects", "readable ground truth", String.valueOf(e.getMessage()), false));
      }
      return;
    }
    if (table.spec().quality() == null || table.spec().quality().defects().isEmpty()) {
      checkTable(dir, name, source.columns(), t, layout, checks, listed,
          b -> validator.accept(name, shifted(b, firstRow)));
      return;
    }
    // injected defects: the rows are read back as the plan made them, with the ground truth beside them
    List<OutputColumn> cleanColumns = Engine.outputColumns(table);
    try (ReadBack back = ReadBack.open(table.spec(), cleanColumns, truthFiles(dir, manifest, name))) {
      checkTable(dir, name, source.columns(), t, layout, checks, listed,
          b -> validator.accept(name, shifted(back.restore(b, b.size() == 0 ? 0 : b.rows()[0]), firstRow)));
      back.finish(validator);
    } catch (IOException | RuntimeException e) {
      checks.add(new Check(name, null, "defects", "readable ground truth", String.valueOf(e.getMessage()), false));
    }
  }

  /** The files of the ground-truth sidecar of {@code name}, in the manifest's order (none without a sidecar). */
  private static List<Path> truthFiles(Path dir, JsonNode manifest, String name) {
    List<Path> truth = new ArrayList<>();
    for (JsonNode m : manifest.path("tables")) {
      if (m.path("name").asText().equals(name + SidecarSource.SUFFIX)) {
        m.path("files").forEach(f -> truth.add(dir.resolve(f.path("path").asText()).normalize()));
      }
    }
    return truth;
  }

  private static Batch shifted(Batch b, long by) {
    if (by == 0) {
      return b;
    }
    long[] rows = new long[b.size()];
    for (int i = 0; i < b.size(); i++) {
      rows[i] = b.rows()[i] + by;
    }
    return new Batch(rows, b.size(), b.names(), b.vectors());
  }

  private static void checkTable(Path dir, String name, List<OutputColumn> columns, JsonNode t,
      Optional<ManifestChecks.Layout> layout, List<Check> checks, Set<String> listed, Rows sink) {
    long fileRowsTotal = 0;
    long fileBytesTotal = 0;
    long rowsRead = 0;
    for (JsonNode f : t.path("files")) {
      String rel = f.path("path").asText();
      listed.add(rel);
      Path p = dir.resolve(rel).normalize();
      long rows = f.path("rows").asLong();
      long bytes = f.path("bytes").asLong();
      fileRowsTotal += rows;
      fileBytesTotal += bytes;
      if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
        checks.add(new Check(name, null, "file " + rel, "a file in the run folder", "missing", false));
        continue;
      }
      try {
        long size = Files.size(p);
        checks.add(new Check(name, null, "bytes " + rel, Long.toString(bytes), Long.toString(size), size == bytes));
        String expected = f.path("sha256").asText();
        String actual = sha256(p);
        checks.add(new Check(name, null, "sha256 " + rel, expected, actual, expected.equals(actual)));
        layout.ifPresent(l -> ManifestChecks.file(p, rel, name, l, checks));
      } catch (IOException e) {
        checks.add(new Check(name, null, "read " + rel, "a readable file", String.valueOf(e.getMessage()), false));
        continue;
      }
      long read = 0;
      try (TableReader r = TableReaders.open(p, columns)) {
        while (r.hasNext()) {
          Batch b = r.next();
          long[] shifted = new long[b.size()];
          for (int i = 0; i < b.size(); i++) {
            shifted[i] = b.rows()[i] + rowsRead;
          }
          sink.accept(new Batch(shifted, b.size(), b.names(), b.vectors()));
          read += b.size();
        }
        checks.add(new Check(name, null, "rows " + rel, Long.toString(rows), Long.toString(read), read == rows));
      } catch (IOException | RuntimeException e) {
        // a damaged file is a failed check of this run, not a failure of the command; the rest is still checked
        checks.add(new Check(name, null, "read " + rel, "a readable file", String.valueOf(e.getMessage()), false));
      }
      rowsRead += read;
    }
    long manifestRows = t.path("rows").asLong();
    checks.add(new Check(name, null, "manifest rows", Long.toString(manifestRows) + " (the manifest's table rows)",
        fileRowsTotal + " in its files' entries", manifestRows == fileRowsTotal));
    long manifestBytes = t.path("bytes").asLong();
    checks.add(new Check(name, null, "manifest bytes", Long.toString(manifestBytes) + " (the manifest's table bytes)",
        fileBytesTotal + " in its files' entries", manifestBytes == fileBytesTotal));
  }

  /** Files and folders in the run folder (one level into part folders) that the manifest does not list. */
  private static List<String> stray(Path dir, Set<String> listed) throws IOException {
    Set<String> folders = new TreeSet<>();
    for (String l : listed) {
      if (l.contains("/")) {
        folders.add(l.substring(0, l.indexOf('/')));
      }
    }
    List<String> stray = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        if (folders.contains(n) && Files.isDirectory(p)) {
          try (Stream<Path> parts = Files.list(p)) {
            parts.map(x -> n + "/" + x.getFileName()).filter(x -> !listed.contains(x)).sorted().forEach(stray::add);
          }
        } else if (!listed.contains(n)) {
          stray.add(n);
        }
      }
    }
    return stray;
  }

  private static String sha256(Path p) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return hex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
