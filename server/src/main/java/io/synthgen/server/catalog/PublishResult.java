package io.synthgen.server.catalog;

import java.util.List;

/**
 * A finished publish.
 *
 * @param filesSent files uploaded by this publish
 * @param filesSkipped files found in place from an earlier attempt and not sent again
 * @param warnings things that did not stop the publish (a staging file that could not be removed)
 */
public record PublishResult(Preparation preparation, List<TableResult> tables, int filesSent, int filesSkipped,
    long bytesSent, List<String> warnings, double seconds) {

  /**
   * One table (or volume folder).
   *
   * @param rowsVerified the row count read back (for tables) or expected (for files)
   */
  public record TableResult(String table, String target, TableAction.Action action, long rows, long rowsVerified,
      int files) {
  }

  public PublishResult {
    tables = List.copyOf(tables);
    warnings = List.copyOf(warnings);
  }
}
