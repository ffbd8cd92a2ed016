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

  @Override
  void close();
}
