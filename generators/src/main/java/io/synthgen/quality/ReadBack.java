package io.synthgen.quality;

import io.synthgen.validate.CellText;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.TableReader;
import io.synthgen.output.formats.TableReaders;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Quality;
import io.synthgen.plan.Table;
import io.synthgen.validate.Validator;
import io.synthgen.vec.Batch;
import io.synthgen.vec.StrVec;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a written table with defects back as its clean rows, for checking a run folder: the ground truth comes from
 * the {@code _defects} column or is streamed from the sidecar's files alongside the data (both are in output order,
 * so memory stays at one batch of each). Not thread-safe.
 */
public final class ReadBack implements Closeable {

  private final Table spec;
  private final Restorer restorer;
  private final List<Path> sidecarFiles;
  private final Deque<TruthRecord> pending = new ArrayDeque<>();
  private int nextFile;
  private TableReader sidecar;

  private ReadBack(Table spec, List<OutputColumn> cleanColumns, List<Path> sidecarFiles) {
    this.spec = spec;
    this.restorer = new Restorer(spec, cleanColumns);
    this.sidecarFiles = List.copyOf(sidecarFiles);
  }

  /** For {@code spec}'s rows written with {@code cleanColumns} before defects; sidecar files in order. */
  public static ReadBack open(Table spec, List<OutputColumn> cleanColumns, List<Path> sidecarFiles) {
    return new ReadBack(spec, cleanColumns, sidecarFiles);
  }

  /** Sidecar table name to its data table, for every plan table with sidecar ground truth. */
  public static Map<String, String> sidecars(Plan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Table t : plan.tables()) {
      if (t.quality() != null && !t.quality().defects().isEmpty()
          && t.quality().groundTruth() != Quality.GroundTruth.COLUMNS) {
        out.put(t.name() + SidecarSource.SUFFIX, t.name());
      }
    }
    return out;
  }

  /** The clean rows of written rows {@code [start, start + written.size())}. */
  public Batch restore(Batch written, long start) throws IOException {
    long end = start + written.size();
    List<TruthRecord> records = new ArrayList<>();
    if (spec.quality().groundTruth() == Quality.GroundTruth.COLUMNS) {
      StrVec d = (StrVec) written.vector(Injection.DEFECTS_COLUMN);
      String pk = spec.primaryKey();
      boolean hasKey = pk != null && written.names().contains(pk);
      for (int i = 0; i < written.size(); i++) {
        String key = hasKey ? CellText.of(written.vector(pk), i) : null;
        records.addAll(TruthJson.read(d.str(i), start + i, key));
      }
    } else {
      while (true) {
        if (pending.isEmpty() && !fill()) {
          break;
        }
        if (pending.peekFirst().row() >= end) {
          break;
        }
        records.add(pending.pollFirst());
      }
    }
    return restorer.restore(written, start, records);
  }

  private boolean fill() throws IOException {
    while (true) {
      if (sidecar != null && sidecar.hasNext()) {
        pending.addAll(SidecarSource.records(sidecar.next()));
        if (!pending.isEmpty()) {
          return true;
        }
        continue;
      }
      if (sidecar != null) {
        sidecar.close();
        sidecar = null;
      }
      if (nextFile == sidecarFiles.size()) {
        return false;
      }
      sidecar = TableReaders.open(sidecarFiles.get(nextFile++), SidecarSource.COLUMNS);
    }
  }

  /** Hands the table's ground truth, and how it matched, to the validator; records past the data are mismatches. */
  public void finish(Validator validator) throws IOException {
    List<TruthRecord> rest = new ArrayList<>(pending);
    pending.clear();
    while (fill()) {
      rest.addAll(pending);
      pending.clear();
    }
    restorer.finish();
    long extra = rest.size();
    String first = restorer.firstMismatch();
    if (first == null && extra > 0) {
      first = spec.name() + " row " + rest.get(0).row() + " " + rest.get(0).defect() + ": beyond the rows written";
    }
    validator.acceptDefects(spec.name(), restorer.counts(), restorer.mismatches() + extra, first);
  }

  @Override
  public void close() throws IOException {
    if (sidecar != null) {
      sidecar.close();
    }
  }
}
