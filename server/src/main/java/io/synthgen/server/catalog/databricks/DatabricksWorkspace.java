package io.synthgen.server.catalog.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.catalog.ColumnInfo;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.CreateVolumeRequestContent;
import com.databricks.sdk.service.catalog.VolumeType;
import com.databricks.sdk.service.files.DirectoryEntry;
import com.databricks.sdk.service.files.GetMetadataResponse;
import com.databricks.sdk.service.files.UploadRequest;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.jobs.GetRunRequest;
import com.databricks.sdk.service.jobs.NotebookTask;
import com.databricks.sdk.service.jobs.Run;
import com.databricks.sdk.service.jobs.RunState;
import com.databricks.sdk.service.jobs.RunTask;
import com.databricks.sdk.service.jobs.Source;
import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.jobs.SubmitTask;
import com.databricks.sdk.service.workspace.Delete;
import com.databricks.sdk.service.workspace.GetStatusRequest;
import com.databricks.sdk.service.workspace.Import;
import com.databricks.sdk.service.workspace.ImportFormat;
import com.databricks.sdk.service.workspace.Language;
import io.synthgen.engine.Cancellation;
import io.synthgen.server.catalog.JobRuns;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.RemoteFile;
import io.synthgen.server.catalog.RemoteTable;
import io.synthgen.server.catalog.Warehouse;
import io.synthgen.server.catalog.Workspace;
import io.synthgen.server.catalog.WorkspaceFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@link Workspace} through the Databricks SDK for Java. Authentication is the SDK's unified configuration: a
 * profile of {@code ~/.databrickscfg}, {@code DATABRICKS_HOST}/{@code DATABRICKS_TOKEN}, OAuth and the other
 * methods it supports. This package is the only one that uses the SDK.
 */
public final class DatabricksWorkspace implements Workspace {

  private final WorkspaceClient client;
  private final String host;
  private final Statements statements;

  DatabricksWorkspace(WorkspaceClient client) {
    this.client = client;
    this.host = client.config().getHost();
    this.statements = new Statements(client.statementExecution());
  }

  /**
   * Connects with the SDK's unified configuration; this is the server's {@link WorkspaceFactory}.
   *
   * @param profile a profile of {@code ~/.databrickscfg}; null for the environment, then the DEFAULT profile
   * @throws CatalogException {@code CONFIGURATION} when no workspace is configured or the configuration cannot be
   *     read, {@code UNAVAILABLE} when the workspace cannot be reached
   */
  public static DatabricksWorkspace connect(String profile) {
    DatabricksConfig cfg = new DatabricksConfig();
    if (profile != null && !profile.isBlank()) {
      cfg.setProfile(profile);
    }
    return connect(cfg);
  }

  /**
   * Connects with an explicit configuration. Unless it names its own HTTP client, connections get synthgen's
   * timeouts and fail at once when the workspace cannot be reached ({@link FailFastHttpClient}).
   */
  public static DatabricksWorkspace connect(DatabricksConfig cfg) {
    if (cfg.getHttpClient() == null) {
      cfg.setHttpClient(FailFastHttpClient.standard());
    }
    WorkspaceClient client;
    try {
      // the environment, then the profile; without a host nothing is sent, and the check comes before the
      // client's services are built, some of which log a NullPointerException ("Host cannot be null") without one
      cfg.resolve();
      if (noHost(cfg)) {
        throw noWorkspace(cfg);
      }
      client = new WorkspaceClient(cfg);
    } catch (CatalogException e) {
      throw e;
    } catch (RuntimeException e) {
      // the SDK's description of a configuration it cannot use: a missing profile, conflicting settings
      throw DatabricksErrors.configuration("cannot use the Databricks configuration (" + source(cfg) + "): "
          + e.getMessage(), e);
    }
    return new DatabricksWorkspace(client);
  }

