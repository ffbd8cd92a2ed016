package io.synthgen.server.catalog.databricks;

import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ServiceError;
import com.databricks.sdk.service.sql.StatementExecutionAPI;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import io.synthgen.engine.Cancellation;
import io.synthgen.server.catalog.CatalogException;
import io.synthgen.server.catalog.CatalogException.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs SQL through the Statement Execution API: waits up to 30 s in the request, then polls (a stopped warehouse can
 * take minutes to start), cancels the statement when the publish is cancelled, and classifies failures.
 */
final class Statements {

  private static final Logger LOG = LoggerFactory.getLogger(Statements.class);
  private static final String WAIT = "30s";
  private static final long MAX_POLL_MS = 5_000;

  private final StatementExecutionAPI api;

  Statements(StatementExecutionAPI api) {
    this.api = api;
  }

  List<List<String>> run(String warehouseId, String sql, Cancellation cancel) {
    String doing = "running " + summary(sql);
    StatementResponse r;
    try {
      r = api.executeStatement(new ExecuteStatementRequest().setWarehouseId(warehouseId).setStatement(sql)
          .setWaitTimeout(WAIT).setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CONTINUE)
          .setDisposition(Disposition.INLINE).setFormat(Format.JSON_ARRAY));
      long pause = 250;
      while (!terminal(r)) {
        if (cancel.isCancelled()) {
          api.cancelExecution(new CancelExecutionRequest().setStatementId(r.getStatementId()));
          throw new CancellationException("cancelled while " + doing);
        }
        sleep(pause);
        pause = Math.min(pause * 2, MAX_POLL_MS);
        r = api.getStatement(r.getStatementId());
      }
    } catch (CancellationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DatabricksErrors.map(e, doing);
    }
    StatementState state = r.getStatus().getState();
    if (state == StatementState.SUCCEEDED) {
      List<List<String>> rows = new ArrayList<>();
      if (r.getResult() != null && r.getResult().getDataArray() != null) {
        for (Collection<String> row : r.getResult().getDataArray()) {
          rows.add(new ArrayList<>(row));
        }
      }
      return rows;
    }
    if (state == StatementState.FAILED) {
      throw failed(doing, r.getStatus().getError());
    }
    throw new CatalogException(Kind.CANCELLED, doing + ": the statement was " + state.name().toLowerCase(Locale.ROOT)
        + " on the warehouse", "publish again; if it keeps happening, check the warehouse's query history");
  }

  private static CatalogException failed(String doing, ServiceError err) {
    String message = err == null || err.getMessage() == null ? "no message" : err.getMessage();
    String code = err == null || err.getErrorCode() == null ? "" : err.getErrorCode().name();
    LOG.debug("statement failed: {} {}", code, message);
    String upper = message.toUpperCase(Locale.ROOT);
    if (code.equals("UNAUTHENTICATED")) {
      return new CatalogException(Kind.AUTHENTICATION, doing + ": " + message, DatabricksErrors.SIGN_IN);
    }
    if (upper.contains("PERMISSION_DENIED") || upper.contains("INSUFFICIENT_PERMISSIONS")) {
      return new CatalogException(Kind.PERMISSION, doing + ": " + message, "ask a workspace admin for the "
          + "privilege named above (docs/databricks.md lists what publishing needs)");
    }
    Kind kind = code.equals("TEMPORARILY_UNAVAILABLE") || code.equals("WORKSPACE_TEMPORARILY_UNAVAILABLE")
        || code.equals("SERVICE_UNDER_MAINTENANCE") ? Kind.UNAVAILABLE : Kind.STATEMENT_FAILED;
    return new CatalogException(kind, doing + " failed" + (code.isEmpty() ? "" : " (" + code + ")") + ": "
        + message, "read the message above; docs/databricks.md#troubleshooting lists the usual causes");
  }

  private static boolean terminal(StatementResponse r) {
    StatementState s = r.getStatus() == null ? null : r.getStatus().getState();
    return s != null && s != StatementState.PENDING && s != StatementState.RUNNING;
  }

  /** The statement's verb and target, for messages (statements can be long). */
  static String summary(String sql) {
    int as = sql.indexOf(" AS SELECT ");
    String head = as > 0 ? sql.substring(0, as) : sql;
    int props = head.indexOf(" USING DELTA");
    head = props > 0 ? head.substring(0, props) : head;
    return head.length() > 160 ? head.substring(0, 157) + "..." : head;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a statement");
    }
  }
}
