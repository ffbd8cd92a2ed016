package io.synthgen.server.catalog;

import io.synthgen.engine.Cancellation;
import io.synthgen.server.catalog.CatalogException.Kind;
import io.synthgen.server.catalog.SqlTokens.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An in-memory workspace: catalogs (set by the test), schemas, volumes, Delta tables and volume files, with every
 * call recorded in order ("createSchema c.s", "upload /Volumes/...", "execute CREATE OR REPLACE TABLE ..."). Its
 * SQL understands exactly the statements {@link TableStatements} writes; a load counts the rows of the uploaded
 * Parquet files with DuckDB, which also checks that every cast column is in the files. Statements complete at
 * once, so cancellation never interrupts one. Faults are injected per call; all methods are thread-safe.
 */
public final class FakeWorkspace implements Workspace {

  static final String HOST = "https://fake.cloud.databricks.com";

  /** A Delta table's state; replaced, never changed in place. */
  public record FakeTable(String fullName, List<RemoteTable.Column> columns, Map<String, String> properties, String comment,
      Map<String, String> columnComments, long rows) {
  }

  /** The volumes' files; {@link FakeSql} reads them under this object's lock. */
  final FakeFiles volumeFiles;
  private final List<String> calls = new ArrayList<>();
  private final Set<String> catalogs = new TreeSet<>();
  private final Set<String> schemas = new TreeSet<>();
  private final Set<String> volumes = new TreeSet<>();
  private final Map<String, FakeTable> tables = new TreeMap<>();
  private final List<Warehouse> warehouses = new ArrayList<>();
  private int uploads;
  private int failUploadOnce;
  private int failUploadsFrom;
  private Kind failUploadsKind;
  private final Map<String, Kind> failStatements = new LinkedHashMap<>();
  private final Map<String, Kind> refusals = new LinkedHashMap<>();

  /** @param scratch a folder for the local copies of uploaded files that DuckDB reads */
  public FakeWorkspace(Path scratch, String... catalogs) {
    this.volumeFiles = new FakeFiles(scratch);
    this.catalogs.addAll(Arrays.asList(catalogs));
  }

  public synchronized FakeWorkspace warehouse(Warehouse w) {
    warehouses.add(w);
    return this;
  }

  synchronized void putTable(String c, String s, String t, List<RemoteTable.Column> cols, long rows) {
    schemas.add(c + "." + s);
    tables.put(c + "." + s + "." + t, new FakeTable(c + "." + s + "." + t, cols, Map.of(), null, Map.of(), rows));
  }

  synchronized void putVolume(String c, String s, String v) {
    schemas.add(c + "." + s);
    volumes.add(c + "." + s + "." + v);
  }

