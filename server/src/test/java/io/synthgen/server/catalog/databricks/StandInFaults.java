package io.synthgen.server.catalog.databricks;

import com.databricks.sdk.service.sql.ServiceErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Failures a test switches on in a {@link WorkspaceStandIn}. Every method returns a {@link Fault}; clear it to switch
 * that failure off again, or call {@link #clearAll()}.
 */
public final class StandInFaults {

  /** A failure that is switched on until cleared. */
  @FunctionalInterface
  public interface Fault {
    void clear();
  }

  /** What an injected statement failure reports in {@code status.error}. */
  record StatementError(String errorCode, String message) {
  }

  private record UploadFailure(Predicate<String> path, AtomicInteger remaining, long afterBytes) {
  }

  private record StatementFailure(Predicate<String> sql, StatementError error) {
  }

  private record StatementDelay(Predicate<String> sql, Duration delay) {
  }

  private record Denial(String method, String pathPrefix, String message) {
  }

  private final List<UploadFailure> uploads = new CopyOnWriteArrayList<>();
  private final List<StatementFailure> statementFailures = new CopyOnWriteArrayList<>();
  private final List<StatementDelay> delays = new CopyOnWriteArrayList<>();
  private final List<Denial> denials = new CopyOnWriteArrayList<>();
  private final AtomicInteger expired = new AtomicInteger();

  /** Every upload to a {@code /Volumes/...} path matching {@code path} breaks after 512 bytes with HTTP 500. */
  public Fault failUploads(Predicate<String> path) {
    return failUploads(path, Integer.MAX_VALUE, 512);
  }

  /**
   * The first {@code times} uploads to a matching path break after {@code afterBytes}: that much is written to the
   * partial file, the rest of the body is read and dropped (so the client gets the answer, not a reset connection),
   * then the partial file is discarded and the answer is HTTP 500 INTERNAL_ERROR, as a failed upload leaves nothing.
   */
  public Fault failUploads(Predicate<String> path, int times, long afterBytes) {
    UploadFailure f = new UploadFailure(path, new AtomicInteger(times), afterBytes);
    uploads.add(f);
    return () -> uploads.remove(f);
  }

  /**
   * Statements whose text matches end FAILED with this error instead of running. {@code errorCode} must be one the SDK
   * knows in a statement status ({@link ServiceErrorCode}), because it deserializes that field as an enum.
   */
  public Fault failStatements(Predicate<String> sql, String errorCode, String message) {
    ServiceErrorCode.valueOf(errorCode);
    StatementFailure f = new StatementFailure(sql, new StatementError(errorCode, message));
    statementFailures.add(f);
    return () -> statementFailures.remove(f);
  }

  /** Statements whose text matches end FAILED with INTERNAL_ERROR "Injected failure". */
  public Fault failStatements(Predicate<String> sql) {
    return failStatements(sql, "INTERNAL_ERROR", "Injected failure");
  }

  /** Statements whose text matches stay RUNNING for {@code delay} before they run, so clients must poll or cancel. */
  public Fault delayStatements(Predicate<String> sql, Duration delay) {
    StatementDelay d = new StatementDelay(sql, delay);
    delays.add(d);
    return () -> delays.remove(d);
  }

  /** Every authenticated request gets 401 UNAUTHENTICATED "Token is expired". */
  public Fault expireToken() {
    expired.incrementAndGet();
    AtomicInteger once = new AtomicInteger(1);
    // clearing twice must not cancel another expireToken() still in force
    return () -> {
      if (once.getAndDecrement() == 1) {
        expired.decrementAndGet();
      }
    };
  }

  /**
   * Requests with this method on a path starting with {@code pathPrefix} get 403 PERMISSION_DENIED with
   * {@code message}, for example {@code "User does not have CREATE SCHEMA on Catalog 'demo'."}.
   */
  public Fault denyPermission(String method, String pathPrefix, String message) {
    Denial d = new Denial(method, pathPrefix, message);
    denials.add(d);
    return () -> denials.remove(d);
  }

  /** Switches every failure off. */
  public void clearAll() {
    uploads.clear();
    statementFailures.clear();
    delays.clear();
    denials.clear();
    expired.set(0);
  }

  boolean tokenExpired() {
    return expired.get() > 0;
  }

  Optional<String> denial(String method, String path) {
    return denials.stream().filter(d -> d.method().equals(method) && path.startsWith(d.pathPrefix()))
        .map(Denial::message).findFirst();
  }

  /** How many body bytes to read before failing an upload to {@code path}, if one of its failures is still due. */
  Optional<Long> uploadFailure(String path) {
    for (UploadFailure f : uploads) {
      if (f.path().test(path) && f.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return Optional.of(f.afterBytes());
      }
    }
    return Optional.empty();
  }

  Optional<StatementError> statementFailure(String sql) {
    return statementFailures.stream().filter(f -> f.sql().test(sql)).map(StatementFailure::error).findFirst();
  }

  Duration statementDelay(String sql) {
    return delays.stream().filter(d -> d.sql().test(sql)).map(StatementDelay::delay)
        .reduce(Duration.ZERO, Duration::plus);
  }
}
