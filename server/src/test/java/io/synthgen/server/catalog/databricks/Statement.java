package io.synthgen.server.catalog.databricks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One submitted statement and its life: PENDING, RUNNING, then exactly one of SUCCEEDED, FAILED or CANCELED. The first
 * terminal state wins, so a statement cancelled while Spark still works stays CANCELED when Spark later fails.
 */
final class Statement {

  enum State { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELED }

  final String id = UUID.randomUUID().toString();
  final String sql;

  private final CountDownLatch done = new CountDownLatch(1);
  private State state = State.PENDING;
  private SqlResults.Result result;
  private String errorCode;
  private String errorMessage;
  private String sqlState;
  private Future<?> task;

  Statement(String sql) {
    this.sql = sql;
  }

  synchronized void task(Future<?> future) {
    this.task = future;
  }

  /** Moves PENDING to RUNNING; false when the statement was cancelled before it started. */
  synchronized boolean start() {
    if (state != State.PENDING) {
      return false;
    }
    state = State.RUNNING;
    return true;
  }

  synchronized void succeed(SqlResults.Result r) {
    if (finish(State.SUCCEEDED)) {
      result = r;
    }
  }

  synchronized void fail(String code, String message, String sqlStateOrNull) {
    if (finish(State.FAILED)) {
      errorCode = code;
      errorMessage = message;
      sqlState = sqlStateOrNull;
    }
  }

  /** Cancels a statement that has not finished; its Spark jobs are cancelled by the caller. */
  synchronized boolean cancel() {
    if (!finish(State.CANCELED)) {
      return false;
    }
    if (task != null) {
      task.cancel(true);
    }
    return true;
  }

  synchronized State state() {
    return state;
  }

  boolean await(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The {@code StatementResponse} JSON for the current state. */
  synchronized ObjectNode toJson() {
    ObjectNode node = StandInExchange.JSON.createObjectNode().put("statement_id", id);
    ObjectNode status = node.putObject("status").put("state", state.name());
    if (state == State.FAILED) {
      status.putObject("error").put("error_code", errorCode).put("message", errorMessage);
      if (sqlState != null) {
        status.put("sql_state", sqlState);
      }
    }
    if (state == State.SUCCEEDED) {
      node.set("manifest", result.manifest());
      node.set("result", result.result());
    }
    return node;
  }

  private boolean finish(State terminal) {
    if (state != State.PENDING && state != State.RUNNING) {
      return false;
    }
    state = terminal;
    done.countDown();
    return true;
  }
}
