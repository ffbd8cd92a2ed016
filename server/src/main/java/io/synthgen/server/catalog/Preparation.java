package io.synthgen.server.catalog;

import java.util.List;

/**
 * Everything a publish will do, worked out before anything is changed: the dry run shows it, the confirmation
 * asks about {@link #replaces()}, and {@link Publisher#execute} carries it out.
 *
 * @param warehouse the SQL warehouse, null for files only
 * @param warehouseReason why that warehouse, for the person
 * @param createSchema the schema does not exist yet and will be created
 * @param createVolume the volume does not exist yet and will be created
 * @param uploads the files to send (empty while the run has not been generated)
 * @param stagingDir the volume folder that holds the uploads until the tables are loaded; null for files only
 * @param replaces tables (or volume folders) whose current content would be replaced: needs the person's
 *     confirmation
 * @param staleFiles files of an earlier landing that an overwrite of files removes after the new ones are uploaded
 */
public record Preparation(PublishRequest request, PublishSource source, Warehouse warehouse, String warehouseReason,
    boolean createSchema, boolean createVolume, List<Upload> uploads, String stagingDir, List<TableAction> tables,
    List<String> replaces, List<String> staleFiles) {

  public Preparation {
    uploads = List.copyOf(uploads);
    tables = List.copyOf(tables);
    replaces = List.copyOf(replaces);
    staleFiles = List.copyOf(staleFiles);
  }

  public boolean usesWarehouse() {
    return warehouse != null;
  }

  public long uploadBytes() {
    return uploads.stream().mapToLong(Upload::bytes).sum();
  }

  public int statementCount() {
    return tables.stream().mapToInt(t -> t.statements().size()).sum();
  }
}
