package io.synthgen.engine;

import io.synthgen.output.FileEntry;
import java.util.List;

/** What a run wrote for one table. */
public record TableRun(String table, long rows, List<FileEntry> files, double seconds) {

  public long bytes() {
    return files.stream().mapToLong(FileEntry::bytes).sum();
  }
}
