package io.synthgen.run;

import io.synthgen.engine.TableRun;
import io.synthgen.validate.ValidationReport;
import java.nio.file.Path;
import java.util.List;

/** A finished run: where it went, what each table wrote, the validation report and the manifest's path. */
public record RunResult(Path dir, List<TableRun> tables, ValidationReport validation, Path manifest,
    String planHash, double seconds) {

  public long rows() {
    return tables.stream().mapToLong(TableRun::rows).sum();
  }

  public long bytes() {
    return tables.stream().mapToLong(TableRun::bytes).sum();
  }
}
