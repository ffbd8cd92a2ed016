package io.synthgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.column.ValueConversion;
import io.synthgen.output.FileEntry;
import io.synthgen.plan.Series;
import io.synthgen.series.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read side of {@code manifest.json}: what a finished run holds. Publishing and checking a run start here.
 *
 * @param dir the run's folder; file paths are relative to it
 * @param planHash SHA-256 of the exact plan the run was generated from (the plan's canonical JSON)
 * @param format parquet, csv or jsonl
 * @param batch the batch of the plan's series the run made, null for a snapshot or a plan without a series
 * @param snapshotAfter K when the run is the state after batches 0..K, else null
 * @param series the plan's series, null without one
 */
public record RunManifest(Path dir, String planName, String planHash, long seed, String format, String compression,
    List<Table> tables, Long batch, Long snapshotAfter, Series series) {

  /**
   * One table of the run and its files, in the order written.
   *
   * @param role in a run of a series: static, append, feed, history, state or defects; null without a series
   * @param window the span of time the table covers in a run of a series, null for a static table or no series
   */
  public record Table(String name, long rows, List<FileEntry> files, String role, Window window) {

    public Table {
      files = List.copyOf(files);
    }

    public Table(String name, long rows, List<FileEntry> files) {
      this(name, rows, files, null, null);
    }

    public long bytes() {
      return files.stream().mapToLong(FileEntry::bytes).sum();
    }
  }

  public RunManifest {
    tables = List.copyOf(tables);
  }

  /** A run of a plan without a series. */
  public RunManifest(Path dir, String planName, String planHash, long seed, String format, String compression,
      List<Table> tables) {
    this(dir, planName, planHash, seed, format, compression, tables, null, null, null);
  }

  /**
   * The manifest in {@code dir}, or empty when there is none (no finished run there). A folder a killed run left
   * mid-commit is repaired first ({@link Runs#recover}), so a reader sees the one complete run the protocol defines.
   */
  public static Optional<RunManifest> read(Path dir) throws IOException {
    Path file = dir.resolve(Manifest.FILE);
    if (!Files.isRegularFile(file)) {
      Runs.recover(dir);
    }
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root = Manifest.JSON.readTree(file.toFile());
    if (root.path("synthgen_manifest").asInt() != 1) {
      throw new IOException(file + " is not a synthgen manifest (no \"synthgen_manifest\": 1)");
    }
    List<Table> tables = new ArrayList<>();
    for (JsonNode t : root.path("tables")) {
      List<FileEntry> files = new ArrayList<>();
      for (JsonNode f : t.path("files")) {
        files.add(new FileEntry(f.path("path").asText(), f.path("rows").asLong(), f.path("bytes").asLong(),
            f.path("sha256").asText()));
      }
      JsonNode w = t.path("window");
      Window window = w.isObject() ? new Window(micros(w.path("start").asText()), micros(w.path("end").asText()))
          : null;
      tables.add(new Table(t.path("name").asText(), t.path("rows").asLong(), files,
          t.path("role").isTextual() ? t.path("role").asText() : null, window));
    }
    JsonNode p = root.path("plan");
    JsonNode s = root.path("series");
    Series series = s.isObject() ? new Series(s.path("start").asText(), s.path("interval").asText(),
        s.path("batches").asLong()) : null;
    return Optional.of(new RunManifest(dir, p.path("name").asText(), p.path("hash").asText(),
        p.path("seed").asLong(), root.path("format").asText(), root.path("compression").asText(), tables,
        root.path("batch").isIntegralNumber() ? root.path("batch").asLong() : null,
        root.path("snapshot_after").isIntegralNumber() ? root.path("snapshot_after").asLong() : null, series));
  }

  private static long micros(String instant) throws IOException {
    try {
      return ValueConversion.toMicros(ValueConversion.parseTimestamp(instant));
    } catch (IllegalArgumentException e) {
      throw new IOException("the manifest's window " + e.getMessage(), e);
    }
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public long rows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }

  /**
   * Whether every file the manifest lists is still there with its size (a cheap check that nothing was removed or
   * cut short since the run; the SHA-256 check is {@code synthgen validate}'s).
   */
  public boolean filesPresent() throws IOException {
    for (Table t : tables) {
      for (FileEntry f : t.files()) {
        Path p = dir.resolve(f.path());
        if (!Files.isRegularFile(p) || Files.size(p) != f.bytes()) {
          return false;
        }
      }
    }
    return true;
  }
}
