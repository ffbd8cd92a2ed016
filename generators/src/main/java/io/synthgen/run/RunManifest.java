package io.synthgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.output.FileEntry;
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
 */
public record RunManifest(Path dir, String planName, String planHash, long seed, String format, String compression,
    List<Table> tables) {

  /** One table of the run and its files, in plan order. */
  public record Table(String name, long rows, List<FileEntry> files) {

    public Table {
      files = List.copyOf(files);
    }

    public long bytes() {
      return files.stream().mapToLong(FileEntry::bytes).sum();
    }
  }

  public RunManifest {
    tables = List.copyOf(tables);
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
      tables.add(new Table(t.path("name").asText(), t.path("rows").asLong(), files));
    }
    JsonNode p = root.path("plan");
    return Optional.of(new RunManifest(dir, p.path("name").asText(), p.path("hash").asText(),
        p.path("seed").asLong(), root.path("format").asText(), root.path("compression").asText(), tables));
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
