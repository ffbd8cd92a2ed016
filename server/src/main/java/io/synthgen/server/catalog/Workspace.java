package io.synthgen.server.catalog;

import io.synthgen.engine.Cancellation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What publishing needs from a Databricks workspace: Unity Catalog objects, volume files and SQL statements. Every
 * method throws {@link CatalogException} with a classified cause. Paths are volume paths
 * ({@code /Volumes/catalog/schema/volume/...}); names are plain (unquoted) Unity Catalog names.
 */
public interface Workspace extends AutoCloseable {

  /** The workspace URL, for messages. */
  String host();

  List<Warehouse> warehouses();

  boolean catalogExists(String catalog);

  boolean schemaExists(String catalog, String schema);

  void createSchema(String catalog, String schema, String comment);

  boolean volumeExists(String catalog, String schema, String volume);

  void createVolume(String catalog, String schema, String volume, String comment);

  Optional<RemoteTable> table(String catalog, String schema, String table);

  /** The size of a file, or empty when there is none. */
  OptionalLong fileSize(String path);

  /** Uploads a local file; with {@code overwrite} false an existing file is a {@code CONFLICT}. */
  void upload(String path, Path local, boolean overwrite);

  /** The entries of a folder; empty when the folder does not exist. */
  List<RemoteFile> list(String dir);

  void deleteFile(String path);

  /** Deletes an empty folder. */
  void deleteDirectory(String path);

  /** Runs one statement on a warehouse and waits for it; rows as strings (null for NULL). */
  List<List<String>> execute(String warehouseId, String sql, Cancellation cancel);

  /** The signed-in user's name ({@code someone@example.com}), for the default notebook folder of a job run. */
  String currentUser();

  /** The type of the workspace object at a path (NOTEBOOK, DIRECTORY, FILE, ...), or empty when there is none. */
  Optional<String> workspaceObject(String path);

  /** Creates a workspace folder and its parents; an existing folder is fine. */
  void mkdirs(String path);

  /** Imports a Python notebook in Databricks source format; with {@code overwrite} it replaces one at the path. */
  void importNotebook(String path, String source, boolean overwrite);

  /** Deletes a workspace object (not a folder with contents). */
  void deleteWorkspaceObject(String path);

  /**
   * Submits a one-time job run of a notebook on serverless compute (no cluster named).
   *
   * @return the run id
   */
  long submitNotebookRun(String runName, String notebookPath);

  /** A job run's state; for a run that ended badly, with its task's error when the workspace reports one. */
  JobRuns.State jobRun(long runId);

  /** Asks the workspace to cancel a job run (it ends a little later). */
  void cancelJobRun(long runId);

  @Override
  void close();
}
