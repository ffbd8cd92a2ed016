package io.synthgen.server.catalog.databricks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/**
 * Runs statements on the shared Spark session, two at a time (the machine's cores), each in its own
 * {@link SparkSession#newSession() session} so a statement's current schema does not leak into another, and each in
 * a Spark job group named by its id so cancelling stops its jobs.
 */
final class StatementRunner implements AutoCloseable {

  /** A statement's request options besides its text. */
  record Options(String catalog, String schema, Map<String, ParameterValue> parameters) {
  }

  /** A named parameter marker's value and SQL type, as the request gives them. */
  record ParameterValue(String value, String type) {
  }

  private final UnityCatalog catalog;
  private final StandInFaults faults;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "stand-in-statement");
    t.setDaemon(true);
    return t;
  });

  StatementRunner(UnityCatalog catalog, StandInFaults faults) {
    this.catalog = catalog;
    this.faults = faults;
  }

  void submit(Statement statement, Options options) {
    statement.task(executor.submit(() -> run(statement, options)));
  }

  void cancel(Statement statement) {
    if (statement.cancel() && SharedSpark.started()
        && SharedSpark.get().sparkContext().statusTracker().getJobIdsForGroup(statement.id).length > 0) {
      SharedSpark.get().sparkContext().cancelJobGroup(statement.id);
    }
  }

  private void run(Statement statement, Options options) {
    if (!statement.start()) {
      return;
    }
    SparkSession spark = SharedSpark.get();
    try {
      Duration delay = faults.statementDelay(statement.sql);
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      var injected = faults.statementFailure(statement.sql);
      if (injected.isPresent()) {
        statement.fail(injected.get().errorCode(), injected.get().message(), null);
        return;
      }
      String sql = StandInSql.translate(statement.sql, catalog);
      SparkSession session = spark.newSession();
      // without an active session on this pool thread, Spark reads default settings (time zone, java.time values)
      SparkSession.setActiveSession(session);
      if (options.catalog() != null && options.schema() != null) {
        session.catalog().setCurrentDatabase(catalog.schema(options.catalog(), options.schema()).database());
      }
      spark.sparkContext().setJobGroup(statement.id, statement.sql, true);
      statement.succeed(SqlResults.of(options.parameters().isEmpty() ? session.sql(sql)
          : session.sql(sql, arguments(options.parameters()))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      statement.cancel();
    } catch (StandInSql.Unresolved | ApiError e) {
      statement.fail("BAD_REQUEST", e.getMessage(), "42704");
    } catch (Exception e) {
      // Scala code throws checked exceptions javac cannot see (AnalysisException is one), so catch them all here
      fail(statement, e);
    } finally {
      spark.sparkContext().clearJobGroup();
      SparkSession.clearActiveSession();
      // whatever escaped (an Error), the statement must not stay RUNNING for a client polling it
      statement.fail("INTERNAL_ERROR", "The statement ended without a result", null);
    }
  }

  /**
   * Spark's analysis and parse errors, and errors Spark attributes to the query or its data (any with an error
   * condition and SQLSTATE), are the client's: BAD_REQUEST with Spark's message, as a SQL warehouse reports them.
   * Anything else is the warehouse's own INTERNAL_ERROR.
   */
  private void fail(Statement statement, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String sqlState = t instanceof SparkThrowable st ? st.getSqlState() : null;
      if (t instanceof AnalysisException || sqlState != null && !sqlState.startsWith("XX")) {
        statement.fail("BAD_REQUEST", catalog.toWorkspaceText(t.getMessage()), sqlState);
        return;
      }
    }
    statement.fail("INTERNAL_ERROR", catalog.toWorkspaceText(String.valueOf(e.getMessage())), null);
  }

  /** Parameter values as Spark literals of their declared type (STRING when none is given). */
  private static Map<String, Object> arguments(Map<String, ParameterValue> parameters) {
    Map<String, Object> args = new LinkedHashMap<>();
    parameters.forEach((name, p) -> args.put(name, literal(p)));
    return args;
  }

  private static Object literal(ParameterValue p) {
    if (p.value() == null) {
      return null;
    }
    String type = p.type() == null ? "STRING" : p.type().toUpperCase(Locale.ROOT);
    if (type.startsWith("DECIMAL")) {
      return new BigDecimal(p.value());
    }
    return switch (type) {
      case "INT", "INTEGER" -> Integer.valueOf(p.value());
      case "BIGINT", "LONG" -> Long.valueOf(p.value());
      case "DOUBLE" -> Double.valueOf(p.value());
      case "BOOLEAN" -> Boolean.valueOf(p.value());
      case "DATE" -> LocalDate.parse(p.value());
      case "TIMESTAMP" -> Instant.parse(p.value());
      default -> p.value();
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