  synchronized void putFile(String path, byte[] bytes) {
    requireVolume(path);
    volumeFiles.put(path, bytes);
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The calls that change something: creations, uploads, deletions and statements other than queries. */
  public synchronized List<String> changes() {
    return calls.stream().filter(c -> c.startsWith("create") || c.startsWith("upload ") || c.startsWith("delete")
        || c.startsWith("execute ") && !c.startsWith("execute SELECT")).toList();
  }

  synchronized Optional<FakeTable> fakeTable(String fullName) {
    return Optional.ofNullable(tables.get(fullName));
  }

  public synchronized Map<String, FakeTable> tables() {
    return new TreeMap<>(tables);
  }

  public synchronized Set<String> files() {
    return volumeFiles.paths();
  }

  synchronized byte[] bytes(String path) {
    return volumeFiles.bytes(path);
  }

  synchronized Set<String> dirs() {
    return volumeFiles.dirs();
  }

  /** Everything the workspace holds (not the calls), to compare before and after. */
  synchronized String snapshot() {
    return "schemas " + schemas + "\nvolumes " + volumes + "\ntables " + tables + "\n" + volumeFiles;
  }

  /** The {@code n}th upload call from now (1-based) fails once with UNAVAILABLE; a retry succeeds. */
  synchronized void failUploadOnce(int n) {
    failUploadOnce = uploads + n;
  }

  /** Every upload call from the {@code n}th from now on fails with {@code kind}. */
  synchronized void failUploadsFrom(int n, Kind kind) {
    failUploadsFrom = uploads + n;
    failUploadsKind = kind;
  }

  /** Every statement containing {@code text} fails with {@code kind}. */
  synchronized void failStatements(String text, Kind kind) {
    failStatements.put(text, kind);
  }

  /** Every call whose record starts with {@code prefix} ("" for all calls, "createSchema") fails with kind. */
  public synchronized void refuse(String prefix, Kind kind) {
    refusals.put(prefix, kind);
  }

  public synchronized void clearFaults() {
    failUploadOnce = 0;
    failUploadsFrom = 0;
    failStatements.clear();
    refusals.clear();
  }

  static CatalogException error(Kind kind, String message) {
    String fix = kind == Kind.AUTHENTICATION ? "sign in again: databricks auth login --host " + HOST
        : kind == Kind.PERMISSION ? "ask a workspace admin for the privilege"
        : kind == Kind.UNAVAILABLE ? "try again in a minute" : "read the message above";
    return new CatalogException(kind, message, fix);
  }

  @Override
  public String host() {
    return HOST;
  }

  private void call(String call) {
    calls.add(call);
    for (Map.Entry<String, Kind> r : refusals.entrySet()) {
      if (call.startsWith(r.getKey())) {
        throw error(r.getValue(), call + ": refused (" + r.getValue() + ")");
      }
    }
  }

  @Override
  public synchronized List<Warehouse> warehouses() {
    call("warehouses");
    return List.copyOf(warehouses);
  }

  @Override
  public synchronized boolean catalogExists(String catalog) {
    call("catalogExists " + catalog);
    return catalogs.contains(catalog);
  }

  @Override
  public synchronized boolean schemaExists(String catalog, String schema) {
    call("schemaExists " + catalog + "." + schema);
    return schemas.contains(catalog + "." + schema);
  }

  @Override
  public synchronized void createSchema(String catalog, String schema, String comment) {
    call("createSchema " + catalog + "." + schema);
    if (!catalogs.contains(catalog)) {
      throw error(Kind.NOT_FOUND, "catalog " + catalog + " does not exist");
    }
    if (!schemas.add(catalog + "." + schema)) {
      throw error(Kind.CONFLICT, "schema " + catalog + "." + schema + " already exists");
    }
  }

  @Override
  public synchronized boolean volumeExists(String catalog, String schema, String volume) {
    call("volumeExists " + catalog + "." + schema + "." + volume);
    return volumes.contains(catalog + "." + schema + "." + volume);
  }

  @Override
  public synchronized void createVolume(String catalog, String schema, String volume, String comment) {
    call("createVolume " + catalog + "." + schema + "." + volume);
    if (!schemas.contains(catalog + "." + schema)) {
      throw error(Kind.NOT_FOUND, "schema " + catalog + "." + schema + " does not exist");
    }
    if (!volumes.add(catalog + "." + schema + "." + volume)) {
      throw error(Kind.CONFLICT, "volume " + volume + " already exists");
    }
  }

  @Override
  public synchronized Optional<RemoteTable> table(String catalog, String schema, String table) {
    call("table " + catalog + "." + schema + "." + table);
    return Optional.ofNullable(tables.get(catalog + "." + schema + "." + table))
        .map(t -> new RemoteTable(t.fullName(), t.columns(), t.properties()));
  }

  @Override
  public synchronized OptionalLong fileSize(String path) {
    call("fileSize " + path);
    return volumeFiles.exists(path) ? OptionalLong.of(volumeFiles.size(path)) : OptionalLong.empty();
  }

  @Override
  public synchronized void upload(String path, Path local, boolean overwrite) {
    call("upload " + path);
    int n = ++uploads;
    if (n == failUploadOnce) {
      throw error(Kind.UNAVAILABLE, "uploading " + path + ": 503 Service Unavailable");
    }
    if (failUploadsFrom > 0 && n >= failUploadsFrom) {
      throw error(failUploadsKind, "uploading " + path + ": refused (" + failUploadsKind + ")");
    }
    requireVolume(path);
    if (volumeFiles.exists(path) && !overwrite) {
      throw error(Kind.CONFLICT, "uploading " + path + ": the file exists");
    }
    try {
      volumeFiles.put(path, Files.readAllBytes(local));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireVolume(String path) {
    String[] p = path.split("/");
    if (p.length < 6 || !p[1].equals("Volumes") || !volumes.contains(p[2] + "." + p[3] + "." + p[4])) {
      throw error(Kind.NOT_FOUND, path + " is not in an existing volume");
    }
  }

  @Override
  public synchronized List<RemoteFile> list(String dir) {
    call("list " + dir);
    return volumeFiles.list(dir);
  }

  @Override
  public synchronized void deleteFile(String path) {
    call("deleteFile " + path);
    volumeFiles.delete(path);
  }

  @Override
  public synchronized void deleteDirectory(String path) {
    call("deleteDirectory " + path);
    volumeFiles.deleteDirectory(path);
  }

  @Override
  public synchronized List<List<String>> execute(String warehouseId, String sql, Cancellation cancel) {
    call("execute " + sql);
    if (warehouses.stream().noneMatch(w -> w.id().equals(warehouseId) && w.usable())) {
      throw error(Kind.NOT_FOUND, "no warehouse " + warehouseId);
    }
    for (Map.Entry<String, Kind> f : failStatements.entrySet()) {
      if (sql.contains(f.getKey())) {
        throw error(f.getValue(), "running " + sql.substring(0, Math.min(60, sql.length())) + ": injected failure");
      }
    }
    try {
      return FakeSql.run(this, new Reader(sql));
    } catch (IllegalArgumentException e) {
      throw error(Kind.STATEMENT_FAILED, "[PARSE_SYNTAX_ERROR] " + e.getMessage());
    }
  }

  /** For {@link FakeSql}, which runs under this object's lock. */
  Map<String, FakeTable> tablesForSql() {
    return tables;
  }

  boolean schemaForSql(String catalog, String schema) {
    return schemas.contains(catalog + "." + schema);
  }

  // job runs: notebooks by path, and each run's states, advanced one per jobRun call (the last one stays)
  private final Map<String, String> notebooks = new TreeMap<>();
  private final List<List<JobRuns.State>> runs = new ArrayList<>();
  private final List<Long> cancelledRuns = new ArrayList<>();
  private List<JobRuns.State> nextRun = List.of(new JobRuns.State("TERMINATED", "SUCCESS", "", null));

  /** The states the next submitted run goes through, one per poll. */
  public synchronized FakeWorkspace nextRun(JobRuns.State... states) {
    nextRun = List.of(states);
    return this;
  }

  public synchronized Map<String, String> notebooks() {
    return Map.copyOf(notebooks);
  }

  public synchronized List<Long> cancelledRuns() {
    return List.copyOf(cancelledRuns);
  }

  @Override
  public synchronized String currentUser() {
    call("currentUser");
    return "someone@example.com";
  }

  @Override
  public synchronized Optional<String> workspaceObject(String path) {
    call("workspaceObject " + path);
    return notebooks.containsKey(path) ? Optional.of("NOTEBOOK") : notebooks.keySet().stream()
        .anyMatch(p -> p.startsWith(path + "/")) ? Optional.of("DIRECTORY") : Optional.empty();
  }

  @Override
  public synchronized void mkdirs(String path) {
    call("mkdirs " + path);
  }

  @Override
  public synchronized void importNotebook(String path, String source, boolean overwrite) {
    call("importNotebook " + path);
    if (!overwrite && notebooks.containsKey(path)) {
      throw error(Kind.CONFLICT, path + " already exists");
    }
    notebooks.put(path, source);
  }

  @Override
  public synchronized void deleteWorkspaceObject(String path) {
    call("deleteWorkspaceObject " + path);
    notebooks.remove(path);
  }

  @Override
  public synchronized long submitNotebookRun(String runName, String notebookPath) {
    call("submitNotebookRun " + notebookPath);
    if (!notebooks.containsKey(notebookPath)) {
      throw error(Kind.NOT_FOUND, "no notebook " + notebookPath);
    }
    runs.add(new ArrayList<>(nextRun));
    return runs.size();
  }

  @Override
  public synchronized JobRuns.State jobRun(long runId) {
    call("jobRun " + runId);
    List<JobRuns.State> states = runs.get((int) runId - 1);
    return states.size() > 1 ? states.remove(0) : states.get(0);
  }

  @Override
  public synchronized void cancelJobRun(long runId) {
    call("cancelJobRun " + runId);
    cancelledRuns.add(runId);
    runs.set((int) runId - 1, new ArrayList<>(List.of(new JobRuns.State("TERMINATED", "CANCELED", "cancelled",
        null))));
  }

  @Override
  public void close() {
    // nothing to release: the scratch folder belongs to the test
  }
}