  /** No workspace named: neither a host nor an Azure resource id (from which the SDK finds the host). */
  private static boolean noHost(DatabricksConfig cfg) {
    return blank(cfg.getHost()) && blank(cfg.getAzureWorkspaceResourceId());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static CatalogException noWorkspace(DatabricksConfig cfg) {
    return DatabricksErrors.configuration("no Databricks workspace is configured: " + source(cfg) + " name no "
        + "workspace host", null);
  }

  /** Where the configuration is read from, for messages (never a credential). */
  private static String source(DatabricksConfig cfg) {
    String file = cfg.getConfigFile() == null ? "~/.databrickscfg" : cfg.getConfigFile();
    return cfg.getProfile() == null || cfg.getProfile().isBlank()
        ? "the environment (DATABRICKS_HOST) and the DEFAULT profile of " + file
        : "the environment and the profile " + cfg.getProfile() + " of " + file;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public List<Warehouse> warehouses() {
    return call("listing SQL warehouses", () -> {
      List<Warehouse> out = new ArrayList<>();
      for (EndpointInfo e : client.warehouses().list(new ListWarehousesRequest())) {
        out.add(new Warehouse(e.getId(), e.getName() == null ? e.getId() : e.getName(),
            e.getState() == null ? "UNKNOWN" : e.getState().name(), Boolean.TRUE.equals(
                e.getEnableServerlessCompute())));
      }
      return out;
    });
  }

  @Override
  public boolean catalogExists(String catalog) {
    return exists("reading catalog " + catalog, () -> client.catalogs().get(catalog));
  }

  @Override
  public boolean schemaExists(String catalog, String schema) {
    return exists("reading schema " + catalog + "." + schema, () -> client.schemas().get(catalog + "." + schema));
  }

  @Override
  public void createSchema(String catalog, String schema, String comment) {
    call("creating schema " + catalog + "." + schema, () -> client.schemas().create(new CreateSchema()
        .setCatalogName(catalog).setName(schema).setComment(comment)));
  }

  @Override
  public boolean volumeExists(String catalog, String schema, String volume) {
    return exists("reading volume " + catalog + "." + schema + "." + volume,
        () -> client.volumes().read(catalog + "." + schema + "." + volume));
  }

  @Override
  public void createVolume(String catalog, String schema, String volume, String comment) {
    call("creating volume " + catalog + "." + schema + "." + volume, () -> client.volumes().create(
        new CreateVolumeRequestContent().setCatalogName(catalog).setSchemaName(schema).setName(volume)
            .setVolumeType(VolumeType.MANAGED).setComment(comment)));
  }

  @Override
  public Optional<RemoteTable> table(String catalog, String schema, String table) {
    String full = catalog + "." + schema + "." + table;
    return unlessMissing("reading table " + full, () -> client.tables().get(full)).map(t -> {
      List<RemoteTable.Column> cols = new ArrayList<>();
      if (t.getColumns() != null) {
        for (ColumnInfo c : t.getColumns()) {
          cols.add(new RemoteTable.Column(c.getName(), c.getTypeText() != null ? c.getTypeText()
              : String.valueOf(c.getTypeName())));
        }
      }
      return new RemoteTable(full, cols, t.getProperties() == null ? Map.of() : t.getProperties());
    });
  }

  @Override
  public OptionalLong fileSize(String path) {
    Optional<GetMetadataResponse> m = unlessMissing("reading " + path, () -> client.files().getMetadata(path));
    if (m.isEmpty()) {
      return OptionalLong.empty();
    }
    Long length = m.get().getContentLength();
    return OptionalLong.of(length == null ? -1 : length);
  }

  @Override
  public void upload(String path, Path local, boolean overwrite) {
    try (InputStream in = Files.newInputStream(local)) {
      client.files().upload(new UploadRequest().setFilePath(path).setContents(in).setOverwrite(overwrite));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + local + " to upload it", e);
    } catch (RuntimeException e) {
      throw DatabricksErrors.map(e, "uploading " + path);
    }
  }

  @Override
  public List<RemoteFile> list(String dir) {
    return unlessMissing("listing " + dir, () -> {
      List<RemoteFile> out = new ArrayList<>();
      for (DirectoryEntry e : client.files().listDirectoryContents(dir)) {
        out.add(new RemoteFile(e.getPath(), Boolean.TRUE.equals(e.getIsDirectory()),
            e.getFileSize() == null ? 0 : e.getFileSize()));
      }
      return out;
    }).orElse(List.of());
  }

  @Override
  public void deleteFile(String path) {
    call("removing " + path, () -> {
      client.files().delete(path);
      return null;
    });
  }

  @Override
  public void deleteDirectory(String path) {
    call("removing the folder " + path, () -> {
      client.files().deleteDirectory(path);
      return null;
    });
  }

  @Override
  public List<List<String>> execute(String warehouseId, String sql, Cancellation cancel) {
    return statements.run(warehouseId, sql, cancel);
  }

  @Override
  public String currentUser() {
    return call("reading the signed-in user", () -> client.currentUser().me(new MeRequest()).getUserName());
  }

  @Override
  public Optional<String> workspaceObject(String path) {
    return unlessMissing("reading " + path, () -> client.workspace().getStatus(new GetStatusRequest().setPath(path)))
        .map(o -> o.getObjectType() == null ? "UNKNOWN" : o.getObjectType().name());
  }

  @Override
  public void mkdirs(String path) {
    call("creating the folder " + path, () -> {
      client.workspace().mkdirs(path);
      return null;
    });
  }

  @Override
  public void importNotebook(String path, String source, boolean overwrite) {
    call("importing the notebook " + path, () -> {
      client.workspace().importContent(new Import().setPath(path).setFormat(ImportFormat.SOURCE)
          .setLanguage(Language.PYTHON).setOverwrite(overwrite)
          .setContent(Base64.getEncoder().encodeToString(source.getBytes(StandardCharsets.UTF_8))));
      return null;
    });
  }

  @Override
  public void deleteWorkspaceObject(String path) {
    call("removing " + path, () -> {
      client.workspace().delete(new Delete().setPath(path).setRecursive(false));
      return null;
    });
  }

  @Override
  public long submitNotebookRun(String runName, String notebookPath) {
    return call("submitting a job run of " + notebookPath, () -> client.jobs().submit(new SubmitRun()
        .setRunName(runName).setTasks(List.of(new SubmitTask().setTaskKey("synthgen").setNotebookTask(
            new NotebookTask().setNotebookPath(notebookPath).setSource(Source.WORKSPACE))))).getResponse()
        .getRunId());
  }

  @Override
  public JobRuns.State jobRun(long runId) {
    return call("reading job run " + runId, () -> {
      Run r = client.jobs().getRun(new GetRunRequest().setRunId(runId));
      RunState st = r.getState();
      String life = st == null || st.getLifeCycleState() == null ? "PENDING" : st.getLifeCycleState().name();
      String result = st == null || st.getResultState() == null ? null : st.getResultState().name();
      String message = st == null || st.getStateMessage() == null ? "" : st.getStateMessage();
      JobRuns.State s = new JobRuns.State(life, result, message, r.getRunPageUrl());
      if (s.ended() && !s.succeeded() && r.getTasks() != null) {
        // the failing cell's error is in the task's output, not in the run's state message
        for (RunTask t : r.getTasks()) {
          String error = t.getRunId() == null ? null : client.jobs().getRunOutput(t.getRunId()).getError();
          if (error != null && !error.isBlank()) {
            s = new JobRuns.State(life, result, message.isBlank() ? error : message + ": " + error,
                r.getRunPageUrl());
            break;
          }
        }
      }
      return s;
    });
  }

  @Override
  public void cancelJobRun(long runId) {
    call("cancelling job run " + runId, () -> client.jobs().cancelRun(runId));
  }

  @Override
  public void close() {
    // the SDK's HTTP client holds no resources that need closing
  }

  private static <T> T call(String doing, Supplier<T> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      throw DatabricksErrors.map(e, doing);
    }
  }

  private static boolean exists(String doing, Supplier<?> get) {
    return unlessMissing(doing, get).isPresent();
  }

  /** What {@code get} returns, or empty when the workspace says it does not exist (NOT_FOUND). */
  private static <T> Optional<T> unlessMissing(String doing, Supplier<T> get) {
    try {
      return Optional.of(get.get());
    } catch (RuntimeException e) {
      CatalogException c = DatabricksErrors.map(e, doing);
      if (c.kind() == CatalogException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw c;
    }
  }
}
