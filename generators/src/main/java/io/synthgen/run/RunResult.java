package io.synthgen.run;

import io.synthgen.engine.TableRun;
import io.synthgen.validate.ValidationReport;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished run: where it went, what each table wrote, the validation report and the manifest's path.
 *
 * @param batch the batch of the plan's series the run made, or null (a snapshot, or a plan without a series)
 * @param snapshotAfter K for the state after batches 0..K, else null
 */
public record RunResult(Path dir, List<TableRun> tables, ValidationReport validation, Path manifest,
    String planHash, double seconds, Long batch, Long snapshotAfter) {

  /** A run of a plan without a series. */
  public RunResult(Path dir, List<TableRun> tables, ValidationReport validation, Path manifest, String planHash,
      double seconds) {
    this(dir, tables, validation, manifest, planHash, seconds, null, null);
  }

  public long rows() {
    return tables.stream().mapToLong(TableRun::rows).sum();
  }

  public long bytes() {
    return tables.stream().mapToLong(TableRun::bytes).sum();
  }
}
