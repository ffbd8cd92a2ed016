package io.synthgen.server.catalog.databricks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session (with Delta Lake) of this JVM, created on first use and stopped by a shutdown hook.
 * Starting Spark costs about five seconds on two cores, so every stand-in and every integration test in the forked
 * JVM shares it; callers that need their own current database take {@link SparkSession#newSession()}, which keeps
 * these settings.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {
  }

  /** The session, started on the first call, and made the calling thread's active session if it has none. */
  public static synchronized SparkSession get() {
    if (session == null) {
      session = start();
    }
    // Spark reads its settings through the calling thread's active session; threads of a pool start with none
    if (SparkSession.getActiveSession().isEmpty()) {
      SparkSession.setActiveSession(session);
    }
    return session;
  }

  /** Whether {@link #get()} has started Spark, so clean-up code can skip starting it only to tidy up. */
  static synchronized boolean started() {
    return session != null;
  }

  private static SparkSession start() {
    Path warehouse;
    try {
      warehouse = Files.createTempDirectory("synthgen-spark-warehouse-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SparkSession.Builder builder = SparkSession.builder()
        .appName("synthgen-workspace-stand-in")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Delta's parser drops parameter values since Spark 4.1 (delta-io/delta#7640): bind them in the analyzer
        .config("spark.sql.legacy.parameterSubstitution.constantsOnly", "true")
        // tables here have a few rows: the defaults (200 shuffle partitions, 50 for Delta's log replay) only add tasks
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        // Delta's plans for a few columns are long; the default limit only adds a WARN line to every test log
        .config("spark.sql.debug.maxToStringFields", "200")
        // compiled plans are large: keeping the default 1000 executions' plans fills the heap over a test run
        .config("spark.sql.ui.retainedExecutions", "20")
        .config("spark.ui.retainedJobs", "50")
        .config("spark.ui.retainedStages", "50")
        // a SQL warehouse answers in UTC; java.time values let the stand-in format results without a time zone
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true");
    SparkSession spark = builder.getOrCreate();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      spark.stop();
      deleteTree(warehouse);
    }, "shared-spark-stop"));
    return spark;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
