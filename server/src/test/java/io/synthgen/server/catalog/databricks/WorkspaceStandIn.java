package io.synthgen.server.catalog.databricks;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.State;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A local stand-in for the Databricks workspace REST API that the Databricks SDK for Java calls to publish into Unity
 * Catalog: warehouses, catalogs/schemas/volumes/tables, the Files API and Statement Execution; and, for job runs,
 * the workspace tree (notebook import) and one-time notebook runs ({@link JobsEndpoints}). Statements run on the
 * JVM's {@link SharedSpark} session with Delta Lake; volumes are local folders under {@link #root()}. It listens on
 * 127.0.0.1 on a free port, requires {@code Authorization: Bearer <token>} on everything but the two discovery
 * documents, records every request, and fails on demand through {@link #faults()}.
 *
 * <p>Catalogs and warehouses are set up by the test ({@link #addCatalog}, {@link #addWarehouse}); schemas, volumes,
 * files and tables are made by the client. Read tables back with {@link #sparkTable} or {@link #sparkName}.
 */
public final class WorkspaceStandIn implements AutoCloseable {

  /** The token a stand-in accepts unless the builder sets another. */
  public static final String DEFAULT_TOKEN = "dapi-standin";

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Path root;
  private final boolean ownsRoot;
  private final String token;
  private final HttpServer server;
  private final ExecutorService httpThreads;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final StandInFaults faults = new StandInFaults();
  private final UnityCatalog catalog;
  private final Warehouses warehouses = new Warehouses();
  private final StatementRunner runner;
  private final WorkspaceEndpoints workspaceTree = new WorkspaceEndpoints();
  private final JobsEndpoints jobs;

  /** Builds a stand-in. */
  public static final class Builder {
    private Path root;
    private String token = DEFAULT_TOKEN;

    private Builder() {
    }

    /** Where volumes, tables and partial uploads live; by default a temporary folder deleted by {@link #close()}. */
    public Builder root(Path folder) {
      this.root = folder;
      return this;
    }

    /** The only token accepted. */
    public Builder token(String value) {
      this.token = value;
      return this;
    }

    /** Starts listening. Spark starts later, on the first schema or statement. */
    public WorkspaceStandIn start() {
      try {
        boolean owns = root == null;
        Path folder = owns ? Files.createTempDirectory("synthgen-workspace-") : Files.createDirectories(root);
        return new WorkspaceStandIn(folder, owns, token);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A stand-in with a temporary root and the {@link #DEFAULT_TOKEN}. */
  public static WorkspaceStandIn start() {
    return builder().start();
  }

  private WorkspaceStandIn(Path root, boolean ownsRoot, String token) throws IOException {
    this.root = root;
    this.ownsRoot = ownsRoot;
    this.token = token;
    this.catalog = new UnityCatalog(root, "standin" + INSTANCES.incrementAndGet() + "_");
    this.runner = new StatementRunner(catalog, faults);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // statements hold their request for up to wait_timeout, so requests need threads of their own
    this.httpThreads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "stand-in-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(httpThreads);
    this.jobs = new JobsEndpoints("http://127.0.0.1:" + server.getAddress().getPort(), workspaceTree, catalog, faults);
    StandInRouter router = new StandInRouter(this::url, token, faults, requests, new CatalogEndpoints(catalog),
        new FilesEndpoints(catalog, faults, root.resolve("uploads")), new StatementEndpoints(warehouses, runner),
        warehouses).withJobs(workspaceTree, jobs);
    server.createContext("/", router::handle);
    server.start();
  }

  /** The workspace URL to give the SDK as host, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String token() {
    return token;
  }

  /** An SDK configuration for this stand-in: PAT auth, retries off so injected failures surface at once. */
  public DatabricksConfig sdkConfig() {
    return new DatabricksConfig().setHost(url()).setToken(token).setAuthType("pat").setDisableRetries(true);
  }

  /** The same configuration as environment variables, for a server started as a separate process. */
  public Map<String, String> environment() {
    return Map.of("DATABRICKS_HOST", url(), "DATABRICKS_TOKEN", token, "DATABRICKS_AUTH_TYPE", "pat",
        "DATABRICKS_DISABLE_RETRIES", "true");
  }

  /** Adds a catalog (clients cannot create catalogs here, as a publisher usually may not). */
  public WorkspaceStandIn addCatalog(String name) {
    catalog.addCatalog(name);
    return this;
  }

  /** Adds a SQL warehouse; {@code state} is a warehouse state such as RUNNING or STOPPED. */
  public WorkspaceStandIn addWarehouse(String id, String name, String state, boolean serverless) {
    warehouses.add(id, name, State.valueOf(state), serverless);
    return this;
  }

  /** A warehouse's current state (a statement starts a stopped one). */
  public String warehouseState(String id) {
    return warehouses.state(id).name();
  }

  public StandInFaults faults() {
    return faults;
  }

  /** Every request answered so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  /** The folder holding {@code volumes/}, {@code tables/} and {@code uploads/}. */
  public Path root() {
    return root;
  }

  /** The local file or folder behind a {@code /Volumes/catalog/schema/volume/...} path of an existing volume. */
  public Path localPath(String volumePath) {
    return catalog.volumeFile(volumePath);
  }

  /** The quoted Spark name of a Unity Catalog table, for SQL on {@link #spark()}. */
  public String sparkName(String catalogName, String schema, String table) {
    return UnityCatalog.sparkName(catalog.schema(catalogName, schema), table);
  }

  /** A Unity Catalog table as Spark reads it. */
  public Dataset<Row> sparkTable(String catalogName, String schema, String table) {
    return spark().table(sparkName(catalogName, schema, table));
  }

  /** The source of the notebook imported at a workspace path, if any. */
  public java.util.Optional<String> notebook(String path) {
    return workspaceTree.notebook(path);
  }

  /** The life-cycle states a job run has been in (PENDING, RUNNING, TERMINATED, ...), oldest first. */
  public List<String> jobRunHistory(long runId) {
    return jobs.history(runId);
  }

  /** The signed-in user the stand-in answers for. */
  public String user() {
    return WorkspaceEndpoints.USER;
  }

  public SparkSession spark() {
    return SharedSpark.get();
  }

  /** Stops listening, cancels running statements, drops this stand-in's Spark databases and an owned root. */
  @Override
  public void close() {
    server.stop(0);
    httpThreads.shutdownNow();
    runner.close();
    jobs.close();
    if (SharedSpark.started()) {
      for (UnityCatalog.Schema s : catalog.schemas()) {
        SharedSpark.get().sql("DROP DATABASE IF EXISTS " + StandInSql.quote(s.database()) + " CASCADE");
      }
    }
    if (ownsRoot) {
      SharedSpark.deleteTree(root);
    }
  }
}
